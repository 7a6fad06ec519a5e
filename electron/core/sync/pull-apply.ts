import type { HybridClock } from '../../../shared/hlc';
import { compareHlc } from '../../../shared/hlc';
import {
  canonicalJson,
  isBookkeepingField,
  mergePulled,
  type LocalFieldVersion,
  type MergeDecision,
  mergePulledWriteOnce,
  pulledChangeSchema,
  type PulledChange,
  type PullPage,
  type Purge,
} from '../../../shared/sync';
import { isAppendOnlyEntity } from '../../../shared/sync/append-only';
import { appendAudit, appendAuditBatch, type AuditEntry } from '../audit/audit-log';
import type { Db } from '../db-types';
import { unindexPerson } from '../search/indexer';
import { saveClock } from '../store/meta';
import { insertMany } from '../store/insert-many';
import { prepared } from '../store/prepared';
import { FieldSets, fieldSetId, rowClockColumns, rowClockFrom, type StoredRowClock } from '../store/row-clock';
import { casesEntity, documentsEntity, personsEntity, type EntityDefinition, type RowValues, type SqlValue } from '../write/entities';
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
 * unpushed edits — is read once per entity for the whole page; new rows, audit entries and the
 * clocks it leaves behind are written in a few statements per page: a first pull brings 20,000
 * rows. A row new to the device keeps one row clock entry for the fields it got with one stamp
 * instead of a clock row per field (store/row-clock.ts).
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

interface AppliedRow {
  readonly entity: EntityDefinition;
  /** the row as stored: its synced columns, id and updated_at (nothing else writes them here) */
  readonly values: RowValues;
}

/** What the rows of a page leave for its end: written in a few statements, not one per row. */
interface PageWrites {
  readonly clocks: ClockWrites;
  /** the rows' audit entries in the order the rows were applied (one chain, as row by row) */
  readonly audit: AuditEntry[];
  /** placeholders for new rows, per entity, made once per page */
  readonly defaults: Map<EntityDefinition, RowValues>;
  /** rows new to the device, in the order applied: inserted a statement per many of them */
  readonly newRows: AppliedRow[];
  /** every applied row in order: its entity's hook (the search index) runs once it is stored */
  readonly hooks: AppliedRow[];
  /** row clock field sets met in this page: by text, and by entity and mask of field indexes */
  readonly fieldSets: { readonly byText: Map<string, number>; readonly byMask: Map<EntityDefinition, Map<number, number>> };
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
    // A row's changes mostly come one after another: the previous group saves the key lookup.
    let last: RowGroup | undefined;
    for (const change of changes) {
      const entity = syncedEntities.get(change.entity);
      const column = entity?.fields.includes(change.field) ? toColumn(entity, change.field, change.value) : null;
      if (!entity || column === null || !column.ok) {
        // A newer app's field or entity (or a value this version cannot hold): kept, not dropped.
        park(db, change, 'unknown', ctx.now(), counters);
        counters.parked += 1;
        continue;
      }
      let group = last !== undefined && last.rowId === change.rowId && last.entity === entity ? last : undefined;
      if (!group) {
        const key = rowKeyOf(change.entity, change.rowId);
        group = groups.get(key);
        if (!group) {
          group = { entity, rowId: change.rowId, changes: [] };
          groups.set(key, group);
        }
      }
      group.changes.push({ change, column: column.value });
      last = group;
    }
    // Persons, then cases (a case needs its person to exist), then everything else.
    const ordered = [...groups.values()].sort((a, b) => applyRank(a.entity) - applyRank(b.entity));
    const known = loadPageState(db, ordered);
    const writes: PageWrites = { clocks: { set: [], raised: [], rows: [] }, audit: [], defaults: new Map(), newRows: [], hooks: [], fieldSets: { byText: new Map(), byMask: new Map() } };
    let rank = -1;
    for (const group of ordered) {
      // A case's person must be in its table before the case: new rows go in before each rank.
      if (applyRank(group.entity) !== rank) storeApplied(db, writes);
      rank = applyRank(group.entity);
      applyRow(ctx, group, known, writes, counters);
    }
    storeApplied(db, writes);
    appendAuditBatch(db, writes.audit);
    writeClocks(db, writes.clocks);

