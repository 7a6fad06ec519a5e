import { uuidv7 } from '../../../shared/ids';
import { fieldChangeSchema, MAX_BODY_BYTES, MAX_CHANGES_PER_BATCH, type FieldChange, type PushBatch } from '../../../shared/sync';
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

interface CandidateRow extends BatchedRow {
  /** the row's team now (see row-scope.ts) */
  row_team: string | null;
  /** the row still exists on this device */
  present: boolean;
}

/** Leaves room for the JSON around each value, so a full batch stays under MAX_BODY_BYTES. */
const perChangeOverhead = 400;
const batchByteBudget = Math.floor(MAX_BODY_BYTES * 0.9);
const candidateWindow = MAX_CHANGES_PER_BATCH * 5;

function toChange(row: BatchedRow, deviceId: string, teamId: string): FieldChange {
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
 * Each window entry with its row's team and presence: one lookup per entity in the window (a
 * batch holds up to a thousand entries of a handful of entities), not one per entry.
 */
function withRowTeams(db: Db, window: readonly BatchedRow[]): CandidateRow[] {
  const idsByEntity = new Map<string, Set<string>>();
  for (const row of window) {
    const ids = idsByEntity.get(row.entity) ?? new Set<string>();
    ids.add(row.row_id);
    idsByEntity.set(row.entity, ids);
  }
  const teams = new Map<string, Map<string, string | null>>();
  for (const [entity, ids] of idsByEntity) teams.set(entity, teamsOfRows(db, entity, [...ids]));
  return window.map((row) => {
    const found = teams.get(row.entity);
    return { ...row, row_team: found?.get(row.row_id) ?? null, present: found?.has(row.row_id) ?? false };
  });
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
    // .all(): better-sqlite3 cannot write while an iterator is open. Rows that wait (no team)
    // are rare; the window is generous so they cannot starve the rows behind them.
    const window = prepared(db, 'SELECT * FROM outbox WHERE batch_seq IS NULL ORDER BY seq LIMIT ?').all(candidateWindow) as BatchedRow[];
    const candidates = withRowTeams(db, window);
    const batchSeq = lastAckedBatchSeq + 1;
    const batchId = uuidv7(now);
    const taken: FieldChange[] = [];
    const assigned = new Map<string, number[]>();
    const unsendable: CandidateRow[] = [];
    const gone: CandidateRow[] = [];
    let bytes = 0;
    for (const row of candidates) {
      if (!row.present) {
        gone.push(row);
        continue;
      }
      if (row.row_team === null) continue;
      const change = toChange(row, deviceId, row.row_team);
      if (!fieldChangeSchema.safeParse(change).success) {
        unsendable.push(row);
        continue;
      }
      const size = row.value.length + perChangeOverhead;
      if (taken.length >= MAX_CHANGES_PER_BATCH || (taken.length > 0 && bytes + size > batchByteBudget)) break;
      taken.push(change);
      bytes += size;
      const seqs = assigned.get(row.row_team) ?? [];
      seqs.push(row.seq);
      assigned.set(row.row_team, seqs);
    }
    // One statement per team, not one per entry: a batch holds up to a thousand entries.
    const assign = db.prepare('UPDATE outbox SET batch_id = ?, batch_seq = ?, team_id = ? WHERE seq IN (SELECT value FROM json_each(?))');
    for (const [team, seqs] of assigned) assign.run(batchId, batchSeq, team, JSON.stringify(seqs));
    const remove = db.prepare('DELETE FROM outbox WHERE seq = ?');
    for (const row of gone) {
      moveEntry(db, row, 'out_of_scope', now);
      remove.run(row.seq);
    }
    for (const row of unsendable) {
      moveEntry(db, row, 'unsendable', now);
      remove.run(row.seq);
    }
    return taken.length > 0 ? { deviceId, batchSeq, changes: taken } : null;
  })();
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
