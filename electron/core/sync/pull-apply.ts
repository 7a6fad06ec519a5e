import type { HybridClock } from '../../../shared/hlc';
import { compareHlc } from '../../../shared/hlc';
import { canonicalJson, isBookkeepingField, mergePulled, pulledChangeSchema, type PulledChange, type PullPage, type Purge } from '../../../shared/sync';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db-types';
import { unindexPerson } from '../search/indexer';
import { saveClock } from '../store/meta';
import { prepared } from '../store/prepared';
import { casesEntity, documentsEntity, personsEntity, type EntityDefinition, type RowValues } from '../write/entities';
import { conflictForLocalOp, insertConflict, moveOutboxToReview } from './conflict-store';
import { fromColumn, rowDefaults, syncedEntities, toColumn } from './columns';
import { saveServerFacts, setCursor } from './state';

/**
 * Applies one pull page and its cursor in ONE transaction (DESIGN.md, Sync: every step is safe
 * to kill and repeat). Per field, the pulled value wins iff its HLC is greater; a pulled value
 * that beats an edit not yet pushed is kept beside it as a conflict. Rows are written directly,
 * not through the write path: a pulled change must not travel back out through the outbox. Each
 * touched row is audited (actor "Synchronisation") and reindexed for search.
 *
 * Never deletes a row because the server lacks it; only an explicit purge (the row left the
 * device's teams) removes rows.
 */
export const syncActor = 'Synchronisation';

export interface PullApplyContext {
  readonly db: Db;
  readonly clock: HybridClock;
  readonly now: () => number;
  /** tests only: called after each applied row (to simulate a crash in the middle of a page) */
  readonly onRowApplied?: (count: number) => void;
}

export interface PageOutcome {
  readonly appliedRows: number;
  readonly conflicts: number;
  readonly parked: number;
}

type InboxReason = 'unknown' | 'parent';

interface Counters {
  appliedRows: number;
  conflicts: number;
  parked: number;
  /** op ids in sync_inbox now: only these need deleting when their change is applied */
  readonly inbox: Set<string>;
}

export function applyPullPage(ctx: PullApplyContext, page: PullPage, options: { retryUnknown: boolean }): PageOutcome {
  const { db } = ctx;
  return db.transaction((): PageOutcome => {
    const counters: Counters = { appliedRows: 0, conflicts: 0, parked: 0, inbox: new Set() };
    for (const purge of page.purges) purgeRow(ctx, purge);

    const parked = loadParked(db, options.retryUnknown ? ['parent', 'unknown'] : ['parent']);
    const parkedIds = new Set(parked.map((change) => change.opId));
    for (const { op_id: opId } of prepared(db, 'SELECT op_id FROM sync_inbox').all() as { op_id: string }[]) counters.inbox.add(opId);
    const changes = [...parked, ...page.changes.filter((change) => !parkedIds.has(change.opId))];
    for (const change of changes) ctx.clock.receive(change.hlc);

    const groups = new Map<string, { entity: EntityDefinition; rowId: string; changes: PulledChange[] }>();
    for (const change of changes) {
      const entity = syncedEntities.get(change.entity);
      if (!entity || !entity.fields.includes(change.field) || !toColumn(entity, change.field, change.value).ok) {
        // A newer app's field or entity (or a value this version cannot hold): kept, not dropped.
        park(db, change, 'unknown', ctx.now(), counters);
        counters.parked += 1;
        continue;
      }
      const key = `${change.entity}\u0000${change.rowId}`;
      const group = groups.get(key) ?? { entity, rowId: change.rowId, changes: [] };
      group.changes.push(change);
      groups.set(key, group);
    }
    // Persons, then cases (a case needs its person to exist), then everything else.
    const ordered = [...groups.values()].sort((a, b) => applyRank(a.entity) - applyRank(b.entity));
    for (const group of ordered) applyRow(ctx, group.entity, group.rowId, group.changes, counters);

    setCursor(db, page.nextCursor);
    saveServerFacts(db, { role: page.role, referenceData: page.referenceData });
    saveClock(db, ctx.clock);
    return { appliedRows: counters.appliedRows, conflicts: counters.conflicts, parked: counters.parked };
  })();
}

function applyRank(entity: EntityDefinition): number {
  if (entity.name === personsEntity.name) return 0;
  return entity.name === casesEntity.name ? 1 : 2;
}

function loadParked(db: Db, reasons: readonly InboxReason[]): PulledChange[] {
  const rows = db
    .prepare(`SELECT change FROM sync_inbox WHERE reason IN (${reasons.map(() => '?').join(', ')})`)
    .all(...reasons) as { change: string }[];
  const out: PulledChange[] = [];
  for (const row of rows) {
    try {
      const parsed = pulledChangeSchema.safeParse(JSON.parse(row.change));
      if (parsed.success) out.push(parsed.data);
    } catch {
      // an unreadable entry stays where it is; it never blocks a page
    }
  }
  return out;
}

