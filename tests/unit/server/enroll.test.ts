import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCode } from '../../../server/src/admin/commands';
import type { Db } from '../../../server/src/db/adapter';
import { enrollResponseSchema, generateIdentity, keyFingerprint, syncErrorBodySchema } from '../../../shared/sync';
import { backends, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { enrollRequest, TestDevice } from './test-device';

describe.each(backends)('enrollment on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let server: TestServer;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let team: Awaited<ReturnType<typeof teamWithUser>>;

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    server = await startTestServer(db, identity.path);
    team = await teamWithUser(db, 'Kommune Velbert', 'Sabine Krüger');
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  const codeOf = async (body: unknown) => syncErrorBodySchema.parse(body).error.code;

  it('a good code enrols the device once, with scope, server keys, fingerprint and reference data', async () => {
    const { code } = await issueCode(db, { user: 'Sabine Krüger', expiresInMs: 60_000 });
    const deviceIdentity = await generateIdentity();
    // Typed by hand: lower case, without dashes.
    const first = await enrollRequest(server.url, code.toLowerCase().replace(/-/g, ''), deviceIdentity);
    expect(first.status).toBe(200);
    const enrollment = enrollResponseSchema.parse(first.body);
    expect(enrollment.teams).toEqual([{ id: team.teamId, name: 'Kommune Velbert' }]);
    expect(enrollment.userName).toBe('Sabine Krüger');
    expect(enrollment.server.fingerprint).toBe(server.keyring.current().fingerprint);
    expect(await keyFingerprint(enrollment.server.publicKeys)).toBe(enrollment.server.fingerprint);
    expect(JSON.stringify(enrollment.referenceData)).toContain('Duldung');

    const reused = await enrollRequest(server.url, code, await generateIdentity());
    expect(reused.status).toBe(409);
    expect(await codeOf(reused.body)).toBe('ENROLL_CODE_USED');
    const devices = await db.query('SELECT id FROM device WHERE user_id = $1', [team.userId]);
    expect(devices).toHaveLength(1);
  });

  it('a wrong code and an expired code are refused with their own codes', async () => {
    const wrong = await enrollRequest(server.url, 'AAAA-BBBB-CCCC', await generateIdentity());
    expect(wrong.status).toBe(404);
    expect(await codeOf(wrong.body)).toBe('ENROLL_CODE_INVALID');

    const { code } = await issueCode(db, { user: 'Sabine Krüger', expiresInMs: 1 }, Date.now() - 10_000);
    const expired = await enrollRequest(server.url, code, await generateIdentity());
    expect(expired.status).toBe(410);
    const body = syncErrorBodySchema.parse(expired.body);
    expect(body.error.code).toBe('ENROLL_CODE_EXPIRED');
    expect(body.error.message).toMatch(/abgelaufen/);
  });

  it('refuses a request whose signature does not match its keys, and does not burn the code', async () => {
    const { code } = await issueCode(db, { user: 'Sabine Krüger', expiresInMs: 60_000 });
    const good = await generateIdentity();
    const other = await generateIdentity();
    const forged = await enrollRequest(server.url, code, { x25519: good.x25519, ed25519: { publicKey: good.ed25519.publicKey, privateKey: other.ed25519.privateKey } });
    expect(await codeOf(forged.body)).toBe('BAD_SIGNATURE');
    expect((await TestDevice.enroll(server.url, code)).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses malformed input without details', async () => {
    const response = await fetch(`${server.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(await codeOf(await response.json())).toBe('INVALID_REQUEST');
  });
});
