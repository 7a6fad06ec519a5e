import { createHash } from 'node:crypto';
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
import { num, numOrNull, str } from '../db/values';
import { dropDeletedContent } from '../documents/chunk-store';
import { SyncError } from '../http/sync-error';
import type { DeviceRecord } from './devices';
import { teamsOfUser } from './devices';
import { fieldKey, planPush, rowKey, type ConflictRecord, type FieldVersion, type PushPlan, type RowScope } from './plan-push';
import { pushLockKey } from './locks';
import { homeToPersons, moveChildRows, purgeRehomed, rehomedWithoutHandover, type RehomedRow } from './person-children';

export interface PushDeps {
  readonly db: Db;
  readonly now: () => number;
  readonly newId: () => string;
}

/**
 * One push, all or nothing, in one transaction (DESIGN.md, Sync): every change is inserted with
 * ON CONFLICT (op_id) DO NOTHING, and state is applied only for the rows really inserted, so a
 * batch sent twice is applied once. The ack is stored with the batch and returned only after
 * the commit.
 */
export async function applyPush(deps: PushDeps, device: DeviceRecord, batch: PushBatch): Promise<PushAck> {
  refuseFutureStamps(batch.changes, deps.now());
  const contentHash = createHash('sha256').update(canonicalJson(batch)).digest('base64url');

  return deps.db.transaction(async (tx) => {
    // One push at a time across all instances: sequence numbers then become visible in order.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [pushLockKey]);
    const locked = await tx.query('SELECT last_batch_seq, revoked_at FROM device WHERE id = $1', [device.id]);
    const deviceRow = locked[0];
    if (!deviceRow) throw new SyncError('UNKNOWN_DEVICE');
    if (numOrNull(deviceRow, 'revoked_at') !== null) throw new SyncError('DEVICE_REVOKED');
    const lastBatchSeq = num(deviceRow, 'last_batch_seq');
    if (batch.batchSeq > lastBatchSeq + 1) throw new SyncError('BATCH_SEQ_GAP', { expectedBatchSeq: lastBatchSeq + 1 });

    const isReplay = batch.batchSeq <= lastBatchSeq;
    if (isReplay) {
      const stored = await tx.query('SELECT content_hash, ack_json FROM push_batch WHERE device_id = $1 AND batch_seq = $2', [
        device.id,
        batch.batchSeq,
      ]);
      if (stored[0] && str(stored[0], 'content_hash') === contentHash) {
        const ack = pushAckSchema.parse(JSON.parse(str(stored[0], 'ack_json')));
        return { ...ack, replayed: true, serverTime: deps.now() };
      }
      // Same number, other content (the device re-cut its batch): fall through. Every change is
      // still applied at most once by its opId; only the batch counter does not move.
    }

    const ack = await applyChanges(tx, deps, device, batch);
    if (!isReplay) {
      await tx.query('UPDATE device SET last_batch_seq = $2, last_push_at = $3 WHERE id = $1', [device.id, batch.batchSeq, deps.now()]);
      await tx.query('INSERT INTO push_batch (device_id, batch_seq, content_hash, ack_json, created_at) VALUES ($1, $2, $3, $4, $5)', [
        device.id,
        batch.batchSeq,
        contentHash,
        JSON.stringify(ack),
        deps.now(),
      ]);
    } else {
      await tx.query('UPDATE device SET last_push_at = $2 WHERE id = $1', [device.id, deps.now()]);
    }
    return ack;
  });
}

function refuseFutureStamps(changes: readonly FieldChange[], now: number): void {
  if (changes.some((change) => parseHlc(change.hlc).millis > now + MAX_CLOCK_AHEAD_MS)) throw new SyncError('CLOCK_AHEAD');
}

