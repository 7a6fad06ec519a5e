import { uuidv7 } from '../../../shared/ids';
import { MAX_BODY_BYTES, MAX_CHANGES_PER_BATCH, type FieldChange, type PushBatch } from '../../../shared/sync';
import { isValidFieldChange } from '../../../shared/sync/push-batch-check';
import type { Db } from '../db-types';
import { prepared } from '../store/prepared';
import { moveEntry } from './conflict-store';
import { teamsOfRows } from './row-scope';

/**
 * Cutting push batches from the outbox. A batch is written into the outbox (batch id, number,
 * teams, base versions) in one transaction BEFORE it is sent; until its ack is stored it is
 * resent exactly as it was, under the same number, however often the connection drops.
 */
interface BatchedRow {
  seq: number;
  op_id: string;
  entity: string;
  row_id: string;
  field: string;
  value: string;
  hlc: string;
  schema_version: number;
  base_seq: number | null;
  team_id: string | null;
  batch_seq: number | null;
}

/** An entry not in a batch yet: the columns a new batch needs. */
type WaitingRow = Omit<BatchedRow, 'team_id' | 'batch_seq'>;

/**
 * The columns of a WaitingRow as the cut reads them: an array per entry, not an object — on a
 * day's 2,000 entries better-sqlite3 spent as long building the objects as reading the rows.
 */
const waitingColumns = 'seq, op_id, entity, row_id, field, value, hlc, schema_version, base_seq';
type WaitingTuple = [number, string, string, string, string, string, string, number, number | null];

function waitingRow([seq, op_id, entity, row_id, field, value, hlc, schema_version, base_seq]: WaitingTuple): WaitingRow {
  return { seq, op_id, entity, row_id, field, value, hlc, schema_version, base_seq };
}

/** Leaves room for the JSON around each value, so a full batch stays under MAX_BODY_BYTES. */
const perChangeOverhead = 400;
const batchByteBudget = Math.floor(MAX_BODY_BYTES * 0.9);
/** How far past entries that wait (no team yet) a cut looks; they are rare, so generous. */
const candidateWindow = MAX_CHANGES_PER_BATCH * 5;
/** Entries read at a time: a full batch, and one more read only where entries were left out. */
const readChunk = MAX_CHANGES_PER_BATCH + 1;

function toChange(row: WaitingRow, deviceId: string, teamId: string): FieldChange {
  return {
    opId: row.op_id,
    entity: row.entity,
    rowId: row.row_id,
    field: row.field,
    value: JSON.parse(row.value) as FieldChange['value'],
    hlc: row.hlc,
    deviceId,
    teamId,
    baseSeq: row.base_seq,
    schemaVersion: row.schema_version,
  };
}

/**
 * The teams of the entries' rows: one lookup per entity among them (a batch holds up to two
 * thousand entries of a handful of entities), not one per entry. Per entity: rowId → team
 * (null: not known yet); a row missing is not on this device.
 */
function rowTeams(db: Db, rows: readonly WaitingRow[]): Map<string, Map<string, string | null>> {
  const idsByEntity = new Map<string, Set<string>>();
  for (const row of rows) {
    const ids = idsByEntity.get(row.entity) ?? new Set<string>();
    ids.add(row.row_id);
    idsByEntity.set(row.entity, ids);
  }
  const teams = new Map<string, Map<string, string | null>>();
  for (const [entity, ids] of idsByEntity) teams.set(entity, teamsOfRows(db, entity, [...ids]));
  return teams;
}

/** The batch that was cut but not acknowledged yet, exactly as it was cut. */
export function pendingBatch(db: Db, deviceId: string): PushBatch | null {
  const first = db.prepare('SELECT min(batch_seq) AS seq FROM outbox WHERE batch_seq IS NOT NULL').get() as { seq: number | null };
  if (first.seq === null) return null;
  const rows = db.prepare('SELECT * FROM outbox WHERE batch_seq = ? ORDER BY seq').all(first.seq) as BatchedRow[];
  return { deviceId, batchSeq: first.seq, changes: rows.map((row) => toChange(row, deviceId, row.team_id ?? '')) };
}

