import type { HybridClock } from '../../../shared/hlc';
import { compareHlc } from '../../../shared/hlc';
import {
  canonicalJson,
  isBookkeepingField,
  mergePulled,
  mergePulledWriteOnce,
  pulledChangeSchema,
  type PulledChange,
  type PullPage,
  type Purge,
} from '../../../shared/sync';
import { isAppendOnlyEntity } from '../../../shared/sync/append-only';
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
 * A field of an append-only entity (contact notes, assessments, phase events) that holds a value
 * is never overwritten by a different pulled one: the pulled value goes to the review list as a
 * conflict and the original stays.
 *
 * What a page needs to know of the rows it touches — their current values, field clocks and
 * unpushed edits — is read once per entity for the whole page, and the field clocks it leaves
 * behind are written at its end in a few statements: a first pull brings 20,000 rows.
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
    // The clock need only pass the latest stamp of the page to pass every one of them.
    let latest: string | null = null;
    for (const change of changes) if (latest === null || compareHlc(change.hlc, latest) > 0) latest = change.hlc;
    if (latest !== null) ctx.clock.receive(latest);

    const groups = new Map<string, RowGroup>();
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
    const known = loadPageState(db, ordered);
    const clockWrites: ClockWrites = { set: [], raised: [] };
    for (const group of ordered) applyRow(ctx, group, known, clockWrites, counters);
    writeClocks(db, clockWrites);

    setCursor(db, page.nextCursor);
    saveServerFacts(db, { role: page.role, referenceData: page.referenceData });
    saveClock(db, ctx.clock);
    return { appliedRows: counters.appliedRows, conflicts: counters.conflicts, parked: counters.parked };
  })();
}

interface RowGroup {
  readonly entity: EntityDefinition;
  readonly rowId: string;
  readonly changes: PulledChange[];
}

/** What the page's rows hold before the page, read once per entity (keys: entity NUL rowId). */
interface PageState {
  readonly rows: Map<string, RowValues>;
  /** field → HLC, per row that has clocks */
  readonly clocks: Map<string, Map<string, string>>;
  /** field → op id of the latest unpushed local edit, per row that has any */
  readonly pending: Map<string, Map<string, string>>;
  /** persons on the device (of those the page's cases name, and those the page writes) */
  readonly persons: Set<string>;
}

/** The field clocks a page leaves behind, written once at its end (nothing in the page reads them). */
interface ClockWrites {
  /** a field set by the page: its last stamp and version */
  readonly set: { entity: string; rowId: string; field: string; hlc: string; serverSeq: number }[];
  /** a field only seen again: its stamp stays, its version rises to the highest one seen */
  readonly raised: { entity: string; rowId: string; field: string; serverSeq: number }[];
}

const rowKeyOf = (entity: string, rowId: string) => `${entity}\u0000${rowId}`;