function park(db: Db, change: PulledChange, reason: InboxReason, now: number, counters: Counters): void {
  counters.inbox.add(change.opId);
  prepared(
    db,
    `INSERT INTO sync_inbox (op_id, reason, entity, row_id, field, change, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (op_id) DO UPDATE SET reason = excluded.reason`,
  ).run(change.opId, reason, change.entity, change.rowId, change.field, JSON.stringify(change), new Date(now).toISOString());
}

function unpark(db: Db, changes: readonly PulledChange[], counters: Counters): void {
  if (counters.inbox.size === 0) return;
  const remove = prepared(db, 'DELETE FROM sync_inbox WHERE op_id = ?');
  for (const change of changes) {
    if (counters.inbox.delete(change.opId)) remove.run(change.opId);
  }
}

/** The value a group sets for a field by the merge rule among its own changes (latest HLC). */
function latestValue(changes: readonly PulledChange[], field: string): unknown {
  let best: PulledChange | undefined;
  for (const change of changes) if (change.field === field && (!best || compareHlc(change.hlc, best.hlc) > 0)) best = change;
  return best?.value;
}

function applyRow(ctx: PullApplyContext, entity: EntityDefinition, rowId: string, changes: PulledChange[], counters: Counters): void {
  const { db } = ctx;
  const existing = prepared(db, `SELECT * FROM ${entity.table} WHERE id = ?`).get(rowId) as RowValues | undefined;

  // Only a case has a foreign key (to its person); case-work rows join their person when read.
  if (entity.name === casesEntity.name) {
    const personId = latestValue(changes, 'person_id') ?? existing?.person_id;
    const personThere = typeof personId === 'string' && prepared(db, 'SELECT 1 FROM persons WHERE id = ?').get(personId) !== undefined;
    if (!personThere) {
      // The person has not arrived yet (or this page ended before the case's person_id did).
      for (const change of changes) park(db, change, 'parent', ctx.now(), counters);
      counters.parked += changes.length;
      return;
    }
  }

  const clocks = new Map(
    (prepared(db, 'SELECT field, hlc FROM field_clock WHERE entity = ? AND row_id = ?').all(entity.name, rowId) as { field: string; hlc: string }[]).map(
      (row) => [row.field, row.hlc],
    ),
  );
  const pendingOps = new Map(
    (prepared(db, 'SELECT field, op_id FROM outbox WHERE entity = ? AND row_id = ? ORDER BY seq').all(entity.name, rowId) as { field: string; op_id: string }[]).map(
      (row) => [row.field, row.op_id],
    ),
  );
  const values: RowValues = existing ? { ...existing } : { ...rowDefaults(entity, ctx.now()) };
  const changed = new Set<string>();
  // The field clocks this group leaves behind, written once after the loop (nothing in the loop
  // reads field_clock): a field set here gets its last stamp and version; a field only seen
  // again keeps its stamp and raises its version to the highest one seen.
  const setClocks = new Map<string, { hlc: string; serverSeq: number }>();
  const raised = new Map<string, number>();

  for (const change of [...changes].sort((a, b) => compareHlc(a.hlc, b.hlc))) {
    const column = toColumn(entity, change.field, change.value);
    if (!column.ok) continue; // checked by the caller already
    const localHlc = clocks.get(change.field) ?? null;
    const pendingOp = pendingOps.get(change.field) ?? null;
    const localValue = fromColumn(entity, change.field, values[change.field]);
    const decision = mergePulled(
      { value: change.value, hlc: change.hlc },
      localHlc === null ? null : { value: localValue, hlc: localHlc, pending: pendingOp !== null },
    );
    if (decision.conflict && !isBookkeepingField(change.field) && pendingOp !== null && conflictForLocalOp(db, pendingOp, change.hlc) === null) {
      insertConflict(
        db,
        {
          kind: 'concurrent',
          entity: entity.name,
          rowId,
          field: change.field,
          localValue: canonicalJson(localValue),
          localHlc,
          localOpId: pendingOp,
          remoteValue: canonicalJson(change.value),
          remoteHlc: change.hlc,
          remoteDeviceId: change.deviceId,
          remoteUserId: change.userId,
        },
        ctx.now(),
      );
      counters.conflicts += 1;
    }
    if (decision.apply) {
      values[change.field] = column.value;
      changed.add(change.field);
      clocks.set(change.field, change.hlc);
      setClocks.set(change.field, { hlc: change.hlc, serverSeq: change.serverSeq });
      raised.delete(change.field);
    } else {
      const set = setClocks.get(change.field);
      if (set) set.serverSeq = Math.max(set.serverSeq, change.serverSeq);
      else raised.set(change.field, Math.max(raised.get(change.field) ?? 0, change.serverSeq));
    }
  }
  writeClocks(db, entity.name, rowId, setClocks, raised);
  unpark(db, changes, counters);
  if (changed.size === 0) return;

  const nowIso = new Date(ctx.now()).toISOString();
  if (existing) {
    const fields = [...changed];
    prepared(db, `UPDATE ${entity.table} SET ${[...fields, 'updated_at'].map((f) => `${f} = ?`).join(', ')} WHERE id = ?`).run(
      ...fields.map((f) => values[f] ?? null),
      nowIso,
      rowId,
    );
  } else {
    const columns = [...entity.fields];
    prepared(
      db,
      `INSERT INTO ${entity.table} (id, ${columns.join(', ')}, updated_at) VALUES (?, ${columns.map(() => '?').join(', ')}, ?)`,
    ).run(rowId, ...columns.map((f) => values[f] ?? null), nowIso);
  }
  appendAudit(db, {
    at: nowIso,
    actor: syncActor,
    action: 'sync',
    entity: entity.name,
    rowId,
    details: { fields: [...changed].sort() },
  });
  const row = prepared(db, `SELECT * FROM ${entity.table} WHERE id = ?`).get(rowId) as RowValues;
  entity.afterWrite?.(db, row);
  counters.appliedRows += 1;
  ctx.onRowApplied?.(counters.appliedRows);
}

