import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CHANGES_PER_BATCH } from '../../../shared/sync';
import { nextBatch } from '../../../electron/core/sync/batch';
import { readSyncState } from '../../../electron/core/sync/state';
import { backends } from '../server/harness';
import { count, enroll, makeDevice, person, removeDevice, startSyncServer, type Device, type SyncServer } from './sync-harness';

/**
 * Cutting a push batch from a long outbox (batch.ts reads it a chunk at a time): entries of
 * rows without a team wait in place, entries of rows no longer here go to the review list, and
 * the batch takes the oldest sendable entries in order, up to the limit — also when the entries
 * that wait fill the first chunk read. Real device store, the cut run on it directly.
 */
describe('cutting a batch from a long outbox', () => {
  let server: SyncServer;
  let device: Device;
  const personIds: string[] = [];
  beforeAll(async () => {
    server = await startSyncServer(backends[0]!);
    const { code } = await server.user('cutter', ['Schnitt']);
    device = await makeDevice('cutter');
    await enroll(device, server, code);
    // More entries than two batches hold.
    for (let i = 0; i < 300; i++) personIds.push((await device.call('persons.create', person({ familyName: `Person ${i}` }))).id);
    device.close();
  }, 120_000);
  afterAll(async () => {
    removeDevice(device);
    await server.dispose();
  });

  it('skips waiting entries across chunks, sets aside the gone ones, and takes the oldest sendable ones up to the limit', async () => {
    await device.read((db) => {
      db.exec('BEGIN');
      try {
        const entries = (id: string) => (db.prepare('SELECT seq FROM outbox WHERE row_id = ? ORDER BY seq').all(id) as { seq: number }[]).map((r) => r.seq);
        const perPerson = entries(personIds[0]!).length;
        expect(perPerson * personIds.length).toBeGreaterThan(2 * MAX_CHANGES_PER_BATCH);
        // The first persons have no team here (their entries wait), one is gone (purged).
        const waiting = personIds.slice(0, Math.ceil((MAX_CHANGES_PER_BATCH + 1) / perPerson));
        const gone = personIds[waiting.length]!;
        for (const id of waiting) db.prepare('UPDATE persons SET team_id = NULL WHERE id = ?').run(id);
        db.prepare('DELETE FROM persons WHERE id = ?').run(gone);
        const sendable = personIds.slice(waiting.length + 1).flatMap(entries);
        const waitingSeqs = waiting.flatMap(entries);

        const state = readSyncState(db);
        const batch = nextBatch(db, state.enrollment!.deviceId, state.lastBatchSeq, Date.now())!;
        const opIdOf = db.prepare('SELECT op_id FROM outbox WHERE seq = ?').pluck();
        expect(batch.changes.map((c) => c.opId)).toEqual(sendable.slice(0, MAX_CHANGES_PER_BATCH).map((seq) => opIdOf.get(seq)));
        expect(count(db, 'SELECT count(*) AS n FROM outbox WHERE batch_seq = ?', batch.batchSeq)).toBe(MAX_CHANGES_PER_BATCH);
        // Waiting entries are untouched, still first in line; the gone person's entries are on the review list.
        expect(count(db, `SELECT count(*) AS n FROM outbox WHERE batch_seq IS NULL AND seq IN (${waitingSeqs.join(',')})`)).toBe(waitingSeqs.length);
        expect(count(db, 'SELECT count(*) AS n FROM outbox WHERE row_id = ?', gone)).toBe(0);
        expect(count(db, "SELECT count(*) AS n FROM sync_conflict WHERE kind = 'out_of_scope' AND row_id = ?", gone)).toBe(perPerson);
        // The rest waits for the next batch, which starts right after this one.
        const next = nextBatch(db, state.enrollment!.deviceId, batch.batchSeq, Date.now());
        expect(next?.batchSeq).toBe(batch.batchSeq);
        db.exec('DELETE FROM outbox WHERE batch_seq IS NOT NULL');
        const after = nextBatch(db, state.enrollment!.deviceId, batch.batchSeq, Date.now())!;
        expect(after.changes.map((c) => c.opId)).toEqual(sendable.slice(MAX_CHANGES_PER_BATCH, 2 * MAX_CHANGES_PER_BATCH).map((seq) => opIdOf.get(seq)));
      } finally {
        db.exec('ROLLBACK');
      }
    });
  });
});
