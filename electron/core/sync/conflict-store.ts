import { uuidv7 } from '../../../shared/ids';
import type { Db } from '../db-types';

/**
 * The review list: concurrent edits (both values kept) and local edits the server would not
 * take (outside the user's teams, or unsendable). Values are JSON text, as in the outbox.
 */
export type ConflictKind = 'concurrent' | 'out_of_scope' | 'unsendable';

export interface NewConflict {
  readonly kind: ConflictKind;
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly localValue: string | null;
  readonly localHlc: string | null;
  readonly localOpId: string | null;
  readonly remoteValue: string | null;
  readonly remoteHlc: string | null;
  readonly remoteDeviceId: string | null;
  readonly remoteUserId: string | null;
  readonly serverConflictId?: string | null;
}

export function insertConflict(db: Db, conflict: NewConflict, now: number): string {
  const id = uuidv7(now);
  db.prepare(
    `INSERT INTO sync_conflict (id, kind, entity, row_id, field, local_value, local_hlc, local_op_id, remote_value, remote_hlc,
       remote_device_id, remote_user_id, server_conflict_id, detected_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    conflict.kind,
    conflict.entity,
    conflict.rowId,
    conflict.field,
    conflict.localValue,
    conflict.localHlc,
    conflict.localOpId,
    conflict.remoteValue,
    conflict.remoteHlc,
    conflict.remoteDeviceId,
    conflict.remoteUserId,
    conflict.serverConflictId ?? null,
    new Date(now).toISOString(),
  );
  return id;
}

/** The conflict this device already recorded for one of its edits (from a pull), if any. */
export function conflictForLocalOp(db: Db, opId: string, remoteHlc: string): { id: string } | null {
  const row = db
    .prepare(`SELECT id FROM sync_conflict WHERE kind = 'concurrent' AND local_op_id = ? AND remote_hlc = ? LIMIT 1`)
    .get(opId, remoteHlc) as { id: string } | undefined;
  return row ?? null;
}

export function countOpenConflicts(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sync_conflict WHERE resolved_at IS NULL').get() as { n: number }).n;
}

interface OutboxRow {
  op_id: string;
  entity: string;
  row_id: string;
  field: string;
  value: string;
  hlc: string;
}

/**
 * Moves outbox entries to the review list: they leave the outbox (they would be refused again)
 * but their values stay on the device. Only entries not in a batch on its way, or all of them
 * when `includeBatched` (the server refused that batch, so nothing of it was stored).
 */
export function moveOutboxToReview(
  db: Db,
  rows: readonly { entity: string; rowId: string }[],
  kind: ConflictKind,
  now: number,
  includeBatched: boolean,
): number {
  let moved = 0;
  const select = db.prepare(
    `SELECT op_id, entity, row_id, field, value, hlc FROM outbox
     WHERE entity = ? AND row_id = ? ${includeBatched ? '' : 'AND batch_seq IS NULL'} ORDER BY seq`,
  );
  const remove = db.prepare('DELETE FROM outbox WHERE op_id = ?');
  for (const row of rows) {
    for (const entry of select.all(row.entity, row.rowId) as OutboxRow[]) {
      moveEntry(db, entry, kind, now);
      remove.run(entry.op_id);
      moved += 1;
    }
  }
  return moved;
}

export function moveEntry(db: Db, entry: OutboxRow, kind: ConflictKind, now: number): void {
  insertConflict(
    db,
    {
      kind,
      entity: entry.entity,
      rowId: entry.row_id,
      field: entry.field,
      localValue: entry.value,
      localHlc: entry.hlc,
      localOpId: entry.op_id,
      remoteValue: null,
      remoteHlc: null,
      remoteDeviceId: null,
      remoteUserId: null,
    },
    now,
  );
}
