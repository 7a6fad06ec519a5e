import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../../../server/src/admin/commands';
import { syncErrorMessages } from '../../../shared/sync';
import { sameFingerprint } from '../../../electron/core/sync/enroll';
import { normalizeServerUrl } from '../../../electron/core/sync/transport';
import { syncMessages } from '../../../electron/core/sync/messages';
import { backends } from '../server/harness';
import { count, enroll, makeDevice, person, removeDevice, startSyncServer, type Device, type SyncServer } from './sync-harness';

describe('server URL and fingerprint rules', () => {
  it('normalises URLs and refuses what is not a plain http(s) base URL', () => {
    expect(normalizeServerUrl(' https://sync.kreis.de/ ')).toBe('https://sync.kreis.de');
    expect(normalizeServerUrl('https://sync.kreis.de/kim//')).toBe('https://sync.kreis.de/kim');
    expect(normalizeServerUrl('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    for (const bad of ['sync.kreis.de', 'ftp://sync.kreis.de', 'https://user:pw@sync.kreis.de', 'https://sync.kreis.de/?x=1', 'file:///etc/passwd']) {
      expect(() => normalizeServerUrl(bad), bad).toThrow(syncMessages.badUrl);
    }
    expect(() => normalizeServerUrl('http://sync.kreis.de')).toThrow(syncMessages.insecureUrl);
  });

  it('compares fingerprints by their digits only', () => {
    expect(sameFingerprint('12345 67890 11111', '12345-67890-11111')).toBe(true);
    expect(sameFingerprint('1234567890 11111', '12345 67890 11111')).toBe(true);
    expect(sameFingerprint('12345 67890 11112', '12345 67890 11111')).toBe(false);
    expect(sameFingerprint('', '')).toBe(false);
  });
});

describe.each(backends)('enrolment on $name', (backend) => {
  let server: SyncServer;
  const devices: Device[] = [];
  const device = async (name: string) => {
    const made = await makeDevice(name);
    devices.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await startSyncServer(backend);
  });
  afterAll(async () => {
    devices.forEach(removeDevice);
    await server?.dispose();
  });

  it('probe shows the fingerprint the server prints, before any code is spent', async () => {
    const laptop = await device('probe');
    const probe = await laptop.call('sync.probeServer', { serverUrl: `${server.server.url}/` });
    expect(probe).toEqual({ serverUrl: server.server.url, fingerprint: server.fingerprint });
  });

  it('enrols: identity, scope, teams; persons made before get the first team through the write path', async () => {
    const { code, userId, teamIds } = await server.user('Aylin Demir', ['Ratingen', 'Velbert']);
    const laptop = await device('enrol');
    const before = await laptop.call('persons.create', person());
    expect(before.teamId).toBeNull();
    const opened = await laptop.call('cases.open', { personId: before.id, overrideReason: 'Zielgruppe im Sync-Test nicht geprüft' });
    expect(opened.teamId).toBeNull();

    const status = await enroll(laptop, server, code);
    expect(status).toMatchObject({ enrolled: true, serverUrl: server.server.url, userName: 'Aylin Demir', lastError: null });
    expect(status.teams.map((team) => team.id)).toEqual(teamIds);
    expect((await laptop.call('persons.get', { id: before.id })).teamId).toBe(teamIds[0]);
    expect((await laptop.call('cases.forPerson', { personId: before.id }))[0]!.teamId).toBe(teamIds[0]);
    const created = await laptop.call('persons.create', person({ familyName: 'Neu' }));
    expect(created.teamId).toBe(teamIds[0]);

    laptop.close();
    await laptop.read((db) => {
      const state = db.prepare('SELECT device_id, user_id, device_keys FROM sync_state').get() as Record<string, string>;
      expect(state.device_id).toBe(status.deviceId);
      expect(state.user_id).toBe(userId);
      expect(JSON.parse(String(state.device_keys))).toHaveProperty('ed25519Private');
      // every stamp, old and new, now carries the server-issued device id (the protocol checks it)
      expect(count(db, 'SELECT count(*) AS n FROM outbox WHERE hlc NOT LIKE ?', `%-${status.deviceId ?? ''}`)).toBe(0);
      expect(count(db, "SELECT count(*) AS n FROM outbox WHERE field = 'team_id'")).toBe(5);
      expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'update'")).toBe(2);
    });
  });

  it('a wrong fingerprint refuses the enrolment and stores nothing', async () => {
    const { code } = await server.user('Jonas Weber', ['Ratingen']);
    const laptop = await device('mismatch');
    const error = await laptop.fail('sync.enroll', { serverUrl: server.server.url, code, expectedFingerprint: '11111 22222 33333 44444 55555 66666' });
    expect(error.message).toContain('Fingerabdruck stimmt nicht überein');
    expect(error.fieldErrors?.expectedFingerprint).toBe(error.message);
    expect((await laptop.call('sync.status', {})).enrolled).toBe(false);
    laptop.close();
    await laptop.read((db) => {
      expect(db.prepare('SELECT device_id, device_keys FROM sync_state').get()).toEqual({ device_id: null, device_keys: null });
    });
  });

  it('every other failure has its own German message', async () => {
    const laptop = await device('failures');
    const attempt = (serverUrl: string, code: string) =>
      laptop.fail('sync.enroll', { serverUrl, code, expectedFingerprint: server.fingerprint });

    expect((await attempt('keine adresse', 'ABCD-EFGH')).message).toBe(syncMessages.badUrl);
    expect((await laptop.fail('sync.probeServer', { serverUrl: 'http://sync.kreis.de' })).message).toBe(syncMessages.insecureUrl);
    // a closed port on this machine: nothing listens there
    expect((await attempt('http://127.0.0.1:9', 'ABCD-EFGH')).message).toBe(syncMessages.unreachable);
    expect((await laptop.fail('sync.probeServer', { serverUrl: 'http://127.0.0.1:9' })).message).toBe(syncMessages.unreachable);
    expect((await attempt(server.server.url, 'ABCD-EFGH-IJKL')).message).toBe(syncErrorMessages.ENROLL_CODE_INVALID);

    await server.user('Olena Koval', ['Mettmann']);
    const expired = await issueCode(server.db, { user: 'Olena Koval', expiresInMs: 1_000 }, Date.now() - 60_000);
    expect((await attempt(server.server.url, expired.code)).message).toBe(syncErrorMessages.ENROLL_CODE_EXPIRED);

    const used = await server.code('Olena Koval');
    const other = await device('first-user');
    await enroll(other, server, used);
    const second = await attempt(server.server.url, used);
    expect(second.message).toBe(syncErrorMessages.ENROLL_CODE_USED);
    expect(second.fieldErrors?.code).toBe(second.message);
    expect((await laptop.call('sync.status', {})).enrolled).toBe(false);

    // sync without enrolment: a clear word, not a crash
    expect((await laptop.fail('sync.now', {})).message).toBe(syncMessages.notEnrolled);
  });

  it('sync settings have defaults and can be changed', async () => {
    const laptop = await device('settings');
    expect(await laptop.call('sync.settings.get', {})).toEqual({ autoSync: true, reminderTime: '17:00' });
    expect(await laptop.call('sync.settings.update', { reminderTime: '16:30' })).toEqual({ autoSync: true, reminderTime: '16:30' });
    expect((await laptop.fail('sync.settings.update', { reminderTime: '25:00' })).code).toBe('INVALID_INPUT');
  });
});
