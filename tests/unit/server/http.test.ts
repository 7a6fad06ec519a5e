import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/src/db/adapter';
import { uuidv7 } from '../../../shared/ids';
import { MAX_ENVELOPE_BYTES, syncErrorBodySchema } from '../../../shared/sync';
import { aroundTransactionQueries, backends, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { TestDevice } from './test-device';

const secret = 'Mustafa Geheim';

describe.each(backends)('HTTP hardening on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let server: TestServer;
  let failing: TestServer;
  const logLines: string[] = [];
  let failOnInsert = false;

  beforeAll(async () => {
    database = await backend.create();
    db = await database.connect();
    identity = await tempIdentity();
    const logStream = { write: (line: string) => void logLines.push(line) };
    server = await startTestServer(db, identity.path, { logLevel: 'info', logStream });
    // A database that fails like a real one may: with a message that quotes the data.
    const broken = aroundTransactionQueries(db, async (sql, run) => {
      if (failOnInsert && sql.includes('INSERT INTO change_log')) throw new Error(`duplicate key value (${secret}) violates constraint`);
      return run();
    });
    failing = await startTestServer(broken, identity.path, { logLevel: 'info', logStream });
  });
  afterAll(async () => {
    await server?.close();
    await failing?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  it('a 5xx tells neither the device nor the log what went wrong inside, and applies nothing', async () => {
    const { teamId, code } = await teamWithUser(db, 'Erkrath', 'Fehlerfall');
    const device = await TestDevice.enroll(server.url, code);
    device.url = failing.url;
    failOnInsert = true;
    const reply = await device.push([device.change({ rowId: uuidv7(), field: 'familyName', value: secret, teamId })]);
    failOnInsert = false;
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.status).toBe(500);
    expect(reply.error.error.code).toBe('INTERNAL');
    expect(JSON.stringify(reply.error)).not.toMatch(/Geheim|duplicate|constraint|stack/);
    const log = logLines.join('\n');
    expect(log).toContain('"status":500');
    expect(log).toContain(device.id);
    expect(log).not.toMatch(/Geheim|duplicate key|familyName/);
    // The batch was not counted: sending it again to a healthy server works.
    device.url = server.url;
    const retry = await device.push([device.change({ rowId: uuidv7(), field: 'familyName', value: 'ok', teamId })], 1);
    expect(retry.ok).toBe(true);
  });

  it('refuses bodies over the limit before reading them', async () => {
    const big = JSON.stringify({ h: 'a', enc: 'b', ct: 'c'.repeat(MAX_ENVELOPE_BYTES + 1), sig: 'd' });
    const push = await fetch(`${server.url}/v1/push`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
    expect(push.status).toBe(413);
    expect(syncErrorBodySchema.parse(await push.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const enroll = await fetch(`${server.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'x'.repeat(20_000) }),
    });
    expect(enroll.status).toBe(413);
  });

  it('sends security headers, answers time and health, and a JSON 404', async () => {
    const time = await fetch(`${server.url}/v1/time`);
    expect(time.headers.get('x-content-type-options')).toBe('nosniff');
    expect(time.headers.get('cache-control')).toBe('no-store');
    expect(time.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(time.headers.get('x-frame-options')).toBe('DENY');
    const body = (await time.json()) as { serverTime: number };
    expect(Math.abs(body.serverTime - Date.now())).toBeLessThan(5_000);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const missing = await fetch(`${server.url}/v1/nothing?name=${encodeURIComponent(secret)}`);
    expect(missing.status).toBe(404);
    expect(syncErrorBodySchema.parse(await missing.json()).error.code).toBe('NOT_FOUND');
    expect(logLines.join('\n')).not.toContain('Geheim');
  });

  it('limits requests per address', async () => {
    const limited = await startTestServer(db, identity.path, { rateLimits: { perIp: { capacity: 3, refillPerSecond: 0.01 } } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${limited.url}/v1/time`)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const refused = await fetch(`${limited.url}/v1/time`);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(syncErrorBodySchema.parse(await refused.json()).error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
