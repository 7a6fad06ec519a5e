import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../server/harness';
import { TestDevice } from '../server/test-device';
import { count, enroll, makeDevice, person, removeDevice, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

/**
 * What other writers may send: a newer app's fields (kept, "update needed"), rows that arrive in
 * pieces, and purges when a person moves to a team this device is not in.
 */
describe.each(backends)('unknown fields and purges on $name', (backend) => {
  let server: SyncServer;
  let laptop: Device;
  let newer: TestDevice;
  let ratingen: string;
  let mettmann: string;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const user = await server.user('Aylin Demir', ['Ratingen']);
    ratingen = user.teamIds[0]!;
    const coordinator = await server.user('Koordination', ['Ratingen', 'Mettmann']);
    mettmann = coordinator.teamIds[1]!;
    laptop = await makeDevice('laptop');
    await enroll(laptop, server, user.code);
    // a device of a newer app version, speaking the protocol directly
    newer = await TestDevice.enroll(server.server.url, coordinator.code);
  });
  afterAll(async () => {
    if (laptop) removeDevice(laptop);
    await server?.dispose();
  });

  it('a field or entity this version does not know is kept and asks for an update, never a crash', async () => {
    const made = await laptop.call('persons.create', person({ familyName: 'Zukunft' }));
    await syncNow(laptop);
    const ack = await newer.push([
      newer.change({ entity: 'persons', rowId: made.id, field: 'favouriteColour', value: 'blau', teamId: ratingen, baseSeq: null }),
      newer.change({ entity: 'persons', rowId: made.id, field: 'phone', value: '0177 1', teamId: ratingen, baseSeq: null }),
      newer.change({ entity: 'appointments', rowId: made.id, field: 'at', value: '2025-05-01', teamId: ratingen, baseSeq: null }),
    ]);
    expect(ack.ok).toBe(true);
    const status = await syncNow(laptop);
    expect(status).toMatchObject({ updateNeeded: true, lastError: null });
    expect((await laptop.call('persons.get', { id: made.id })).phone).toBe('0177 1');
    laptop.close();
    await laptop.read((db) => {
      expect(count(db, "SELECT count(*) AS n FROM sync_inbox WHERE reason = 'unknown'")).toBe(2);
    });
    await laptop.call('session.unlock', { profileId: laptop.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });

  it('a case whose person is not there yet waits, then lands when the person arrives', async () => {
    const personId = '0196a000-0000-7000-8000-00000000a001';
    const caseId = '0196a000-0000-7000-8000-00000000c001';
    const caseFields = { person_id: personId, phase: 'clearing', case_manager: 'Koordination', opened_at: '2025-03-01', team_id: ratingen };
    await newer.push(Object.entries(caseFields).map(([field, value]) => newer.change({ entity: 'cases', rowId: caseId, field, value, teamId: ratingen })));
    await syncNow(laptop);
    await expect(laptop.call('persons.get', { id: personId })).rejects.toThrow('NOT_FOUND');
    await newer.push([
      newer.change({ entity: 'persons', rowId: personId, field: 'family_name', value: 'Später', teamId: ratingen }),
      newer.change({ entity: 'persons', rowId: personId, field: 'team_id', value: ratingen, teamId: ratingen }),
    ]);
    await syncNow(laptop);
    // created field by field: the given names are still the placeholder
    const arrived = await laptop.call('persons.get', { id: personId });
    expect(arrived).toMatchObject({ familyName: 'Später', givenNames: '(wird übertragen)', teamId: ratingen });
    expect((await laptop.call('cases.forPerson', { personId })).map((c) => [c.id, c.phase])).toEqual([[caseId, 'clearing']]);
  });

  it('a person moved to a team this device is not in is purged here with its cases; nothing else is deleted', async () => {
    const stays = await laptop.call('persons.create', person({ familyName: 'Bleibt' }));
    const moves = await laptop.call('persons.create', person({ familyName: 'Umzug' }));
    await laptop.call('cases.open', { personId: moves.id, overrideReason: 'Zielgruppe im Sync-Test nicht geprüft' });
    await syncNow(laptop);
    await newer.pullAll();
    await newer.push([newer.change({ entity: 'persons', rowId: moves.id, field: 'team_id', value: mettmann, teamId: mettmann })]);
    // an edit of the moving person that was never sent is not lost: it goes to review
    await laptop.call('persons.update', { id: moves.id, person: person({ familyName: 'Umzug', phone: '0178 9' }) });
    const status = await syncNow(laptop);
    await expect(laptop.call('persons.get', { id: moves.id })).rejects.toThrow('NOT_FOUND');
    expect((await laptop.call('persons.get', { id: stays.id })).familyName).toBe('Bleibt');
    expect(status.conflicts).toBeGreaterThan(0);
    const review = (await laptop.call('sync.conflicts', {})).filter((c) => c.rowId === moves.id);
    expect(review.map((c) => c.field)).toContain('phone');
    laptop.close();
    await laptop.read((db) => {
      expect(count(db, 'SELECT count(*) AS n FROM cases WHERE person_id = ?', moves.id)).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM search_person WHERE person_id = ?', moves.id)).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM case_phase_events WHERE person_id = ?', moves.id)).toBe(0);
      // the person, the case and the case's 'open' phase event
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'purge'")).toBe(3);
    });
  });
});