async function applyChanges(tx: Queryable, deps: PushDeps, device: DeviceRecord, batch: PushBatch): Promise<PushAck> {
  const changes = batch.changes;
  const known = new Map<string, number>();
  for (const row of await tx.query('SELECT op_id, seq FROM change_log WHERE op_id = ANY($1::text[])', [changes.map((c) => c.opId)])) {
    known.set(str(row, 'op_id'), num(row, 'seq'));
  }
  const unseen = changes.filter((change) => !known.has(change.opId));
  // A person's rows live in the person's team on the server, whatever team the device named.
  const homed = await homeToPersons(tx, unseen);
  const fresh = homed.changes;
  const rows = await loadRows(tx, fresh);
  await authorize(tx, device.userId, unseen, rows, [...homed.rehomed.values()]);

  const inserted = await insertChanges(tx, device.userId, fresh, deps.now());
  const insertedChanges = fresh.filter((change) => inserted.has(change.opId)).map((change) => ({ change, seq: inserted.get(change.opId)! }));
  const plan = planPush({
    inserted: insertedChanges,
    userId: device.userId,
    rows,
    fields: await loadFields(tx, insertedChanges.map(({ change }) => change)),
    newId: deps.newId,
  });
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
  userId: string,
  changes: readonly FieldChange[],
  rows: ReadonlyMap<string, RowScope>,
  rehomed: readonly RehomedRow[],
): Promise<void> {
  const teams = new Set(await teamsOfUser(tx, userId));
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

async function loadRows(tx: Queryable, changes: readonly Pick<FieldChange, 'entity' | 'rowId'>[]): Promise<Map<string, RowScope>> {
  const keys = new Map(changes.map((c) => [rowKey(c.entity, c.rowId), c]));
  const result = new Map<string, RowScope>();
  if (keys.size === 0) return result;
  const found = await tx.query(
    `SELECT s.entity, s.row_id, s.team_id, s.team_hlc FROM sync_row s
     JOIN unnest($1::text[], $2::text[]) AS k(entity, row_id) ON s.entity = k.entity AND s.row_id = k.row_id`,
    [[...keys.values()].map((c) => c.entity), [...keys.values()].map((c) => c.rowId)],
  );
  for (const row of found) {
    result.set(rowKey(str(row, 'entity'), str(row, 'row_id')), { teamId: str(row, 'team_id'), teamHlc: str(row, 'team_hlc') });
  }
  return result;
}

async function loadFields(tx: Queryable, changes: readonly FieldChange[]): Promise<Map<string, FieldVersion>> {
  const keys = new Map(changes.map((c) => [fieldKey(c.entity, c.rowId, c.field), c]));
  const result = new Map<string, FieldVersion>();
  if (keys.size === 0) return result;
  const list = [...keys.values()];
  const found = await tx.query(
    `SELECT f.entity, f.row_id, f.field, f.value_json, f.hlc, f.device_id, f.user_id, f.op_id, f.version_seq, f.schema_version
     FROM field_state f
     JOIN unnest($1::text[], $2::text[], $3::text[]) AS k(entity, row_id, field)
       ON f.entity = k.entity AND f.row_id = k.row_id AND f.field = k.field`,
    [list.map((c) => c.entity), list.map((c) => c.rowId), list.map((c) => c.field)],
  );
  for (const row of found) {
    result.set(fieldKey(str(row, 'entity'), str(row, 'row_id'), str(row, 'field')), {
      valueJson: str(row, 'value_json'),
      hlc: str(row, 'hlc'),
      deviceId: str(row, 'device_id'),
      userId: str(row, 'user_id'),
      opId: str(row, 'op_id'),
      versionSeq: num(row, 'version_seq'),
      schemaVersion: num(row, 'schema_version'),
    });
  }
  return result;
}

/** Returns opId → new seq for the changes really inserted (a concurrent duplicate is skipped). */
async function insertChanges(tx: Queryable, userId: string, changes: readonly FieldChange[], now: number): Promise<Map<string, number>> {
  const inserted = new Map<string, number>();
  if (changes.length === 0) return inserted;
  const column = <T>(pick: (change: FieldChange) => T) => changes.map(pick);
  const rows = await tx.query(
    `INSERT INTO change_log (op_id, device_id, user_id, team_id, entity, row_id, field, value_json, hlc, base_seq, schema_version, received_at)
     SELECT op_id, device_id, $12, team_id, entity, row_id, field, value_json, hlc, base_seq, schema_version, $13
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[], $10::integer[], $11::bigint[])
       AS u(op_id, device_id, team_id, entity, row_id, field, value_json, hlc, base_seq, schema_version, ord)
     ORDER BY ord
     ON CONFLICT (op_id) DO NOTHING
     RETURNING op_id, seq`,
    [
      column((c) => c.opId),
      column((c) => c.deviceId),
      column((c) => c.teamId),
      column((c) => c.entity),
      column((c) => c.rowId),
      column((c) => c.field),
      column((c) => canonicalJson(c.value)),
      column((c) => c.hlc),
      column((c) => c.baseSeq),
      column((c) => c.schemaVersion),
      changes.map((_, index) => index),
      userId,
      now,
    ],
  );
  for (const row of rows) inserted.set(str(row, 'op_id'), num(row, 'seq'));
  return inserted;
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
  if (plan.rowWrites.length > 0) {
    const rows = plan.rowWrites;
    await tx.query(
      `INSERT INTO sync_row (entity, row_id, team_id, team_hlc)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT (entity, row_id) DO UPDATE SET team_id = excluded.team_id, team_hlc = excluded.team_hlc`,
      [rows.map((r) => r.entity), rows.map((r) => r.rowId), rows.map((r) => r.teamId), rows.map((r) => r.teamHlc)],
    );
  }
  if (plan.fieldWrites.length > 0) {
    const writes = plan.fieldWrites;
    const column = <T>(pick: (write: (typeof writes)[number]) => T) => writes.map(pick);
    await tx.query(
      `INSERT INTO field_state (entity, row_id, field, team_id, value_json, hlc, device_id, user_id, op_id, schema_version, version_seq, sync_seq)
       SELECT entity, row_id, field, team_id, value_json, hlc, device_id, user_id, op_id, schema_version, version_seq, version_seq
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::integer[], $11::bigint[])
         AS u(entity, row_id, field, team_id, value_json, hlc, device_id, user_id, op_id, schema_version, version_seq)
       ON CONFLICT (entity, row_id, field) DO UPDATE SET
         team_id = excluded.team_id, value_json = excluded.value_json, hlc = excluded.hlc, device_id = excluded.device_id,
         user_id = excluded.user_id, op_id = excluded.op_id, schema_version = excluded.schema_version,
         version_seq = excluded.version_seq, sync_seq = excluded.sync_seq`,
      [
        column((w) => w.entity),
        column((w) => w.rowId),
        column((w) => w.field),
        column((w) => w.teamId),
        column((w) => w.version.valueJson),
        column((w) => w.version.hlc),
        column((w) => w.version.deviceId),
        column((w) => w.version.userId),
        column((w) => w.version.opId),
        column((w) => w.version.schemaVersion),
        column((w) => w.version.versionSeq),
      ],
    );
  }
  for (const conflict of plan.conflicts) await insertConflict(tx, conflict, now);
  // Last: a row of the person that this very batch re-sent with the new team has moved already.
  for (const move of plan.moves) {
    if (move.entity !== PERSON_ENTITY) continue;
    const write = plan.rowWrites.find((row) => row.entity === move.entity && row.rowId === move.rowId)!;
    await moveChildRows(tx, move, write.teamHlc, now);
  }
}

async function insertConflict(tx: Queryable, c: ConflictRecord, now: number): Promise<void> {
  await tx.query(
    `INSERT INTO sync_conflict (id, entity, row_id, field, team_id, winner,
       incoming_op_id, incoming_value_json, incoming_hlc, incoming_device_id, incoming_user_id, incoming_base_seq,
       server_op_id, server_value_json, server_hlc, server_device_id, server_user_id, server_seq, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [
      c.id,
      c.entity,
      c.rowId,
      c.field,
      c.teamId,
      c.winner,
      c.incoming.opId,
      c.incoming.valueJson,
      c.incoming.hlc,
      c.incoming.deviceId,
      c.incoming.userId,
      c.incoming.baseSeq,
      c.server.opId,
      c.server.valueJson,
      c.server.hlc,
      c.server.deviceId,
      c.server.userId,
      c.server.versionSeq,
      now,
    ],
  );
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
