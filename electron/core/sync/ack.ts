import { canonicalJson, keyFingerprint, type PushAck, type PushBatch } from '../../../shared/sync';
import type { Db } from '../db-types';
import { prepared } from '../store/prepared';
import { conflictForLocalOp, insertConflict } from './conflict-store';
import { syncMessages } from './messages';
import { saveServerKey, setLastBatchSeq } from './state';
import { SyncFailure } from './transport';

/** An ack must answer exactly this batch, or none of it is believed. */
function checkAck(batch: PushBatch, ack: PushAck): void {
  const answered = new Set([...ack.accepted, ...ack.duplicates]);
  const fits =
    ack.batchSeq === batch.batchSeq &&
    ack.serverSeqs.length === batch.changes.length &&
    batch.changes.every((change) => answered.has(change.opId)) &&
    ack.serverSeqs.every((seq) => seq > 0);
  if (!fits) throw new SyncFailure('INVALID_ANSWER', syncMessages.invalidAnswer);
}

/**
 * Stores the server's acknowledgement in ONE transaction: the batch's outbox entries leave, the
 * server version of each field is remembered (the next edit's baseSeq), every conflict the server
 * recorded gets its record here too (unless the pull already made it), and the batch counter moves.
 */
export async function storeAck(db: Db, batch: PushBatch, ack: PushAck, now: number): Promise<void> {
  checkAck(batch, ack);
  // Computed before the transaction: better-sqlite3 transactions cannot await.
  const rotated = ack.serverKey ? { ...ack.serverKey, fingerprint: await keyFingerprint(ack.serverKey.publicKeys) } : null;
  db.transaction(() => {
    prepared(db, 'DELETE FROM outbox WHERE batch_seq = ?').run(batch.batchSeq);
    const version = prepared(
      db,
      `UPDATE field_clock SET server_seq = max(coalesce(server_seq, 0), ?) WHERE entity = ? AND row_id = ? AND field = ?`,
    );
    batch.changes.forEach((change, index) => version.run(ack.serverSeqs[index]!, change.entity, change.rowId, change.field));

    const byOp = new Map(batch.changes.map((change) => [change.opId, change]));
    const linkServer = db.prepare('UPDATE sync_conflict SET server_conflict_id = ? WHERE id = ?');
    for (const notice of ack.conflicts) {
      const mine = byOp.get(notice.opId);
      if (!mine) continue;
      const known = conflictForLocalOp(db, notice.opId, notice.serverHlc);
      if (known) {
        linkServer.run(notice.conflictId, known.id);
        continue;
      }
      insertConflict(
        db,
        {
          kind: 'concurrent',
          entity: notice.entity,
          rowId: notice.rowId,
          field: notice.field,
          localValue: canonicalJson(mine.value),
          localHlc: mine.hlc,
          localOpId: mine.opId,
          remoteValue: canonicalJson(notice.serverValue),
          remoteHlc: notice.serverHlc,
          remoteDeviceId: notice.serverDeviceId,
          remoteUserId: notice.serverUserId,
          serverConflictId: notice.conflictId,
        },
        now,
      );
    }
    setLastBatchSeq(db, batch.batchSeq);
    // A rotation notice arrives inside an envelope signed by the key this device trusts.
    if (rotated) saveServerKey(db, rotated.keyId, rotated.publicKeys, rotated.fingerprint);
  })();
}