    setCursor(db, page.nextCursor);
    saveServerFacts(db, { role: page.role, referenceData: page.referenceData });
    saveClock(db, ctx.clock);
    return { appliedRows: counters.appliedRows, conflicts: counters.conflicts, parked: counters.parked };
  })();
}

interface RowGroup {
  readonly entity: EntityDefinition;
  readonly rowId: string;
  readonly changes: ColumnChange[];
}

/** A pulled change with its value as the column holds it (converted once, when grouped). */
interface ColumnChange {
  readonly change: PulledChange;
  readonly column: SqlValue;
}

/** What the page's rows hold before the page, read once per entity (keys: entity NUL rowId). */
interface PageState {
  readonly rows: Map<string, RowValues>;
  /** field → HLC, per row that has clocks (its field_clock rows, else its row clock entry) */
  readonly clocks: Map<string, Map<string, string>>;
  /** per row with a row clock entry: the fields whose clock is that entry (no clock row of their own) */
  readonly entryClocks: Map<string, EntryClock>;
  /** field → op id of the latest unpushed local edit, per row that has any */
  readonly pending: Map<string, Map<string, string>>;
  /** persons on the device (of those the page's cases name, and those the page writes) */
  readonly persons: Set<string>;
}

/** A row clock entry (store/row-clock.ts) as far as it is the clock of fields. */
interface EntryClock {
  readonly hlc: string;
  readonly serverSeq: number | null;
  readonly fields: ReadonlySet<string>;
}

/** The clocks a page leaves behind, written once at its end (nothing in the page reads them). */
interface ClockWrites {
  /** a field set by the page: its last stamp and version */
  readonly set: { entity: string; rowId: string; field: string; hlc: string; serverSeq: number }[];
  /** a field only seen again: its stamp stays, its version rises to the highest one seen */
  readonly raised: { entity: string; rowId: string; field: string; serverSeq: number }[];
  /** a row new to the device: one entry for the fields it got with one stamp */
  readonly rows: { entity: string; rowId: string; hlc: string; serverSeq: number; fieldsId: number }[];
}

const rowKeyOf = (entity: string, rowId: string) => `${entity}\u0000${rowId}`;

