import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, setRole } from '../../../server/src/admin/commands';
import { AdminError } from '../../../server/src/admin/admin-error';
import type { Db } from '../../../server/src/db/adapter';
import { defaultReferenceData, type ReferenceData } from '../../../server/src/reference-data';
import { backends, runAdminOn, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { TestDevice } from './test-device';

/** Roles (issue 4): set by the admin CLI, checked by the database, told to devices on sync. */
describe.each(backends)('user roles on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
  });
  afterAll(async () => {
    await database?.dispose();
    await identity?.dispose();
  });

  const admin = (...argv: string[]) => runAdminOn(db, identity.path, argv);

  const roleOf = async (name: string) => String((await db.query('SELECT role FROM app_user WHERE name = $1', [name]))[0]!['role']);

  it('a new user is a case manager unless the admin says otherwise', async () => {
    expect((await admin('create-team', 'Kreis Mettmann')).code).toBe(0);
    const plain = await admin('create-user', 'Aylin Demir', '--teams', 'Kreis Mettmann');
    expect(plain).toMatchObject({ code: 0, out: expect.stringContaining('Rolle / role: fallmanagement') });
    const lead = await admin('create-user', 'Jonas Weber', '--teams', 'Kreis Mettmann', '--role', 'teamleitung');
    expect(lead).toMatchObject({ code: 0, out: expect.stringContaining('Rolle / role: teamleitung') });
    expect(await roleOf('Aylin Demir')).toBe('fallmanagement');
    expect(await roleOf('Jonas Weber')).toBe('teamleitung');
    expect((await admin('list-users')).out).toMatch(/Jonas Weber {2}teamleitung/);
  });

  it('set-role changes the role and says what it did; the same role again changes nothing', async () => {
    const changed = await admin('set-role', 'Aylin Demir', 'teamleitung');
    expect(changed).toMatchObject({ code: 0, out: expect.stringContaining('fallmanagement → teamleitung') });
    expect(await roleOf('Aylin Demir')).toBe('teamleitung');
    const again = await admin('set-role', 'Aylin Demir', 'teamleitung');
    expect(again).toMatchObject({ code: 0, out: expect.stringContaining('Rolle unverändert') });
    expect(await setRole(db, { user: 'Aylin Demir', role: 'fallmanagement' })).toMatchObject({ previous: 'teamleitung', role: 'fallmanagement', changed: true });
  });

  it('an unknown role, user or missing argument is refused with a clear message and exit code 2; nothing changes', async () => {
    for (const argv of [
      ['set-role', 'Aylin Demir', 'chefin'],
      ['set-role', 'Niemand', 'teamleitung'],
      ['set-role', 'Aylin Demir'],
      ['create-user', 'Neu', '--teams', 'Kreis Mettmann', '--role', 'admin'],
    ]) {
      const result = await admin(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(/^Fehler: .+\nError: .+/);
    }
    expect((await admin('set-role', 'Aylin Demir', 'chefin')).err).toContain('Erlaubt: fallmanagement, teamleitung');
    expect(await roleOf('Aylin Demir')).toBe('fallmanagement');
    expect(await db.query("SELECT id FROM app_user WHERE name = 'Neu'")).toEqual([]);
    await expect(createUser(db, { name: 'Auch neu', teams: ['Kreis Mettmann'], role: 'root' })).rejects.toBeInstanceOf(AdminError);
  });

  it('the database itself refuses a role it does not know', async () => {
    await expect(db.query("UPDATE app_user SET role = 'chefin' WHERE name = 'Aylin Demir'")).rejects.toThrow();
    expect(await roleOf('Aylin Demir')).toBe('fallmanagement');
  });
});

describe.each(backends)('role and reference data on the wire on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let server: TestServer;
  const county: ReferenceData = { ...defaultReferenceData, version: 7, partners: [{ id: 'jc', name: 'Jobcenter Testkreis', type: 'Jobcenter' }] };

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    server = await startTestServer(db, identity.path, { referenceData: county });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  it('enrolment answers with the role and the county reference data', async () => {
    const { code } = await teamWithUser(db, 'Velbert', 'Lea Kaya');
    await setRole(db, { user: 'Lea Kaya', role: 'teamleitung' });
    const device = await TestDevice.enroll(server.url, code);
    expect(device.enrollment.role).toBe('teamleitung');
    expect(device.enrollment.referenceData).toEqual(county);
  });

  it('a pull names the device version: the role always, the reference data only when it differs; an older device gets neither', async () => {
    const { code } = await teamWithUser(db, 'Velbert', 'Tom Berg');
    const device = await TestDevice.enroll(server.url, code);
    const older = await device.pull(500, '0');
    if (!older.ok) throw new Error('pull failed');
    expect(Object.keys(older.value)).not.toContain('role');
    expect(Object.keys(older.value)).not.toContain('referenceData');

    const fresh = await device.pull(500, '0', null);
    if (!fresh.ok) throw new Error('pull failed');
    expect(fresh.value).toMatchObject({ role: 'fallmanagement', referenceData: county });
    const stale = await device.pull(500, '0', 6);
    expect(stale.ok && stale.value.referenceData).toEqual(county);
    const current = await device.pull(500, '0', 7);
    if (!current.ok) throw new Error('pull failed');
    expect(current.value.role).toBe('fallmanagement');
    expect(current.value.referenceData).toBeUndefined();

    await setRole(db, { user: 'Tom Berg', role: 'teamleitung' });
    const later = await device.pull(500, '0', 7);
    expect(later.ok && later.value.role).toBe('teamleitung');
  });
});
