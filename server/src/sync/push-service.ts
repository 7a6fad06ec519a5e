import { parseHlc } from '../../../shared/hlc';
import {
  canonicalJson,
  MAX_CLOCK_AHEAD_MS,
  PERSON_ENTITY,
  pushAckSchema,
  type ConflictNotice,
  type FieldChange,
  type PushAck,
  type PushBatch,
} from '../../../shared/sync';
import type { Db, Queryable } from '../db/adapter';
import { dropDeletedContent } from '../documents/chunk-store';
import { SyncError } from '../http/sync-error';
import type { DeviceRecord } from './devices';
import { batchContentHash } from './content-hash';
import { pushLockKey } from './locks';
import { homeToPersons, moveChildRows, purgeRehomed, rehomedWithoutHandover, type RehomedRow } from './person-children';
import { planPush, rowKey, type ConflictRecord, type PushPlan, type RowScope } from './plan-push';
import { insertChanges, insertConflicts, loadRows, readPushState, recordBatch, storedAck, writeState, type PushState } from './push-store';

export interface PushDeps {
  readonly db: Db;
  readonly now: () => number;
  readonly newId: () => string;
}

/**
 * One push, all or nothing, in one transaction (DESIGN.md, Sync): under the push lock, the
 * changes whose opId the log holds already are set aside, only the others are inserted and
 * applied, so a batch sent twice is applied once. The ack is stored with the batch and
 * returned only after the commit. The statements are in push-store.ts.
 */
export async function applyPush(deps: PushDeps, device: DeviceRecord, batch: PushBatch): Promise<PushAck> {
  refuseFutureStamps(batch.changes, deps.now());
  const contentHash = batchContentHash(batch);

  return deps.db.transaction(async (tx) => {
    // One push at a time across all instances: sequence numbers then become visible in order.
    // The lock is the schema's, as its sync_seq is: a county's server has one, while tests and
    // benchmarks put many into one database and must not wait for each other's pushes.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [pushLockKey]);
    // Read under the lock: every push before this one has committed.
    const state = await readPushState(tx, device, batch.changes);
    if (!state.device) throw new SyncError('UNKNOWN_DEVICE');
    if (state.device.revoked) throw new SyncError('DEVICE_REVOKED');
    const lastBatchSeq = state.device.lastBatchSeq;
    if (batch.batchSeq > lastBatchSeq + 1) throw new SyncError('BATCH_SEQ_GAP', { expectedBatchSeq: lastBatchSeq + 1 });

    const isReplay = batch.batchSeq <= lastBatchSeq;
    if (isReplay) {
      const stored = await storedAck(tx, device.id, batch.batchSeq);
      if (stored && stored.contentHash === contentHash) {
        const ack = pushAckSchema.parse(JSON.parse(stored.ackJson));
        return { ...ack, replayed: true, serverTime: deps.now() };
      }
      // Same number, other content (the device re-cut its batch): fall through. Every change is
      // still applied at most once by its opId; only the batch counter does not move.
    }

    const ack = await applyChanges(tx, deps, device, batch, state);
    await recordBatch(tx, device.id, { batchSeq: batch.batchSeq, contentHash, ack, recut: isReplay }, deps.now());
    return ack;
  });
}

function refuseFutureStamps(changes: readonly FieldChange[], now: number): void {
  if (changes.some((change) => parseHlc(change.hlc).millis > now + MAX_CLOCK_AHEAD_MS)) throw new SyncError('CLOCK_AHEAD');
}

async function applyChanges(tx: Queryable, deps: PushDeps, device: DeviceRecord, batch: PushBatch, state: PushState): Promise<PushAck> {
  const changes = batch.changes;
  const { known, rows } = state;
  const unseen = changes.filter((change) => !known.has(change.opId));
  // A person's rows live in the person's team on the server, whatever team the device named.
  const homed = await homeToPersons(tx, unseen);
  const fresh = homed.changes;
  await authorize(tx, state.teams, unseen, rows, [...homed.rehomed.values()]);

  // Each value's stored text, made once for the log and the merge.
  const valueJsons = new Map(fresh.map((change) => [change.opId, canonicalJson(change.value)]));
  const { inserted, fields } = await insertChanges(tx, device.userId, fresh, valueJsons, deps.now());
  const insertedChanges = fresh
    .filter((change) => inserted.has(change.opId))
    .map((change) => ({ change, seq: inserted.get(change.opId)!, valueJson: valueJsons.get(change.opId)! }));
  // `rows` holds every row of the batch; the plan reads only those of the changes it applies.
  const plan = planPush({ inserted: insertedChanges, userId: device.userId, rows, fields, newId: deps.newId });
  await writePlan(tx, plan, deps.now());
  await purgeRehomedRows(tx, homed.rehomed, inserted, fresh, plan, deps.now());
  // A deleted document's content leaves the server with the tombstone, in this transaction.
  const tombstones = insertedChanges.filter(({ change }) => change.entity === 'documents' && change.field === 'deleted_at' && change.value !== null);
  if (tombstones.length > 0) await dropDeletedContent(tx, tombstones.map(({ change }) => change.rowId));

  return {
    batchSeq: batch.batchSeq,
    accepted: insertedChanges.map(({ change }) => change.opId),
    duplicates: changes.filter((change) => !inserted.has(change.opId)).map((change) => change.opId),
    conflicts: plan.conflicts.map(toNotice),
    serverSeqs: changes.map((change) => inserted.get(change.opId) ?? known.get(change.opId) ?? 0),
    replayed: false,
    serverTime: deps.now(),
  };
}