function writeClocks(
  db: Db,
  entity: string,
  rowId: string,
  setClocks: ReadonlyMap<string, { hlc: string; serverSeq: number }>,
  raised: ReadonlyMap<string, number>,
): void {
  if (setClocks.size > 0) {
    // One statement for the row's fields: a person arrives with fifteen of them.
    const params: (string | number)[] = [];
    for (const [field, clock] of setClocks) params.push(entity, rowId, field, clock.hlc, clock.serverSeq);
    prepared(
      db,
      `INSERT INTO field_clock (entity, row_id, field, hlc, server_seq) VALUES ${Array.from({ length: setClocks.size }, () => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, server_seq = excluded.server_seq`,
    ).run(...params);
  }
  if (raised.size > 0) {
    const raiseVersion = prepared(
      db,
      'UPDATE field_clock SET server_seq = max(coalesce(server_seq, 0), ?) WHERE entity = ? AND row_id = ? AND field = ?',
    );
    for (const [field, serverSeq] of raised) raiseVersion.run(serverSeq, entity, rowId, field);
  }
}

/**
 * The row left the device's teams: it goes, with its clocks, parked changes and search keys; a
 * person takes along its cases and every person-scoped row that names it. Local edits of them
 * that were never sent move to the review list, not into the void.
 */
function purgeRow(ctx: PullApplyContext, purge: Purge): void {
  const entity = syncedEntities.get(purge.entity);
  if (!entity) {
    // An entity this version does not know: only its parked changes are here.
    ctx.db.prepare('DELETE FROM sync_inbox WHERE entity = ? AND row_id = ?').run(purge.entity, purge.rowId);
    return;
  }
  if (entity.name === personsEntity.name) {
    for (const child of childEntities) {
      const ids = prepared(ctx.db, `SELECT id FROM ${child.table} WHERE person_id = ?`).all(purge.rowId) as { id: string }[];
      for (const { id } of ids) removeRow(ctx, child, id);
    }
  }
  removeRow(ctx, entity, purge.rowId);
}

/** Every entity whose rows hang off a person (cases and the case-work tables). */
const childEntities = [...syncedEntities.values()].filter((entity) => entity.name !== personsEntity.name && entity.fields.includes('person_id'));

function removeRow(ctx: PullApplyContext, entity: EntityDefinition, rowId: string): void {
  const { db } = ctx;
  moveOutboxToReview(db, [{ entity: entity.name, rowId }], 'out_of_scope', ctx.now(), false);
  prepared(db, 'DELETE FROM field_clock WHERE entity = ? AND row_id = ?').run(entity.name, rowId);
  prepared(db, 'DELETE FROM sync_inbox WHERE entity = ? AND row_id = ?').run(entity.name, rowId);
  removeLocalData(db, entity, rowId);
  const removed = prepared(db, `DELETE FROM ${entity.table} WHERE id = ?`).run(rowId);
  if (removed.changes > 0) {
    appendAudit(db, { at: new Date(ctx.now()).toISOString(), actor: syncActor, action: 'purge', entity: entity.name, rowId, details: {} });
  }
}

/**
 * What the device keeps beside a synced row and never syncs as fields: a person's search keys,
 * a document's content. It leaves with the row.
 */
function removeLocalData(db: Db, entity: EntityDefinition, rowId: string): void {
  if (entity.name === personsEntity.name) unindexPerson(db, rowId);
  if (entity.name === documentsEntity.name) prepared(db, 'DELETE FROM document_chunks WHERE document_id = ?').run(rowId);
}
