import { spawn } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../../server/src/admin/cli';
import { createTeam, createUser, issueCode, listDevices } from '../../../server/src/admin/commands';
import { AdminError } from '../../../server/src/admin/admin-error';
import type { Db } from '../../../server/src/db/adapter';
import { uuidv7 } from '../../../shared/ids';
import { backends, runAdminOn, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { TestDevice } from './test-device';

const root = new URL('../../../', import.meta.url).pathname;
const tsxCli = join(root, 'node_modules/tsx/dist/cli.mjs');

describe.each(backends)('admin commands on $name', (backend) => {
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

  it('creates teams and users, refuses duplicates and unknown teams', async () => {
    expect(await admin('create-team', 'Kommune Hilden')).toMatchObject({ code: 0, out: expect.stringContaining('Team angelegt') });
    expect(await admin('create-user', 'Mara Schulz', '--teams', 'Kommune Hilden')).toMatchObject({ code: 0, out: expect.stringContaining('Kommune Hilden') });
    const duplicate = await admin('create-team', 'Kommune Hilden');
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toContain('gibt es schon');
    expect(duplicate.err).toContain('already exists');
    const unknown = await admin('create-user', 'Niemand', '--teams', 'Atlantis');
    expect(unknown).toMatchObject({ code: 2, err: expect.stringContaining('Unbekanntes Team "Atlantis"') });
    await expect(createUser(db, { name: 'Ohne Team', teams: [] })).rejects.toBeInstanceOf(AdminError);
    await expect(createTeam(db, { name: '  ' })).rejects.toBeInstanceOf(AdminError);
  });

  it('refuses bad arguments with a message and exit code 2', async () => {
    for (const argv of [
      ['frobnicate'],
      ['create-team'],
      ['issue-code'],
      ['issue-code', '--user', 'Mara Schulz', '--expires-in', 'bald'],
      ['issue-code', '--user'],
      ['create-user', 'X', '--colour', 'blau'],
      ['revoke-device', uuidv7()],
    ]) {
      const result = await admin(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(/^Fehler: .+\nError: .+/);
    }
    expect((await admin()).out).toContain('create-team');
  });

  it('issues a one-time code with expiry, lists devices with last sync, revokes', async () => {
    const issued = await admin('issue-code', '--user', 'Mara Schulz', '--expires-in', '2h');
    expect(issued.code).toBe(0);
    const code = /: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})$/m.exec(issued.out)?.[1];
    expect(code).toBeDefined();
    expect(issued.out).toMatch(/gültig bis/);

    const server = await startTestServer(db, identity.path);
    try {
      const device = await TestDevice.enroll(server.url, code!);
      expect((await listDevices(db)).find((d) => d.id === device.id)?.lastSyncAt).toBeNull();
      await device.pullAll();
      const listed = await admin('list-devices');
      expect(listed.out).toContain(device.id);
      expect(listed.out).toContain('Mara Schulz');
      expect((await listDevices(db)).find((d) => d.id === device.id)?.lastSyncAt).not.toBeNull();
      expect(await admin('revoke-device', device.id)).toMatchObject({ code: 0, out: expect.stringContaining('gesperrt') });
      expect((await admin('list-devices')).out).toContain('GESPERRT');
      expect((await admin('revoke-device', device.id)).out).toContain('schon gesperrt');
    } finally {
      await server.close();
    }
  });

  it('rotates the server key: the old key keeps working through the grace period and tells devices the new one', async () => {
    let now = Date.now();
    const clock = () => now;
    const { teamId, code } = await teamWithUser(db, 'Kommune Haan', 'Rotation');
    const server: TestServer = await startTestServer(db, identity.path, { now: clock });
    try {
      const device = await TestDevice.enroll(server.url, code, clock);
      const oldKeyId = device.enrollment.server.keyId;
      const rotated = await runAdmin(['rotate-key', '--grace', '1d'], {
        openDb: () => Promise.reject(new Error('rotate-key needs no database')),
        identityPath: identity.path,
        now: clock,
        out: () => undefined,
        err: () => undefined,
      });
      expect(rotated).toBe(0);
      expect(await stat(identity.path).then((s) => s.mode & 0o777)).toBe(0o600);
      now += 2_000; // past the keyring's re-read interval

      const during = await device.push([device.change({ rowId: uuidv7(), field: 'x', value: 1, teamId })]);
      if (!during.ok) throw new Error(during.error.error.code);
      expect(during.value.serverKey?.keyId).not.toBe(oldKeyId);
      expect(during.value.serverKey?.fingerprint).toBe(server.keyring.current().fingerprint);

      now += 2 * 86_400_000;
      const after = await device.pull();
      expect(!after.ok && after.error.error.code).toBe('SERVER_KEY_UNKNOWN');
    } finally {
      await server.close();
    }
  });

  it('codes expire and are single use at the database level too', async () => {
    const issued = await issueCode(db, { user: 'Mara Schulz', expiresInMs: 60_000 });
    const rows = await db.query('SELECT code_hash FROM enrollment_code');
    expect(JSON.stringify(rows)).not.toContain(issued.code);
  });
});

/** One real `npm run server` process and one real admin invocation, as an admin would run them. */
describe('the server as a process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kim-server-process-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const env = () => ({ ...process.env, KIM_SERVER_DATA: dataDir, PORT: '0', KIM_LOG_LEVEL: 'off', DATABASE_URL: '' });

  function run(argv: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [tsxCli, 'server/src/main.ts', ...argv], { cwd: root, env: env() });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('close', (code) => resolve({ code, out, err }));
    });
  }

  it('starts with no configuration: generates a 0600 identity, prints URL and fingerprint, answers', async () => {
    const child = spawn(process.execPath, [tsxCli, 'server/src/main.ts'], { cwd: root, env: env() });
    try {
      const output = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no start: ${text}`)), 100_000);
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (/fingerprint: \d{5}( \d{5}){5}/.test(text)) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.on('exit', () => reject(new Error(`exited: ${text}`)));
      });
      const url = /listening: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      expect((await fetch(`${url!}/health`)).status).toBe(200);
      expect((await stat(join(dataDir, 'server-identity.json'))).mode & 0o777).toBe(0o600);
      // PGlite belongs to the running server: an admin command must not open it alongside.
      const blocked = await run(['admin', 'list-teams']);
      expect(blocked.code).not.toBe(0);
      expect(blocked.err).toContain('wird schon von Prozess');
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  it('runs an admin command and refuses bad arguments with exit code 2', async () => {
    const created = await run(['admin', 'create-team', 'Kommune Langenfeld']);
    expect(created.code).toBe(0);
    expect(created.out).toContain('Team angelegt / team created: Kommune Langenfeld');
    const bad = await run(['admin', 'issue-code', '--expires-in', '3h']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Bitte --user angeben.');
  }, 120_000);
});
