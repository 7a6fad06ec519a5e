import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../../server/src/admin/commands';
import { uuidv7 } from '../../../shared/ids';
import {
  generateIdentity,
  importPublicKeys,
  readEnvelopeHeader,
  sealEnvelope,
  syncErrorMessages,
} from '../../../shared/sync';
import { databasePath, profileFilePath } from '../../../electron/core/profiles/paths';
import { readProfileFile } from '../../../electron/core/profiles/profile-file';
import { syncMessages, wipedProfileMessage } from '../../../electron/core/sync/messages';
import { backends } from '../server/harness';
import {
  count,
  enroll,
  makeDevice,
  password,
  person,
  removeDevice,
  serverCount,
  settle,
  startSyncServer,
  syncNow,
  type Device,
  type Interceptor,
  type SyncServer,
} from './sync-harness';

const isPush = (url: string) => url.endsWith('/v1/push');
const isPull = (url: string) => url.endsWith('/v1/pull');

/** Forwards the request (the server commits), then loses the answer. */
function dropAnswerOnce(match: (url: string) => boolean): Interceptor {
  let done = false;
  return async (url, _init, forward) => {
    if (done || !match(url)) return forward();
    done = true;
    await (await forward()).text();
    throw new TypeError('fetch failed');
  };
}

/** Forwards and hands back an altered body. */
function alterAnswer(match: (url: string) => boolean, alter: (body: Record<string, string>) => Promise<unknown> | unknown): Interceptor {
  return async (url, _init, forward) => {
    const response = await forward();
    if (!match(url) || response.status !== 200) return response;
    const body = (await response.json()) as Record<string, string>;
    return new Response(JSON.stringify(await alter(body)), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

describe.each(backends)('sync under faults on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;
  const extra: Device[] = [];
  const device = async (name: string, options: Parameters<typeof makeDevice>[1] = {}) => {
    const made = await makeDevice(name, options);
    extra.push(made);
    return made;
  };
  const deviceRow = async (deviceId: string) => (await server.db.query('SELECT last_batch_seq FROM device WHERE id = $1', [deviceId]))[0]!;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const jonas = await server.user('Jonas Weber', ['Ratingen']);
    await server.user('Olena Koval', ['Ratingen']);
    a = await makeDevice('a');
    b = await makeDevice('b');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
  });
  afterAll(async () => {
    [a, b, ...extra].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  it('answer lost after the server committed, then retried: exactly one copy (whole batch)', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Verlust' }));
    const deviceId = (await a.call('sync.status', {})).deviceId!;
    const seqBefore = Number((await deviceRow(deviceId))['last_batch_seq']);
    a.intercept = dropAnswerOnce(isPush);
    const failed = await syncNow(a);
    expect(failed.lastError).toMatchObject({ code: 'UNREACHABLE', message: syncMessages.unreachable });
    expect(failed.pendingChanges).toBeGreaterThan(0);
    const written = await serverCount(server, 'SELECT count(*) AS n FROM change_log WHERE row_id = $1', [made.id]);
    expect(written).toBe(failed.pendingChanges);

    a.intercept = null;
    expect(await syncNow(a)).toMatchObject({ pendingChanges: 0, lastError: null });
    expect(await serverCount(server, 'SELECT count(*) AS n FROM change_log WHERE row_id = $1', [made.id])).toBe(written);
    expect(Number((await deviceRow(deviceId))['last_batch_seq'])).toBe(seqBefore + 1);
    await syncNow(b);
    expect((await b.call('persons.search', { query: 'Verlust', limit: 10 })).length).toBe(1);
  });

  it('answer lost, new edits made meanwhile: the same batch is resent, then the new one (partial batch)', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Teilweise' }));
    const deviceId = (await a.call('sync.status', {})).deviceId!;
    const seqBefore = Number((await deviceRow(deviceId))['last_batch_seq']);
    a.intercept = dropAnswerOnce(isPush);
    const firstBatch = (await syncNow(a)).pendingChanges;
    a.intercept = null;
    await a.call('persons.update', { id: made.id, person: person({ familyName: 'Teilweise', phone: '0175 999' }) });
    await a.call('cases.open', { personId: made.id, overrideReason: 'Zielgruppe im Sync-Test nicht geprüft' });
    const status = await syncNow(a);
    expect(status.pendingChanges).toBe(0);
    expect(Number((await deviceRow(deviceId))['last_batch_seq'])).toBe(seqBefore + 2);
    const stored = await serverCount(server, 'SELECT count(*) AS n FROM change_log WHERE row_id = $1', [made.id]);
    expect(stored).toBe(firstBatch + 1);
    const opIds = await serverCount(server, 'SELECT count(DISTINCT op_id) AS n FROM change_log WHERE device_id = $1', [deviceId]);
    expect(opIds).toBe(await serverCount(server, 'SELECT count(*) AS n FROM change_log WHERE device_id = $1', [deviceId]));
    await syncNow(b);
    expect((await b.call('persons.get', { id: made.id })).phone).toBe('0175 999');
    expect(await b.call('cases.forPerson', { personId: made.id })).toHaveLength(1);
  });

  it('a 5xx, then a healthy server: the outbox drains with no new local write', async () => {
    await a.call('persons.create', person({ familyName: 'Fünfhundert' }));
    const auditBefore = (await a.call('audit.verify', {})).entries;
    const pendingBefore = (await a.call('sync.status', {})).pendingChanges;
    a.intercept = async () => new Response('<html>Bad Gateway</html>', { status: 502 });
    const failed = await syncNow(a);
    expect(failed.lastError).toMatchObject({ code: 'INTERNAL', message: syncMessages.serverError });
    expect(failed.pendingChanges).toBe(pendingBefore);
    a.intercept = null;
    const healed = await syncNow(a);
    expect(healed).toMatchObject({ pendingChanges: 0, lastError: null });
    expect((await a.call('audit.verify', {})).entries).toBe(auditBefore);
  });

  it('a tampered answer or one signed by another key is refused and nothing of it applied', async () => {
    const made = await a.call('persons.create', person({ familyName: 'Manipuliert' }));
    await syncNow(a);
    const cursorOf = () => b.read((db) => (db.prepare('SELECT pull_cursor AS c FROM sync_state').get() as { c: string }).c);
    b.close();
    const cursorBefore = await cursorOf();
    await b.call('session.unlock', { profileId: b.profileId, password });

    // one byte of the ciphertext changed
    b.intercept = alterAnswer(isPull, (body) => ({ ...body, ct: body.ct!.slice(0, 40) + (body.ct![40] === 'A' ? 'B' : 'A') + body.ct!.slice(41) }));
    expect((await syncNow(b)).lastError).toMatchObject({ code: 'UNTRUSTED_ANSWER', message: syncMessages.untrustedAnswer });

    // a whole page forged by someone with their own key, for the right request and device
    const forger = await generateIdentity();
    b.intercept = alterAnswer(isPull, async (body) => {
      const { header } = readEnvelopeHeader(body);
      const devicePublic = (await server.db.query('SELECT x25519_public, ed25519_public FROM device WHERE id = $1', [header.deviceId]))[0]!;
      const deviceKeys = await importPublicKeys({ x25519: String(devicePublic['x25519_public']), ed25519: String(devicePublic['ed25519_public']) });
      const fake = uuidv7();
      return sealEnvelope({
        header,
        body: {
          changes: [{ opId: uuidv7(), entity: 'persons', rowId: fake, field: 'family_name', value: 'Fälschung', hlc: `${String(Date.now()).padStart(15, '0')}-000000-${header.deviceId}`, deviceId: header.deviceId, userId: null, teamId: made.teamId, schemaVersion: 1, serverSeq: 1 }],
          purges: [],
          nextCursor: '999999',
          hasMore: false,
          serverTime: Date.now(),
        },
        recipientPublicKey: deviceKeys.x25519,
        senderSigningKey: forger.ed25519.privateKey,
      });
    });
    expect((await syncNow(b)).lastError?.code).toBe('UNTRUSTED_ANSWER');
    expect(await b.call('persons.search', { query: 'Fälschung', limit: 10 })).toEqual([]);
    await expect(b.call('persons.get', { id: made.id })).rejects.toThrow('NOT_FOUND');
    b.close();
    expect(await cursorOf()).toBe(cursorBefore);
    await b.call('session.unlock', { profileId: b.profileId, password });

    b.intercept = null;
    await syncNow(b);
    expect((await b.call('persons.get', { id: made.id })).familyName).toBe('Manipuliert');
  });

  it('a device the server does not know is told so in plain German, nothing applied', async () => {
    const laptop = await device('unknown');
    await enroll(laptop, server, await server.code('Olena Koval'));
    const deviceId = (await laptop.call('sync.status', {})).deviceId!;
    await server.db.query('DELETE FROM device WHERE id = $1', [deviceId]);
    const status = await syncNow(laptop);
    expect(status.lastError).toMatchObject({ code: 'UNKNOWN_DEVICE', message: syncErrorMessages.UNKNOWN_DEVICE });
  });

  it('an unsigned "revoked" is not believed; a revoked device is wiped and says so', async () => {
    const laptop = await device('revoked');
    await enroll(laptop, server, await server.code('Olena Koval'));
    await laptop.call('persons.create', person({ familyName: 'Geheim' }));
    const deviceId = (await laptop.call('sync.status', {})).deviceId!;

    laptop.intercept = async () =>
      new Response(JSON.stringify({ error: { code: 'DEVICE_REVOKED', message: 'gesperrt', serverTime: Date.now() } }), { status: 403 });
    expect((await syncNow(laptop)).lastError?.code).toBe('UNTRUSTED_ANSWER');
    expect((await laptop.call('session.status', {})).state).toBe('unlocked');
    laptop.intercept = null;

    await revokeDevice(server.db, { deviceId });
    const error = await laptop.fail('sync.now', {});
    expect(error).toMatchObject({ code: 'LOCKED', message: syncErrorMessages.DEVICE_REVOKED });
    expect((await laptop.call('session.status', {})).state).toBe('locked');
    const profile = readProfileFile(profileFilePath(laptop.dir, laptop.profileId));
    expect(profile?.wipedAt).toBeDefined();
    expect(existsSync(databasePath(laptop.dir, laptop.profileId))).toBe(false);
    expect(await laptop.fail('session.unlock', { profileId: laptop.profileId, password })).toMatchObject({ code: 'LOCKED', message: wipedProfileMessage });
  });

  it('device clocks +10 minutes (refused with the server message until the clock is right) and −1 day (syncs correctly)', async () => {
    const ahead = await device('ahead', { offsetMs: 10 * 60_000 });
    await enroll(ahead, server, await server.code('Olena Koval'));
    const made = await ahead.call('persons.create', person({ familyName: 'Vorgehend' }));
    const refused = await syncNow(ahead);
    expect(refused.lastError).toMatchObject({ code: 'CLOCK_AHEAD', message: syncErrorMessages.CLOCK_AHEAD });
    expect(refused.pendingChanges).toBeGreaterThan(0);
    expect(await serverCount(server, 'SELECT count(*) AS n FROM change_log WHERE row_id = $1', [made.id])).toBe(0);
    server.offsetMs = 6 * 60_000; // the stamps are no longer too far ahead
    expect(await syncNow(ahead)).toMatchObject({ pendingChanges: 0, lastError: null });
    // (the server clock stays ahead: turning it back would confuse its rate-limit buckets)

    const behind = await device('behind', { offsetMs: -24 * 3_600_000 });
    await enroll(behind, server, await server.code('Olena Koval'));
    const shared = await a.call('persons.create', person({ familyName: 'Gestern' }));
    await settle(a, behind);
    // edited on the slow laptop after it saw A's stamps: the HLC puts it after them
    await behind.call('persons.update', { id: shared.id, person: person({ familyName: 'Gestern', phone: '0176 1' }) });
    await settle(behind, a);
    expect((await a.call('persons.get', { id: shared.id })).phone).toBe('0176 1');
    await a.call('persons.update', { id: shared.id, person: person({ familyName: 'Gestern', phone: '0176 2' }) });
    await settle(a, behind);
    expect((await behind.call('persons.get', { id: shared.id })).phone).toBe('0176 2');
    expect((await behind.call('sync.status', {})).conflicts).toBe(0);
    const own = await behind.call('persons.create', person({ familyName: 'Langsam' }));
    await settle(behind, a);
    expect((await a.call('persons.get', { id: own.id })).familyName).toBe('Langsam');
  });

  it('a device that crashes in the middle of a pull resumes without loss or duplicates', async () => {
    for (let i = 0; i < 8; i++) {
      const made = await a.call('persons.create', person({ familyName: `Absturz${i}`, givenNames: `Nr ${i}` }));
      await a.call('cases.open', { personId: made.id, overrideReason: 'Zielgruppe im Sync-Test nicht geprüft' });
    }
    await syncNow(a);
    let crashAfter: number | null = 5;
    let applied = 0;
    const fresh = await device('crash', {
      syncTest: {
        pullLimit: 7,
        onPullRowApplied: () => {
          applied += 1;
          if (crashAfter !== null && applied >= crashAfter) throw new Error('simulated crash');
        },
      },
    });
    await enroll(fresh, server, await server.code('Olena Koval'));
    expect((await fresh.fail('sync.now', {})).code).toBe('INTERNAL');
    crashAfter = null;
    await syncNow(fresh);
    fresh.close();
    const expected = await a.read((db) => ({
      persons: db.prepare('SELECT id, family_name, given_names, phone, team_id FROM persons ORDER BY id').all(),
      cases: db.prepare('SELECT id, person_id, phase, team_id FROM cases ORDER BY id').all(),
    }));
    await fresh.read((db) => {
      expect(db.prepare('SELECT id, family_name, given_names, phone, team_id FROM persons ORDER BY id').all()).toEqual(expected.persons);
      expect(db.prepare('SELECT id, person_id, phase, team_id FROM cases ORDER BY id').all()).toEqual(expected.cases);
      expect(count(db, 'SELECT count(*) AS n FROM outbox')).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM sync_inbox')).toBe(0);
    });
    await fresh.call('session.unlock', { profileId: fresh.profileId, password });
    expect((await fresh.call('audit.verify', {})).ok).toBe(true);
  });

  it('an empty server (device re-enrolled) and a server restored from an older copy delete nothing on devices', async () => {
    for (const name of ['Erhalten1', 'Erhalten2', 'Erhalten3']) await a.call('persons.create', person({ familyName: name }));
    await syncNow(a);
    const laptop = await device('restore');
    await enroll(laptop, server, await server.code('Olena Koval'));
    await settle(laptop);
    const rowsBefore = (await laptop.call('persons.search', { query: '', limit: 1000 })).length;
    expect(rowsBefore).toBeGreaterThanOrEqual(3);

    // restored from an older copy: the server forgets this device's last batch and everything after it
    await laptop.call('persons.create', person({ familyName: 'Vergessen' }));
    await syncNow(laptop);
    const deviceId = (await laptop.call('sync.status', {})).deviceId!;
    const last = Number((await deviceRow(deviceId))['last_batch_seq']);
    const ack = (await server.db.query('SELECT ack_json FROM push_batch WHERE device_id = $1 AND batch_seq = $2', [deviceId, last]))[0]!;
    const first = Math.min(...(JSON.parse(String(ack['ack_json'])) as { serverSeqs: number[] }).serverSeqs);
    await server.db.query('DELETE FROM field_state WHERE version_seq >= $1', [Number(first)]);
    await server.db.query('DELETE FROM change_log WHERE seq >= $1', [Number(first)]);
    await server.db.query('DELETE FROM push_batch WHERE device_id = $1 AND batch_seq >= $2', [deviceId, last]);
    await server.db.query('UPDATE device SET last_batch_seq = $2 WHERE id = $1', [deviceId, last - 1]);
    await server.db.query("SELECT setval('sync_seq', $1)", [Number(first) - 1]);

    const after = await syncNow(laptop);
    expect(after.lastError).toBeNull();
    expect((await laptop.call('persons.search', { query: '', limit: 1000 })).length).toBe(rowsBefore + 1);
    await laptop.call('persons.create', person({ familyName: 'NachRestore' }));
    expect((await syncNow(laptop)).pendingChanges).toBe(0);
    await syncNow(a);
    expect((await a.call('persons.search', { query: 'NachRestore', limit: 10 })).length).toBe(1);

    // an empty server: a fresh database and identity; the device registers there anew
    const empty = await startSyncServer(backend);
    // same wall clock as the first server (whose clock a test above moved ahead)
    empty.offsetMs = server.offsetMs;
    try {
      const { code } = await empty.user('Neu Start', ['Ratingen']);
      await enroll(laptop, empty, code);
      const status = await syncNow(laptop);
      expect(status.lastError).toBeNull();
      expect((await laptop.call('persons.search', { query: '', limit: 1000 })).length).toBe(rowsBefore + 2);
      await laptop.call('persons.create', person({ familyName: 'LeererServer' }));
      expect((await syncNow(laptop)).pendingChanges).toBe(0);
      expect(await serverCount(empty, 'SELECT count(*) AS n FROM change_log')).toBeGreaterThan(0);
    } finally {
      await empty.dispose();
    }
  });
});
