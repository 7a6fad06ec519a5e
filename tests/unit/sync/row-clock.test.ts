import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, HybridClock } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { PulledChange, PullPage } from '../../../shared/sync';
import { verifyAuditChain } from '../../../electron/core/audit/audit-log';
import type { Db } from '../../../electron/core/db-types';
import { latestSchemaVersion } from '../../../electron/core/migrations/index';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';
import { applyPullPage } from '../../../electron/core/sync/pull-apply';
import { personsEntity } from '../../../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../../../electron/core/write/write-path';
import { backends } from '../server/harness';
import { count, enroll, makeDevice, person, removeDevice, serverCount, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

/**
 * The row clock (store/row-clock.ts): a row new to the device keeps ONE clock entry for the
 * fields a pull gave it with one stamp. Every merge and conflict must come out as with a clock
 * row per field — proven here on a real encrypted store, and between two devices through a real
 * server.
 */
const remoteDevice = uuidv7();
const teamId = uuidv7();
const stamp = (millis: number) => formatHlc({ millis, counter: 0, deviceId: remoteDevice });

function change(rowId: string, field: string, value: PulledChange['value'], hlc: string, serverSeq: number, entity = 'persons'): PulledChange {
  return { opId: uuidv7(), entity, rowId, field, value, hlc, deviceId: remoteDevice, userId: null, teamId, schemaVersion: 5, serverSeq };
}

function page(changes: PulledChange[], purges: PullPage['purges'] = []): PullPage {
  return { changes, purges, nextCursor: String(Math.max(0, ...changes.map((c) => c.serverSeq))), hasMore: false, serverTime: Date.now() };
}

interface ClockRow {
  hlc: string;
  server_seq: number | null;
}

describe('row clock on a device store', () => {
  let dir: string;
  let db: Db;
  let clock: HybridClock;
  const apply = (p: PullPage) => applyPullPage({ db, clock, now: Date.now }, p, { retryUnknown: false });
  const entryOf = (rowId: string) =>
    db.prepare('SELECT r.hlc, r.server_seq, f.fields FROM row_clock r JOIN row_clock_fields f ON f.id = r.fields_id WHERE r.entity = ? AND r.row_id = ?').get('persons', rowId) as
      | (ClockRow & { fields: string })
      | undefined;
  const fieldClock = (rowId: string, field: string) =>
    db.prepare('SELECT hlc, server_seq FROM field_clock WHERE entity = ? AND row_id = ? AND field = ?').get('persons', rowId, field) as ClockRow | undefined;
  const writeContext = (): WriteContext => ({ db, clock, actor: 'Erika Beispiel', now: Date.now, schemaVersion: latestSchemaVersion });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kim-row-clock-'));
    db = openEncryptedDatabase(join(dir, 'store.db'), randomBytes(32));
    clock = new HybridClock(uuidv7());
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A person pulled new, its fields stamped `hlc`, versions 11…13 (family_name holds 13). */
  function pullPerson(rowId: string, hlc: string): void {
    apply(
      page([
        change(rowId, 'given_names', 'Elif', hlc, 11),
        change(rowId, 'phone', '0170 1', hlc, 12),
        change(rowId, 'family_name', 'Yılmaz', hlc, 13),
      ]),
    );
  }

  it('a first pull leaves one entry naming exactly the fields it brought, with their highest version', () => {
    const rowId = uuidv7();
    pullPerson(rowId, stamp(2_000));
    expect(entryOf(rowId)).toEqual({ hlc: stamp(2_000), server_seq: 13, fields: JSON.stringify(['family_name', 'given_names', 'phone']) });
    expect(count(db, 'SELECT count(*) AS n FROM field_clock')).toBe(0);
    expect(db.prepare('SELECT family_name, given_names, phone FROM persons WHERE id = ?').get(rowId)).toEqual({
      family_name: 'Yılmaz',
      given_names: 'Elif',
      phone: '0170 1',
    });
    // one field set for all rows naming the same fields
    pullPerson(uuidv7(), stamp(2_001));
    expect(count(db, 'SELECT count(*) AS n FROM row_clock')).toBe(2);
    expect(count(db, 'SELECT count(*) AS n FROM row_clock_fields')).toBe(1);
  });

  it('a field the entry does not name has no clock: an older pulled value of it is taken; a named one is not', () => {
    const rowId = uuidv7();
    pullPerson(rowId, stamp(2_000));
    apply(page([change(rowId, 'email', 'e@example.org', stamp(1_000), 20), change(rowId, 'phone', '0170 alt', stamp(1_000), 21)]));
    const row = db.prepare('SELECT email, phone FROM persons WHERE id = ?').get(rowId);
    expect(row).toEqual({ email: 'e@example.org', phone: '0170 1' });
    expect(fieldClock(rowId, 'email')).toEqual({ hlc: stamp(1_000), server_seq: 20 });
    // the named field was seen again: its stamp stays, its version rises (a clock row of its own)
    expect(fieldClock(rowId, 'phone')).toEqual({ hlc: stamp(2_000), server_seq: 21 });
    expect(entryOf(rowId)?.server_seq).toBe(13);
    // a newer value of a named field wins and gets its clock row
    apply(page([change(rowId, 'given_names', 'Elif Su', stamp(3_000), 22)]));
    expect(fieldClock(rowId, 'given_names')).toEqual({ hlc: stamp(3_000), server_seq: 22 });
    expect(db.prepare('SELECT given_names FROM persons WHERE id = ?').get(rowId)).toEqual({ given_names: 'Elif Su' });
  });

  it('the same page applied again changes nothing but raising versions, as clock rows would', () => {
    const rowId = uuidv7();
    const first = page([change(rowId, 'family_name', 'Yılmaz', stamp(2_000), 5), change(rowId, 'phone', '0170 1', stamp(2_000), 6)]);
    apply(first);
    const audited = count(db, 'SELECT count(*) AS n FROM audit_log');
    expect(apply(first)).toEqual({ appliedRows: 0, conflicts: 0, parked: 0 });
    expect(count(db, 'SELECT count(*) AS n FROM audit_log')).toBe(audited);
    expect(fieldClock(rowId, 'family_name')).toEqual({ hlc: stamp(2_000), server_seq: 6 });
    expect(fieldClock(rowId, 'phone')).toEqual({ hlc: stamp(2_000), server_seq: 6 });
  });

  it("a local edit of a pulled field is sent on the entry's version; a field it does not name goes without one", () => {
    const rowId = uuidv7();
    pullPerson(rowId, stamp(2_000));
    writeEntity(writeContext(), { entity: personsEntity, kind: 'update', rowId, values: { phone: '0170 2', email: 'neu@example.org' } });
    const outbox = db.prepare('SELECT field, base_seq FROM outbox ORDER BY seq').all();
    expect(outbox).toEqual([
      { field: 'phone', base_seq: 13 },
      { field: 'email', base_seq: null },
    ]);
    expect(fieldClock(rowId, 'phone')?.server_seq).toBe(13);
    expect(fieldClock(rowId, 'email')?.server_seq).toBeNull();
    // the field's own clock row now speaks for it: a second edit keeps its version
    db.prepare("UPDATE field_clock SET server_seq = 40 WHERE field = 'phone'").run();
    writeEntity(writeContext(), { entity: personsEntity, kind: 'update', rowId, values: { phone: '0170 3' } });
    expect(db.prepare("SELECT base_seq FROM outbox WHERE field = 'phone' ORDER BY seq DESC LIMIT 1").get()).toEqual({ base_seq: 40 });
  });

  it('an unpushed local edit of a pulled field meets a newer pulled value as a conflict, an older one not at all', () => {
    const rowId = uuidv7();
    pullPerson(rowId, stamp(2_000));
    writeEntity(writeContext(), { entity: personsEntity, kind: 'update', rowId, values: { phone: '0170 lokal' } });
    // older than the local edit (whose stamp passed the pulled 2,000): no conflict, value stays
    expect(apply(page([change(rowId, 'phone', '0170 alt', stamp(2_500), 30)]))).toMatchObject({ conflicts: 0 });
    expect(db.prepare('SELECT phone FROM persons WHERE id = ?').get(rowId)).toEqual({ phone: '0170 lokal' });
    const later = Date.now() + 60_000;
    expect(apply(page([change(rowId, 'phone', '0170 fern', stamp(later), 31)]))).toMatchObject({ conflicts: 1 });
    expect(db.prepare("SELECT field, local_value, remote_value FROM sync_conflict WHERE kind = 'concurrent'").all()).toEqual([
      { field: 'phone', local_value: '"0170 lokal"', remote_value: '"0170 fern"' },
    ]);
  });

  it('a purge takes the entry along with its row', () => {
    const rowId = uuidv7();
    pullPerson(rowId, stamp(2_000));
    apply(page([], [{ entity: 'persons', rowId, reason: 'team-changed' }]));
    expect(count(db, 'SELECT count(*) AS n FROM persons')).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM row_clock')).toBe(0);
  });

  it('the rows of a page are audited in the order applied, one intact chain', () => {
    const persons = [uuidv7(), uuidv7(), uuidv7()];
    const caseId = uuidv7();
    apply(
      page([
        change(caseId, 'person_id', persons[1]!, stamp(2_000), 1, 'cases'),
        change(caseId, 'phase', 'clearing', stamp(2_000), 2, 'cases'),
        ...persons.map((id, n) => change(id, 'family_name', `Name ${n}`, stamp(2_000), 3 + n)),
      ]),
    );
    const audit = db.prepare('SELECT entity, row_id, action, details FROM audit_log ORDER BY seq').all();
    expect(audit).toEqual([
      ...persons.map((id) => ({ entity: 'persons', row_id: id, action: 'sync', details: '{"fields":["family_name"]}' })),
      { entity: 'cases', row_id: caseId, action: 'sync', details: '{"fields":["person_id","phase"]}' },
    ]);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 4, firstBrokenSeq: null });
  });
});