/**
 * A device writes only rows of its user's teams: the team each change names (as the device sent
 * it), and the team the server has the row in. A row of a person who moved out of the team the
 * change names is re-homed to the person's team (person-children.ts); into a team the user is
 * not in only when the person really left the team named (the device had it legitimately).
 * One change outside refuses the whole batch — nothing is applied; the device moves the named
 * rows to its review list.
 */
async function authorize(
  tx: Queryable,
  teams: ReadonlySet<string>,
  changes: readonly FieldChange[],
  rows: ReadonlyMap<string, RowScope>,
  rehomed: readonly RehomedRow[],
): Promise<void> {
  const outside = new Map<string, { entity: string; rowId: string }>();
  for (const change of changes) {
    const row = rows.get(rowKey(change.entity, change.rowId));
    if (!teams.has(change.teamId) || (row && !teams.has(row.teamId))) {
      outside.set(rowKey(change.entity, change.rowId), { entity: change.entity, rowId: change.rowId });
    }
  }
  const elsewhere = rehomed.filter((row) => teams.has(row.namedTeamId) && !teams.has(row.teamId));
  for (const row of await rehomedWithoutHandover(tx, elsewhere)) {
    outside.set(rowKey(row.entity, row.rowId), { entity: row.entity, rowId: row.rowId });
  }
  if (outside.size > 0) throw new SyncError('OUT_OF_SCOPE', { rows: [...outside.values()].slice(0, 100) });
}

/**
 * The team a re-homed change named gets a purge for the row, so the pushing device (and any
 * other device of that team that has it) drops it; the person's team pulls it. Only for rows
 * this push really wrote, that now sit in the person's team, and that the plan did not already
 * move out of the team named (a move writes its own purge).
 */
async function purgeRehomedRows(
  tx: Queryable,
  rehomed: ReadonlyMap<string, RehomedRow>,
  inserted: ReadonlyMap<string, number>,
  changes: readonly FieldChange[],
  plan: PushPlan,
  now: number,
): Promise<void> {
  if (rehomed.size === 0) return;
  const written = new Set(changes.filter((change) => inserted.has(change.opId)).map((change) => rowKey(change.entity, change.rowId)));
  const moved = new Set(plan.moves.map((move) => `${rowKey(move.entity, move.rowId)}\u0000${move.fromTeamId}`));
  const candidates = [...rehomed.values()].filter(
    (row) => written.has(rowKey(row.entity, row.rowId)) && !moved.has(`${rowKey(row.entity, row.rowId)}\u0000${row.namedTeamId}`),
  );
  if (candidates.length === 0) return;
  const current = await loadRows(tx, candidates);
  await purgeRehomed(tx, candidates.filter((row) => current.get(rowKey(row.entity, row.rowId))?.teamId === row.teamId), now);
}

async function writePlan(tx: Queryable, plan: PushPlan, now: number): Promise<void> {
  for (const move of plan.moves) {
    await tx.query(
      `INSERT INTO purge_log (sync_seq, entity, row_id, from_team_id, to_team_id, created_at) VALUES (nextval('sync_seq'), $1, $2, $3, $4, $5)`,
      [move.entity, move.rowId, move.fromTeamId, move.toTeamId, now],
    );
    // Fresh sequence numbers, so the new team's devices pull every field of the row.
    await tx.query(`UPDATE field_state SET team_id = $3, sync_seq = nextval('sync_seq') WHERE entity = $1 AND row_id = $2`, [
      move.entity,
      move.rowId,
      move.toTeamId,
    ]);
  }
  await writeState(tx, plan.rowWrites, plan.fieldWrites);
  await insertConflicts(tx, plan.conflicts, now);
  // Last: a row of the person that this very batch re-sent with the new team has moved already.
  for (const move of plan.moves) {
    if (move.entity !== PERSON_ENTITY) continue;
    const write = plan.rowWrites.find((row) => row.entity === move.entity && row.rowId === move.rowId)!;
    await moveChildRows(tx, move, write.teamHlc, now);
  }
}

function toNotice(c: ConflictRecord): ConflictNotice {
  return {
    conflictId: c.id,
    opId: c.incoming.opId,
    entity: c.entity,
    rowId: c.rowId,
    field: c.field,
    serverValue: JSON.parse(c.server.valueJson) as ConflictNotice['serverValue'],
    serverHlc: c.server.hlc,
    serverDeviceId: c.server.deviceId,
    serverUserId: c.server.userId,
    serverSeq: c.server.versionSeq,
    winner: c.winner,
  };
}
