import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncErrorMessages } from '../../../shared/sync';
import { auditPath } from '../../../shared/sync/audit-protocol';
import type { Db } from '../../../electron/core/db-types';
import { backends } from '../server/harness';
import { enroll, makeDevice, password, person, removeDevice, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

/**
 * The audit log reaches the county server with every sync run (electron/core/sync/audit-upload.ts,
 * server/src/sync/audit-service.ts): real device cores, real encrypted stores, a real server on
 * loopback. What the server holds of a device's chain is compared entry by entry with the log on
 * the laptop.
 */
interface LocalEntry {
  seq: number;
  action: string;
  entity: string;
  row_id: string;
  hash: string;
}

function localLog(db: Db): LocalEntry[] {
  return db.prepare('SELECT seq, action, entity, row_id, hash FROM audit_log ORDER BY seq').all() as LocalEntry[];
}

function sentSeq(db: Db): number {
  return (db.prepare('SELECT audit_sent_seq AS n FROM sync_state WHERE id = 1').get() as { n: number }).n;
}

function deviceId(db: Db): string {
  return (db.prepare('SELECT device_id FROM sync_state WHERE id = 1').get() as { device_id: string }).device_id;
}

async function serverLog(server: SyncServer, device: string): Promise<LocalEntry[]> {
  const rows = await server.db.query('SELECT seq, action, entity, row_id, hash FROM device_audit WHERE device_id = $1 ORDER BY seq', [device]);
  return rows.map((row) => ({
    seq: Number(row['seq']),
    action: String(row['action']),
    entity: String(row['entity']),
    row_id: String(row['row_id']),
    hash: String(row['hash']),
  }));
}

/** Reads the device's database with the core closed, then unlocks again. */
async function withStore<T>(device: Device, fn: (db: Db) => T): Promise<T> {
  device.close();
  const result = await device.read(fn);
  await device.call('session.unlock', { profileId: device.profileId, password });
  return result;
}

describe.each(backends)('the audit log reaches the county server on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Velbert']);
    const jonas = await server.user('Jonas Weber', ['Velbert']);
    a = await makeDevice('audit-a');
    b = await makeDevice('audit-b');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
  });
  afterAll(async () => {
    [a, b].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  it("a sync run sends the whole chain, reads and the pull's own entries included, each entry once", async () => {
    const made = await a.call('persons.create', person({ familyName: 'Protokoll', givenNames: 'Amal' }));
    await a.call('persons.get', { id: made.id });
    expect(await syncNow(a)).toMatchObject({ lastError: null, pendingChanges: 0 });

    const [localA, sentA, idA] = await withStore(a, (db) => [localLog(db), sentSeq(db), deviceId(db)] as const);
    expect(localA.some((e) => e.action === 'read' && e.row_id === made.id)).toBe(true);
    expect(sentA).toBe(localA[localA.length - 1]!.seq);
    expect(await serverLog(server, idA)).toEqual(localA);

    // B pulls the person: the 'sync' entries that pull writes reach the server in the same run.
    expect(await syncNow(b)).toMatchObject({ lastError: null });
    const [localB, idB] = await withStore(b, (db) => [localLog(db), deviceId(db)] as const);
    expect(localB.some((e) => e.action === 'sync' && e.row_id === made.id)).toBe(true);
    expect(await serverLog(server, idB)).toEqual(localB);

    // a run with nothing new sends no audit request at all
    const before = a.requests.length;
    await syncNow(a);
    expect(a.requests.slice(before).filter((url) => url.endsWith(auditPath))).toHaveLength(0);
  });

  it('the answer lost after the server stored the entries: sent again, held once, the pointer moves only with an answer', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Verloren', givenNames: 'Antwort' }));
    const [sentBefore, idA] = await withStore(a, (db) => [sentSeq(db), deviceId(db)] as const);
    a.intercept = async (url, _init, forward) => {
      const response = await forward();
      if (url.endsWith(auditPath)) throw new TypeError('fetch failed: connection reset');
      return response;
    };
    const failed = await syncNow(a);
    a.intercept = null;
    expect(failed.lastError).not.toBeNull();
    const [localA, sentAfterFailure] = await withStore(a, (db) => [localLog(db), sentSeq(db)] as const);
    expect(sentAfterFailure).toBe(sentBefore);
    // the server took them before the answer was lost
    expect((await serverLog(server, idA)).length).toBe(localA.length);

    expect(await syncNow(a)).toMatchObject({ lastError: null });
    const [localAgain, sentAgain] = await withStore(a, (db) => [localLog(db), sentSeq(db)] as const);
    expect(sentAgain).toBe(localAgain[localAgain.length - 1]!.seq);
    expect(await serverLog(server, idA)).toEqual(localAgain);
    expect(localAgain.some((e) => e.action === 'create' && e.row_id === made.id)).toBe(true);
  });

  it('a server restored from an older copy gets the entries it lost again', async () => {
    const idA = await withStore(a, deviceId);
    const held = await serverLog(server, idA);
    const keep = Math.floor(held.length / 2);
    await server.db.query('DELETE FROM device_audit WHERE device_id = $1 AND seq > $2', [idA, keep]);
    await a.call('persons.create', person({ familyName: 'Wiederhergestellt', givenNames: 'Server' }));

    expect(await syncNow(a)).toMatchObject({ lastError: null });
    const localA = await withStore(a, localLog);
    expect(await serverLog(server, idA)).toEqual(localA);
  });

  it('a log rewritten on the laptop after the county received it is refused with a message; field sync still runs', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Manipuliert', givenNames: 'Eintrag' }));
    expect(await syncNow(a)).toMatchObject({ lastError: null });
    const idA = await withStore(a, deviceId);
    const heldBefore = await serverLog(server, idA);
    // Whoever holds the database key can drop the append-only triggers; the chain is what tells.
    await withStore(a, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET action = 'update' WHERE seq = 1").run();
      db.prepare('UPDATE sync_state SET audit_sent_seq = 0 WHERE id = 1').run();
    });
    await syncNow(b);
    await b.call('persons.update', { id: made.id, person: person({ familyName: 'Manipuliert', givenNames: 'Eintrag', phone: '0170 999' }) });
    await syncNow(b);

    const status = await syncNow(a);
    expect(status.lastError).toMatchObject({ code: 'AUDIT_CHAIN_BROKEN', message: syncErrorMessages.AUDIT_CHAIN_BROKEN });
    // the colleague's edit arrived: the audit upload comes after push and pull
    expect((await a.call('persons.get', { id: made.id })).phone).toBe('0170 999');
    // nothing of the rewritten log was taken, and the pointer did not move
    expect(await serverLog(server, idA)).toEqual(heldBefore);
    expect(await withStore(a, sentSeq)).toBe(0);
  });

  it('re-enrolment starts the audit upload again under the new device id', async () => {
    const fresh = await makeDevice('audit-c');
    try {
      const olena = await server.user('Olena Koval', ['Velbert']);
      await enroll(fresh, server, olena.code);
      await fresh.call('persons.create', person({ familyName: 'Neu', givenNames: 'Gerät' }));
      expect(await syncNow(fresh)).toMatchObject({ lastError: null });
      const firstId = await withStore(fresh, deviceId);
      expect((await serverLog(server, firstId)).length).toBeGreaterThan(0);

      await enroll(fresh, server, await server.code('Olena Koval'));
      const [secondId, sentAfterEnrol] = await withStore(fresh, (db) => [deviceId(db), sentSeq(db)] as const);
      expect(secondId).not.toBe(firstId);
      expect(sentAfterEnrol).toBe(0);
      expect(await syncNow(fresh)).toMatchObject({ lastError: null });
      const local = await withStore(fresh, localLog);
      expect(await serverLog(server, secondId)).toEqual(local);
    } finally {
      removeDevice(fresh);
    }
  });
});
