import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncErrorMessages } from '../../../shared/sync';
import { backends } from '../server/harness';
import { count, enroll, makeDevice, person, removeDevice, serverCount, settle, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

describe.each(backends)('edits and conflicts between real devices on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;
  let c: Device;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const jonas = await server.user('Jonas Weber', ['Ratingen']);
    const olena = await server.user('Olena Koval', ['Mettmann']);
    a = await makeDevice('a');
    b = await makeDevice('b');
    c = await makeDevice('c');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
    await enroll(c, server, olena.code);
  });
  afterAll(async () => {
    [a, b, c].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  it('a person and a case made on one device reach the other, an edit flows back; no echo into the outbox', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Yılmaz', givenNames: 'Elif' }));
    const opened = await a.call('cases.open', { personId: made.id, overrideReason: 'Zielgruppe im Sync-Test nicht geprüft' });
    expect((await syncNow(a)).pendingChanges).toBe(0);

    const statusB = await syncNow(b);
    expect(statusB).toMatchObject({ pendingChanges: 0, conflicts: 0, lastError: null });
    expect(statusB.lastSuccessAt).not.toBeNull();
    const onB = await b.call('persons.get', { id: made.id });
    expect(onB).toMatchObject({ familyName: 'Yılmaz', givenNames: 'Elif', phone: '0170 111', teamId: made.teamId, birthDate: { kind: 'year', year: 1990 } });
    expect((await b.call('cases.forPerson', { personId: made.id })).map((x) => x.id)).toEqual([opened.id]);
    // pulled rows are indexed for search
    expect((await b.call('persons.search', { query: 'Yilmaz', limit: 10 })).map((p) => p.id)).toContain(made.id);

    await b.call('persons.update', { id: made.id, person: person({ familyName: 'Yılmaz', givenNames: 'Elif', phone: '0170 222' }) });
    await syncNow(b);
    await syncNow(a);
    expect((await a.call('persons.get', { id: made.id })).phone).toBe('0170 222');
    expect((await a.call('sync.status', {})).pendingChanges).toBe(0);

    // applied by pull: audited as sync, never queued for sending back
    b.close();
    await b.read((db) => {
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'sync' AND actor = 'Synchronisation' AND row_id = ?", made.id)).toBeGreaterThan(0);
      expect(count(db, 'SELECT count(*) AS n FROM outbox')).toBe(0);
    });
    await b.call('session.unlock', { profileId: b.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });

  it('concurrent edits of one field: one conflict record, both values kept, the later one wins everywhere', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Konflikt', givenNames: 'Karim' }));
    await settle(a, b);
    await a.call('persons.update', { id: made.id, person: person({ familyName: 'Konflikt', givenNames: 'Karim', phone: '0171 100' }) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('persons.update', { id: made.id, person: person({ familyName: 'Konflikt', givenNames: 'Karim', phone: '0171 200' }) });

    await syncNow(a);
    const statusB = await syncNow(b);
    await syncNow(a);
    expect(statusB.conflicts).toBe(1);
    expect(await serverCount(server, "SELECT count(*) AS n FROM sync_conflict WHERE row_id = $1 AND field = 'phone'", [made.id])).toBe(1);
    expect((await a.call('persons.get', { id: made.id })).phone).toBe('0171 200');
    expect((await b.call('persons.get', { id: made.id })).phone).toBe('0171 200');

    const [conflict] = await b.call('sync.conflicts', {});
    expect(conflict).toMatchObject({
      entity: 'persons',
      rowId: made.id,
      field: 'phone',
      recordLabel: 'Konflikt, Karim',
      localValue: '0171 200',
      remoteValue: '0171 100',
      localBy: 'Jonas Weber',
    });
    expect(conflict!.remoteBy).toContain('Teammitglied');
    expect(conflict!.localAt).not.toBeNull();
    expect(conflict!.remoteAt).not.toBeNull();

    // resolved on B (A's value), the decision syncs to A and wins there
    expect(await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'remote' })).toEqual({ resolved: true });
    expect((await b.call('sync.status', {})).conflicts).toBe(0);
    await syncNow(b);
    await syncNow(a);
    expect((await a.call('persons.get', { id: made.id })).phone).toBe('0171 100');
    expect((await b.call('persons.get', { id: made.id })).phone).toBe('0171 100');
    expect(await b.fail('sync.resolveConflict', { id: conflict!.id, choice: 'local' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a manual value is checked and written like an edit', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Manuell', givenNames: 'Mia' }));
    await settle(a, b);
    await a.call('persons.update', { id: made.id, person: person({ familyName: 'Manuell-A', givenNames: 'Mia' }) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('persons.update', { id: made.id, person: person({ familyName: 'Manuell-B', givenNames: 'Mia' }) });
    await syncNow(a);
    await syncNow(b);
    const conflict = (await b.call('sync.conflicts', {})).find((x) => x.rowId === made.id)!;
    expect(conflict.field).toBe('family_name');
    expect((await b.fail('sync.resolveConflict', { id: conflict.id, choice: 'manual', value: '' })).code).toBe('INVALID_INPUT');
    expect((await b.fail('sync.resolveConflict', { id: conflict.id, choice: 'manual', value: { x: 1 } })).code).toBe('INVALID_INPUT');
    await b.call('sync.resolveConflict', { id: conflict.id, choice: 'manual', value: 'Manuell-Schmidt' });
    await settle(b, a);
    expect((await a.call('persons.get', { id: made.id })).familyName).toBe('Manuell-Schmidt');
  });

  it('a pulled value that beats an unpushed edit is kept as a conflict; the later server notice does not make a second one', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Uhr', givenNames: 'Ute' }));
    await settle(a, b);
    const before = (await b.call('sync.status', {})).conflicts;
    await b.call('persons.update', { id: made.id, person: person({ familyName: 'Uhr', givenNames: 'Ute', phone: '0172 222' }) });
    // B's clock jumps 9 minutes ahead and it edits again: the server refuses that push (CLOCK_AHEAD)
    b.offsetMs = 9 * 60_000;
    await b.call('persons.update', { id: made.id, person: person({ familyName: 'Uhr', givenNames: 'Ute-Maria', phone: '0172 222' }) });
    await a.call('persons.update', { id: made.id, person: person({ familyName: 'Uhr', givenNames: 'Ute', phone: '0172 111' }) });
    await syncNow(a);

    const refused = await syncNow(b);
    expect(refused.lastError).toMatchObject({ code: 'CLOCK_AHEAD', message: syncErrorMessages.CLOCK_AHEAD });
    // ...but the pull went on: A's newer phone beat B's unpushed one → a conflict on B
    expect(refused.conflicts).toBe(before + 1);
    expect((await b.call('persons.get', { id: made.id })).phone).toBe('0172 111');
    expect(refused.pendingChanges).toBeGreaterThan(0);

    // the server's clock catches up: the push goes through, the server records its conflict
    server.offsetMs = 10 * 60_000;
    const after = await syncNow(b);
    expect(after).toMatchObject({ lastError: null, pendingChanges: 0, conflicts: before + 1 });
    expect(await serverCount(server, "SELECT count(*) AS n FROM sync_conflict WHERE row_id = $1 AND field = 'phone'", [made.id])).toBe(1);
    await syncNow(a);
    expect((await a.call('persons.get', { id: made.id })).phone).toBe('0172 111');
    expect((await a.call('persons.get', { id: made.id })).givenNames).toBe('Ute-Maria');
    b.offsetMs = 0;
  });

  it("another team's rows never reach a device", async () => {
    const own = await c.call('persons.create', person({ familyName: 'Mettmann', givenNames: 'Mo' }));
    await settle(a, b, c);
    expect((await c.call('persons.search', { query: '', limit: 1000 })).map((p) => p.id)).toEqual([own.id]);
    await expect(a.call('persons.get', { id: own.id })).rejects.toThrow('NOT_FOUND');
    c.close();
    await c.read((db) => {
      expect(count(db, 'SELECT count(*) AS n FROM persons')).toBe(1);
      expect(count(db, 'SELECT count(*) AS n FROM cases')).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM field_clock WHERE row_id <> ?', own.id)).toBe(0);
    });
  });
});