function loadPageState(db: Db, groups: readonly RowGroup[]): PageState {
  const state: PageState = { rows: new Map(), clocks: new Map(), entryClocks: new Map(), pending: new Map(), persons: new Set() };
  const idsByEntity = new Map<EntityDefinition, string[]>();
  for (const group of groups) {
    const ids = idsByEntity.get(group.entity) ?? [];
    ids.push(group.rowId);
    idsByEntity.set(group.entity, ids);
  }
  const fieldSets = new FieldSets();
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
    const entryRows = prepared(
      db,
      `SELECT r.row_id, ${rowClockColumns} FROM ${rowClockFrom} WHERE r.entity = ? AND r.row_id IN (SELECT value FROM json_each(?))`,
    ).all(entity.name, idList) as (StoredRowClock & { row_id: string })[];
    for (const row of entryRows) {
      const key = rowKeyOf(entity.name, row.row_id);
      // A field's own clock row is newer than the entry: the entry speaks for the others only.
      const clocks = nested(state.clocks, key);
      const fields = new Set<string>();
      for (const field of fieldSets.of(row)) {
        if (clocks.has(field)) continue;
        clocks.set(field, row.hlc);
        fields.add(field);
      }
      state.entryClocks.set(key, { hlc: row.hlc, serverSeq: row.server_seq, fields });
    }
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

function unpark(db: Db, changes: readonly ColumnChange[], counters: Counters): void {
  if (counters.inbox.size === 0) return;
  const remove = prepared(db, 'DELETE FROM sync_inbox WHERE op_id = ?');
  for (const { change } of changes) {
    if (counters.inbox.delete(change.opId)) remove.run(change.opId);
  }
}

/** The value a group sets for a field by the merge rule among its own changes (latest HLC). */
function latestValue(changes: readonly ColumnChange[], field: string): unknown {
  let best: PulledChange | undefined;
  for (const { change } of changes) if (change.field === field && (!best || compareHlc(change.hlc, best.hlc) > 0)) best = change;
  return best?.value;
}

const byHlc = (a: ColumnChange, b: ColumnChange) => compareHlc(a.change.hlc, b.change.hlc);

/** The changes in HLC order (a row's fields mostly share one stamp: usually nothing to sort). */
function inHlcOrder(changes: readonly ColumnChange[]): readonly ColumnChange[] {
  for (let i = 1; i < changes.length; i++) {
    if (compareHlc(changes[i - 1]!.change.hlc, changes[i]!.change.hlc) > 0) return [...changes].sort(byHlc);
  }
  return changes;
}

function defaultsOf(ctx: PullApplyContext, entity: EntityDefinition, writes: PageWrites): RowValues {
  let defaults = writes.defaults.get(entity);
  if (!defaults) {
    defaults = rowDefaults(entity, ctx.now());
    writes.defaults.set(entity, defaults);
  }
  return defaults;
}

const takeValue: MergeDecision = { apply: true, conflict: false };

function merge(writeOnce: boolean, change: PulledChange, local: LocalFieldVersion): MergeDecision {
  const pulled = { value: change.value, hlc: change.hlc };
  return writeOnce ? mergePulledWriteOnce(pulled, local) : mergePulled(pulled, local);
}

function applyRow(ctx: PullApplyContext, group: RowGroup, known: PageState, writes: PageWrites, counters: Counters): void {
  const { db } = ctx;
  const { entity, rowId, changes } = group;
  const key = rowKeyOf(entity.name, rowId);
  const existing = known.rows.get(key);

  // Only a case has a foreign key (to its person); case-work rows join their person when read.
  if (entity.name === casesEntity.name) {
    const personId = latestValue(changes, 'person_id') ?? existing?.person_id;
    if (typeof personId !== 'string' || !known.persons.has(personId)) {
      // The person has not arrived yet (or this page ended before the case's person_id did).
      for (const { change } of changes) park(db, change, 'parent', ctx.now(), counters);
      counters.parked += changes.length;
      return;
    }
  }

  const clocks = known.clocks.get(key) ?? new Map<string, string>();
  const pendingOps = known.pending.get(key);
  // New to the device (the whole first pull): its clocks may become one row clock entry.
  const fresh = !existing && !known.clocks.has(key) && !known.entryClocks.has(key) && pendingOps === undefined;
  const writeOnce = isAppendOnlyEntity(entity.name);
  const values: RowValues = { ...(existing ?? defaultsOf(ctx, entity, writes)) };
  // The field clocks this group leaves behind: a field set here gets its last stamp and version
  // (so its keys are the fields that changed); a field only seen again keeps its stamp and
  // raises its version to the highest one seen.
  const setClocks = new Map<string, { hlc: string; serverSeq: number }>();
  const raised = new Map<string, number>();

  for (const { change, column } of inHlcOrder(changes)) {
    const localHlc = clocks.get(change.field) ?? null;
    const pendingOp = pendingOps?.get(change.field) ?? null;
    const localValue = localHlc === null ? null : fromColumn(entity, change.field, values[change.field]);
    // A field without a clock takes the pulled value, by either rule (all of a first pull).
    const decision = localHlc === null ? takeValue : merge(writeOnce, change, { value: localValue, hlc: localHlc, pending: pendingOp !== null });
    if (writeOnce && decision.conflict && !decision.apply) {
      // A rewrite of a field written once: the original stays, the pulled value is kept aside.
      if (keepRefused(ctx, entity, rowId, change, localValue, localHlc, pendingOp)) counters.conflicts += 1;
    } else if (decision.conflict && !isBookkeepingField(change.field) && pendingOp !== null && conflictForLocalOp(db, pendingOp, change.hlc) === null) {
      recordConflict(ctx, entity, rowId, change, localValue, localHlc, pendingOp);
      counters.conflicts += 1;
    }
    if (decision.apply) {
      values[change.field] = column;
      clocks.set(change.field, change.hlc);
      setClocks.set(change.field, { hlc: change.hlc, serverSeq: change.serverSeq });
      raised.delete(change.field);
    } else {
      const set = setClocks.get(change.field);
      if (set) set.serverSeq = Math.max(set.serverSeq, change.serverSeq);
      else raised.set(change.field, Math.max(raised.get(change.field) ?? 0, change.serverSeq));
    }
  }
  leaveClocks(db, writes, entity, rowId, known.entryClocks.get(key) ?? null, setClocks, raised, fresh);
  unpark(db, changes, counters);
  if (setClocks.size === 0) {
    if (existing && entity.name === personsEntity.name) known.persons.add(rowId);
    return;
  }

  const nowIso = new Date(ctx.now()).toISOString();
  const changed = [...setClocks.keys()];
  if (existing) {
    prepared(db, `UPDATE ${entity.table} SET ${[...changed, 'updated_at'].map((f) => `${f} = ?`).join(', ')} WHERE id = ?`).run(
      ...changed.map((f) => values[f] ?? null),
      nowIso,
      rowId,
    );
  }
  values.id = rowId;
  values.updated_at = nowIso;
  known.rows.set(key, values);
  if (entity.name === personsEntity.name) known.persons.add(rowId);
  writes.audit.push({
    at: nowIso,
    actor: syncActor,
    action: 'sync',
    entity: entity.name,
    rowId,
    details: { fields: [...changed].sort() },
  });
  if (!existing) writes.newRows.push({ entity, values });
  writes.hooks.push({ entity, values });
  counters.appliedRows += 1;
  ctx.onRowApplied?.(counters.appliedRows);
}

/**
 * Inserts the new rows applied since the last call, many per statement, then runs the hooks
 * (the search index) of every row applied since, in the order applied, as row by row would.
 */
function storeApplied(db: Db, writes: PageWrites): void {
  const byEntity = new Map<EntityDefinition, RowValues[]>();
  for (const { entity, values } of writes.newRows) {
    let rows = byEntity.get(entity);
    if (!rows) {
      rows = [];
      byEntity.set(entity, rows);
    }
    rows.push(values);
  }
  for (const [entity, rows] of byEntity) insertRows(db, entity, rows);
  for (const { entity, values } of writes.hooks) entity.afterWrite?.(db, values);
  writes.newRows.length = 0;
  writes.hooks.length = 0;
}

function insertRows(db: Db, entity: EntityDefinition, rows: readonly RowValues[]): void {
  const columns = ['id', ...entity.fields, 'updated_at'];
  insertMany(db, { head: `INSERT INTO ${entity.table} (${columns.join(', ')})` }, columns.length, rows, (values, params, at) => {
    for (let i = 0; i < columns.length; i++) params[at + i] = values[columns[i]!] ?? null;
  });
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
  recordConflict(ctx, entity, rowId, change, localValue, localHlc, pendingOp);
  return true;
}

/** A pulled value kept beside the device's own as a conflict record (who and when of both). */
function recordConflict(
  ctx: PullApplyContext,
  entity: EntityDefinition,
  rowId: string,
  change: PulledChange,
  localValue: unknown,
  localHlc: string | null,
  pendingOp: string | null,
): void {
  insertConflict(
    ctx.db,
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
}

/**
 * Queues the clocks a row leaves behind. A row new to the device (`fresh`) gets one row clock
 * entry for the fields that share its most common stamp, the rest a clock row each. A field
 * whose clock was the row's entry and whose version rises gets a clock row of its own: the
 * entry itself never changes.
 */
function leaveClocks(
  db: Db,
  writes: PageWrites,
  entity: EntityDefinition,
  rowId: string,
  entry: EntryClock | null,
  setClocks: ReadonlyMap<string, { hlc: string; serverSeq: number }>,
  raised: ReadonlyMap<string, number>,
  fresh: boolean,
): void {
  const clocks = writes.clocks;
  const entryHlc = fresh ? commonStamp(setClocks) : null;
  if (entryHlc !== null) {
    // The named fields in the entity's order: the same set always has the same text.
    const fields: string[] = [];
    let mask = 0;
    let serverSeq = 0;
    for (let index = 0; index < entity.fields.length; index++) {
      const field = entity.fields[index]!;
      const clock = setClocks.get(field);
      if (clock?.hlc !== entryHlc) continue;
      fields.push(field);
      mask += 2 ** index;
      serverSeq = Math.max(serverSeq, clock.serverSeq);
    }
    clocks.rows.push({ entity: entity.name, rowId, hlc: entryHlc, serverSeq, fieldsId: fieldSetOf(db, writes, entity, mask, fields) });
  }
  for (const [field, clock] of setClocks) {
    if (clock.hlc !== entryHlc) clocks.set.push({ entity: entity.name, rowId, field, hlc: clock.hlc, serverSeq: clock.serverSeq });
  }
  for (const [field, serverSeq] of raised) {
    if (entry?.fields.has(field)) {
      // As if the entry's clock of the field had been a row: same stamp, version raised.
      clocks.set.push({ entity: entity.name, rowId, field, hlc: entry.hlc, serverSeq: Math.max(entry.serverSeq ?? 0, serverSeq) });
    } else {
      clocks.raised.push({ entity: entity.name, rowId, field, serverSeq });
    }
  }
}

/** The id of a field set; the mask (exact while an entity has at most 53 fields) saves its text. */
function fieldSetOf(db: Db, writes: PageWrites, entity: EntityDefinition, mask: number, fields: readonly string[]): number {
  if (entity.fields.length > 53) return fieldSetId(db, fields, writes.fieldSets.byText);
  let byMask = writes.fieldSets.byMask.get(entity);
  if (!byMask) {
    byMask = new Map();
    writes.fieldSets.byMask.set(entity, byMask);
  }
  let id = byMask.get(mask);
  if (id === undefined) {
    id = fieldSetId(db, fields, writes.fieldSets.byText);
    byMask.set(mask, id);
  }
  return id;
}

/** The stamp most of the fields share (the first such, on a tie); null when there are none. */
function commonStamp(setClocks: ReadonlyMap<string, { hlc: string }>): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let bestCount = 0;
  for (const { hlc } of setClocks.values()) {
    const count = (counts.get(hlc) ?? 0) + 1;
    counts.set(hlc, count);
    if (count > bestCount) {
      best = hlc;
      bestCount = count;
    }
  }
  return best;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** An insertMany binder that writes the named properties of an item, in the statement's column order. */
function bindInOrder<T>(keys: readonly (keyof T & string)[]): (item: T, params: SqlValue[], at: number) => void {
  return (item, params, at) => {
    for (let i = 0; i < keys.length; i++) params[at + i] = item[keys[i]!] as SqlValue;
  };
}

function writeClocks(db: Db, writes: ClockWrites): void {
  // In key order: each insert lands beside the previous one in the clock table's B-tree.
  const set = [...writes.set].sort((x, y) => cmp(x.entity, y.entity) || cmp(x.rowId, y.rowId) || cmp(x.field, y.field));
  insertMany(
    db,
    {
      head: 'INSERT INTO field_clock (entity, row_id, field, hlc, server_seq)',
      tail: 'ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc, server_seq = excluded.server_seq',
    },
    5,
    set,
    bindInOrder(['entity', 'rowId', 'field', 'hlc', 'serverSeq']),
  );
  // A row gets an entry only while it has no clock at all: the conflict clause never fires but
  // keeps a repeated page harmless.
  const entries = [...writes.rows].sort((x, y) => cmp(x.entity, y.entity) || cmp(x.rowId, y.rowId));
  insertMany(
    db,
    {
      head: 'INSERT INTO row_clock (entity, row_id, hlc, server_seq, fields_id)',
      tail: 'ON CONFLICT (entity, row_id) DO UPDATE SET hlc = excluded.hlc, server_seq = excluded.server_seq, fields_id = excluded.fields_id',
    },
    5,
    entries,
    bindInOrder(['entity', 'rowId', 'hlc', 'serverSeq', 'fieldsId']),
  );
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
  prepared(db, 'DELETE FROM row_clock WHERE entity = ? AND row_id = ?').run(entity.name, rowId);
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