/**
 * The batch to send now: the pending one, or a new one cut from the oldest entries. Entries of
 * rows that no longer exist here (purged) and entries the protocol would refuse go to the
 * review list instead of blocking the queue forever; entries of rows without a team wait.
 */
export function nextBatch(db: Db, deviceId: string, lastAckedBatchSeq: number, now: number): PushBatch | null {
  const pending = pendingBatch(db, deviceId);
  if (pending) return pending;
  return db.transaction((): PushBatch | null => {
    const cut = cutBatch(db, deviceId);
    const batchSeq = lastAckedBatchSeq + 1;
    // One statement per team, not one per entry: a batch holds up to two thousand entries.
    const assign = db.prepare('UPDATE outbox SET batch_id = ?, batch_seq = ?, team_id = ? WHERE seq IN (SELECT value FROM json_each(?))');
    const batchId = uuidv7(now);
    for (const [team, seqs] of cut.assigned) assign.run(batchId, batchSeq, team, JSON.stringify(seqs));
    const remove = db.prepare('DELETE FROM outbox WHERE seq = ?');
    for (const row of cut.gone) {
      moveEntry(db, row, 'out_of_scope', now);
      remove.run(row.seq);
    }
    for (const row of cut.unsendable) {
      moveEntry(db, row, 'unsendable', now);
      remove.run(row.seq);
    }
    return cut.taken.length > 0 ? { deviceId, batchSeq, changes: cut.taken } : null;
  })();
}

interface Cut {
  readonly taken: FieldChange[];
  /** team → the outbox seqs of its entries in the batch */
  readonly assigned: Map<string, number[]>;
  /** entries of rows no longer here (purged) */
  readonly gone: WaitingRow[];
  /** entries the protocol would refuse */
  readonly unsendable: WaitingRow[];
}

/**
 * The oldest waiting entries, in order, until the batch is full (count or bytes) or the window
 * is looked through. Read a chunk at a time: .all(), since better-sqlite3 cannot write while an
 * iterator is open, and a chunk, since reading the whole window for every batch cost more than
 * the rest of the cut when much was waiting.
 */
function cutBatch(db: Db, deviceId: string): Cut {
  const read = prepared(db, `SELECT ${waitingColumns} FROM outbox WHERE batch_seq IS NULL AND seq > ? ORDER BY seq LIMIT ?`).raw();
  const cut: Cut = { taken: [], assigned: new Map(), gone: [], unsendable: [] };
  let bytes = 0;
  let after = -1;
  for (let looked = 0; looked < candidateWindow; ) {
    const rows = (read.all(after, Math.min(readChunk, candidateWindow - looked)) as WaitingTuple[]).map(waitingRow);
    if (rows.length === 0) break;
    looked += rows.length;
    after = rows[rows.length - 1]!.seq;
    const teams = rowTeams(db, rows);
    for (const row of rows) {
      const found = teams.get(row.entity);
      if (!found?.has(row.row_id)) {
        cut.gone.push(row);
        continue;
      }
      const team = found.get(row.row_id) ?? null;
      // Rows that wait (no team yet) stay in the outbox for a later batch.
      if (team === null) continue;
      const change = toChange(row, deviceId, team);
      if (!isValidFieldChange(change)) {
        cut.unsendable.push(row);
        continue;
      }
      const size = row.value.length + perChangeOverhead;
      if (cut.taken.length >= MAX_CHANGES_PER_BATCH || (cut.taken.length > 0 && bytes + size > batchByteBudget)) return cut;
      cut.taken.push(change);
      bytes += size;
      const seqs = cut.assigned.get(team) ?? [];
      seqs.push(row.seq);
      cut.assigned.set(team, seqs);
    }
  }
  return cut;
}

/** BATCH_SEQ_GAP: the waiting batch takes the number the server expects. */
export function renumberPendingBatch(db: Db, from: number, to: number): void {
  db.prepare('UPDATE outbox SET batch_seq = ? WHERE batch_seq = ?').run(to, from);
}

/** The server refused the batch without storing any of it: its entries may be cut anew. */
export function releaseBatch(db: Db, batchSeq: number): void {
  db.prepare('UPDATE outbox SET batch_id = NULL, batch_seq = NULL, team_id = NULL WHERE batch_seq = ?').run(batchSeq);
}

export function countPending(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}