describe.each(backends)('row clock between devices on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const jonas = await server.user('Jonas Weber', ['Ratingen']);
    a = await makeDevice('a');
    b = await makeDevice('b');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
  });
  afterAll(async () => {
    [a, b].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  /** A person made on A and pulled by B for the first time (B keeps one clock entry for it). */
  async function pulledByB(familyName: string): Promise<string> {
    const made = await a.call('persons.create', person({ familyName, givenNames: 'Elif' }));
    await syncNow(a);
    await syncNow(b);
    b.close();
    await b.read((db) => {
      expect(count(db, "SELECT count(*) AS n FROM row_clock WHERE entity = 'persons' AND row_id = ?", made.id)).toBe(1);
      expect(count(db, "SELECT count(*) AS n FROM field_clock WHERE entity = 'persons' AND row_id = ?", made.id)).toBe(0);
    });
    await b.call('session.unlock', { profileId: b.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
    return made.id;
  }

  const serverConflicts = (rowId: string) => serverCount(server, 'SELECT count(*) AS n FROM sync_conflict WHERE row_id = $1', [rowId]);
  const conflictsOn = async (device: Device, rowId: string) => (await device.call('sync.conflicts', {})).filter((c) => c.rowId === rowId).length;

  it('a local edit after a first pull is no conflict anywhere', async () => {
    const id = await pulledByB('Nachzug');
    await b.call('persons.update', { id, person: person({ familyName: 'Nachzug', givenNames: 'Elif', phone: '0171 555' }) });
    expect(await syncNow(b)).toMatchObject({ lastError: null, pendingChanges: 0 });
    await syncNow(a);
    expect((await a.call('persons.get', { id })).phone).toBe('0171 555');
    expect(await serverConflicts(id)).toBe(0);
    expect(await conflictsOn(a, id)).toBe(0);
    expect(await conflictsOn(b, id)).toBe(0);
  });

  it('concurrent edits after a first pull, the pulling device later: one conflict on the server and one on it', async () => {
    const id = await pulledByB('Gleichzeitig');
    await a.call('persons.update', { id, person: person({ familyName: 'Gleichzeitig', givenNames: 'Elif', phone: '0172 100' }) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await b.call('persons.update', { id, person: person({ familyName: 'Gleichzeitig', givenNames: 'Elif', phone: '0172 200' }) });
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    expect(await serverConflicts(id)).toBe(1);
    expect(await conflictsOn(b, id)).toBe(1);
    expect(await conflictsOn(a, id)).toBe(0);
    expect((await a.call('persons.get', { id })).phone).toBe('0172 200');
    expect((await b.call('persons.get', { id })).phone).toBe('0172 200');
  });

  it('concurrent edits after a first pull, the pulling device first: one conflict on the server and one on the other device', async () => {
    const id = await pulledByB('Zuerst');
    await b.call('persons.update', { id, person: person({ familyName: 'Zuerst', givenNames: 'Elif', phone: '0173 200' }) });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await a.call('persons.update', { id, person: person({ familyName: 'Zuerst', givenNames: 'Elif', phone: '0173 100' }) });
    await syncNow(b);
    await syncNow(a);
    await syncNow(b);
    expect(await serverConflicts(id)).toBe(1);
    expect(await conflictsOn(a, id)).toBe(1);
    expect(await conflictsOn(b, id)).toBe(0);
    expect((await a.call('persons.get', { id })).phone).toBe('0173 100');
    expect((await b.call('persons.get', { id })).phone).toBe('0173 100');
  });

  it("a new enrolment forgets the entries' server versions as it forgets those of clock rows", async () => {
    const id = await pulledByB('Neuanmeldung');
    await enroll(b, server, await server.code('Jonas Weber'));
    await b.call('persons.update', { id, person: person({ familyName: 'Neuanmeldung', givenNames: 'Elif', phone: '0174 1' }) });
    b.close();
    await b.read((db) => {
      expect(count(db, 'SELECT count(*) AS n FROM row_clock')).toBeGreaterThan(0);
      expect(count(db, 'SELECT count(*) AS n FROM row_clock WHERE server_seq IS NOT NULL')).toBe(0);
      expect(db.prepare("SELECT base_seq FROM outbox WHERE row_id = ? AND field = 'phone'").all(id)).toEqual([{ base_seq: null }]);
    });
    await b.call('session.unlock', { profileId: b.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });
});