function loadPageState(db: Db, groups: readonly RowGroup[]): PageState {
  const state: PageState = { rows: new Map(), clocks: new Map(), pending: new Map(), persons: new Set() };
  const idsByEntity = new Map<EntityDefinition, string[]>();
  for (const group of groups) {
    const ids = idsByEntity.get(group.entity) ?? [];
    ids.push(group.rowId);
    idsByEntity.set(group.entity, ids);
  }
  // A device that was just enrolled has nothing waiting: one look spares the per-entity queries.
  const anyPending = prepared(db, 'SELECT 1 FROM outbox LIMIT 1').get() !== undefined;
  for (const [entity, ids] of idsByEntity) {
    const idList = JSON.stringify(ids);
    for (const row of prepared(db, `SELECT * FROM ${entity.table} WHERE id IN (SELECT value FROM json_each(?))`).all(idList) as RowValues[]) {
      state.rows.set(rowKeyOf(entity.name, String(row.id)), row);
    }
    const clockRows = prepared(db, 'SELECT row_id, field, hlc FROM field_clock WHERE entity = ? AND row_id IN (SELECT value FROM json_each(?))').all(
      entity.name,
      idList,
    ) as { row_id: string; field: string; hlc: string }[];
    for (const row of clockRows) nested(state.clocks, rowKeyOf(entity.name, row.row_id)).set(row.field, row.hlc);
    if (anyPending) {
      const pendingRows = prepared(
        db,
        'SELECT row_id, field, op_id FROM outbox WHERE entity = ? AND row_id IN (SELECT value FROM json_each(?)) ORDER BY seq',
      ).all(entity.name, idList) as { row_id: string; field: string; op_id: string }[];
      for (const row of pendingRows) nested(state.pending, rowKeyOf(entity.name, row.row_id)).set(row.field, row.op_id);
    }
  }

  // The persons the page's cases need: there already, or written by this page before them.
  const personIds = new Set<string>();
  for (const group of groups) {
    if (group.entity.name !== casesEntity.name) continue;
    const personId = latestValue(group.changes, 'person_id') ?? state.rows.get(rowKeyOf(casesEntity.name, group.rowId))?.person_id;
    if (typeof personId === 'string') personIds.add(personId);
  }
  if (personIds.size > 0) {
    const found = prepared(db, 'SELECT id FROM persons WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify([...personIds])) as { id: string }[];
    for (const { id } of found) state.persons.add(id);
  }
  return state;
}

function nested(map: Map<string, Map<string, string>>, key: string): Map<string, string> {
  let inner = map.get(key);
  if (!inner) {
    inner = new Map();
    map.set(key, inner);
  }
  return inner;
}

function applyRank(entity: EntityDefinition): number {
  if (entity.name === personsEntity.name) return 0;
  return entity.name === casesEntity.name ? 1 : 2;
}

function loadParked(db: Db, reasons: readonly InboxReason[]): PulledChange[] {
  const rows = prepared(db, `SELECT change FROM sync_inbox WHERE reason IN (${reasons.map(() => '?').join(', ')})`).all(...reasons) as {
    change: string;
  }[];
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

function applyRow(ctx: PullApplyContext, group: RowGroup, known: PageState, clockWrites: ClockWrites, counters: Counters): void {
  const { db } = ctx;
  const { entity, rowId, changes } = group;
  const key = rowKeyOf(entity.name, rowId);
  const existing = known.rows.get(key);

  // Only a case has a foreign key (to its person); case-work rows join their person when read.
  if (entity.name === casesEntity.name) {
    const personId = latestValue(changes, 'person_id') ?? existing?.person_id;
    if (typeof personId !== 'string' || !known.persons.has(personId)) {
      // The person has not arrived yet (or this page ended before the case's person_id did).
      for (const change of changes) park(db, change, 'parent', ctx.now(), counters);
      counters.parked += changes.length;
      return;
    }
  }

  const clocks = known.clocks.get(key) ?? new Map<string, string>();
  const pendingOps = known.pending.get(key);
  const writeOnce = isAppendOnlyEntity(entity.name);
  const values: RowValues = existing ? { ...existing } : { ...rowDefaults(entity, ctx.now()) };
  const changed = new Set<string>();
  // The field clocks this group leaves behind: a field set here gets its last stamp and version;
  // a field only seen again keeps its stamp and raises its version to the highest one seen.
  const setClocks = new Map<string, { hlc: string; serverSeq: number }>();
  const raised = new Map<string, number>();

  const sorted = changes.length > 1 ? [...changes].sort((a, b) => compareHlc(a.hlc, b.hlc)) : changes;
  for (const change of sorted) {
    const column = toColumn(entity, change.field, change.value);
    if (!column.ok) continue; // checked by the caller already
    const localHlc = clocks.get(change.field) ?? null;
    const pendingOp = pendingOps?.get(change.field) ?? null;
    const localValue = localHlc === null ? null : fromColumn(entity, change.field, values[change.field]);
    const local = localHlc === null ? null : { value: localValue, hlc: localHlc, pending: pendingOp !== null };
    const pulled = { value: change.value, hlc: change.hlc };
    const decision = writeOnce ? mergePulledWriteOnce(pulled, local) : mergePulled(pulled, local);
    if (writeOnce && decision.conflict && !decision.apply) {
      // A rewrite of a field written once: the original stays, the pulled value is kept aside.
      if (keepRefused(ctx, entity, rowId, change, localValue, localHlc, pendingOp)) counters.conflicts += 1;
    } else if (decision.conflict && !isBookkeepingField(change.field) && pendingOp !== null && conflictForLocalOp(db, pendingOp, change.hlc) === null) {
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
  for (const [field, clock] of setClocks) clockWrites.set.push({ entity: entity.name, rowId, field, hlc: clock.hlc, serverSeq: clock.serverSeq });
  for (const [field, serverSeq] of raised) clockWrites.raised.push({ entity: entity.name, rowId, field, serverSeq });
  unpark(db, changes, counters);
  if (changed.size === 0) {
    if (existing && entity.name === personsEntity.name) known.persons.add(rowId);
    return;
  }

  const nowIso = new Date(ctx.now()).toISOString();
  if (existing) {
    const fields = [...changed];
    prepared(db, `UPDATE ${entity.table} SET ${[...fields, 'updated_at'].map((f) => `${f} = ?`).join(', ')} WHERE id = ?`).run(
      ...fields.map((f) => values[f] ?? null),
      nowIso,
      rowId,
    );
  } else {
    const columns = entity.fields;
    prepared(
      db,
      `INSERT INTO ${entity.table} (id, ${columns.join(', ')}, updated_at) VALUES (?, ${columns.map(() => '?').join(', ')}, ?)`,
    ).run(rowId, ...columns.map((f) => values[f] ?? null), nowIso);
  }
  values.id = rowId;
  values.updated_at = nowIso;
  known.rows.set(key, values);
  if (entity.name === personsEntity.name) known.persons.add(rowId);
  appendAudit(db, {
    at: nowIso,
    actor: syncActor,
    action: 'sync',
    entity: entity.name,
    rowId,
    details: { fields: [...changed].sort() },
  });
  // The row as stored: its synced columns are in `values` (nothing else writes them here).
  entity.afterWrite?.(db, values);
  counters.appliedRows += 1;
  ctx.onRowApplied?.(counters.appliedRows);
}

/**
 * Keeps a pulled value that would rewrite a written-once field in the review list, beside the
 * value the device holds (once per pulled stamp: a page pulled again adds no second record).
 */
function keepRefused(
  ctx: PullApplyContext,
  entity: EntityDefinition,
  rowId: string,
  change: PulledChange,
  localValue: unknown,
  localHlc: string | null,
  pendingOp: string | null,
): boolean {
  const { db } = ctx;
  const seen = prepared(db, 'SELECT 1 FROM sync_conflict WHERE entity = ? AND row_id = ? AND field = ? AND remote_hlc = ? LIMIT 1').get(
    entity.name,
    rowId,
    change.field,
    change.hlc,
  );
  if (seen !== undefined) return false;
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
  return true;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Rows per statement when a page's field clocks are written (5 values each). */
const clockChunk = 100;

function writeClocks(db: Db, writes: ClockWrites): void {
  // In key order: each insert lands beside the previous one in the clock table's B-tree.
  const set = [...writes.set].sort((x, y) => cmp(x.entity, y.entity) || cmp(x.rowId, y.rowId) || cmp(x.field, y.field));
  const upsert = (rows: number) =>
    prepared(
      db,
      `INSERT INTO field_clock (entity, row_id, field, hlc, server_seq) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, server_seq = excluded.server_seq`,
    );
  let at = 0;
  if (set.length >= clockChunk) {
    const full = upsert(clockChunk);
    const params: (string | number)[] = new Array<string | number>(clockChunk * 5);
    for (; at + clockChunk <= set.length; at += clockChunk) {
      for (let i = 0; i < clockChunk; i++) {
        const clock = set[at + i]!;
        params[i * 5] = clock.entity;
        params[i * 5 + 1] = clock.rowId;
        params[i * 5 + 2] = clock.field;
        params[i * 5 + 3] = clock.hlc;
        params[i * 5 + 4] = clock.serverSeq;
      }
      full.run(...params);
    }
  }
  if (at < set.length) {
    const one = upsert(1);
    for (; at < set.length; at++) {
      const clock = set[at]!;
      one.run(clock.entity, clock.rowId, clock.field, clock.hlc, clock.serverSeq);
    }
  }
  if (writes.raised.length > 0) {
    const raiseVersion = prepared(
      db,
      'UPDATE field_clock SET server_seq = max(coalesce(server_seq, 0), ?) WHERE entity = ? AND row_id = ? AND field = ?',
    );
    for (const clock of writes.raised) raiseVersion.run(clock.serverSeq, clock.entity, clock.rowId, clock.field);
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
