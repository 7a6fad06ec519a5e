import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createUser, issueCode } from '../../../server/src/admin/commands';
import type { Db as ServerDb } from '../../../server/src/db/adapter';
import type { AppOptions } from '../../../server/src/http/app';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcErrorPayload, IpcResult } from '../../../shared/ipc/errors';
import type { SyncStatus } from '../../../shared/ipc/sync-contract';
import type { PersonInput } from '../../../shared/domain/person';
import { createCore, type Core, type CoreOptions } from '../../../electron/core/index';
import type { Db } from '../../../electron/core/db-types';
import { databasePath } from '../../../electron/core/profiles/paths';
import { readProfile } from '../../../electron/core/profiles/profile-repo';
import { tryUnwrap } from '../../../electron/core/session/unwrap';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';
import { startTestServer, teamWithUser, tempIdentity, type Backend, type TestDatabase, type TestServer } from '../server/harness';

/**
 * Real devices against a real server on loopback: each device is a core from `createCore` in a
 * temp folder with a real encrypted database, driven through `core.handle` like the app does.
 * Its fetch goes through a switchboard so a test can drop, break or tamper with any exchange.
 */
export const testKdf = { N: 2 ** 10, r: 8, p: 1 } as const;
export const password = 'Kaffee Fahrrad Wolke Sieben';

/** Decides what one request does; `forward` sends it to the real server. */
export type Interceptor = (url: string, init: RequestInit | undefined, forward: () => Promise<Response>) => Promise<Response>;

/** Timers that never fire: automatic sync stays out of the way of the test's own calls. */
export const idleTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

export interface Device {
  readonly name: string;
  readonly dir: string;
  readonly core: Core;
  profileId: string;
  /** milliseconds added to the real clock (a skewed laptop) */
  offsetMs: number;
  intercept: Interceptor | null;
  /** every URL fetched, in order */
  readonly requests: string[];
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  fail(channel: ChannelName, input: unknown): Promise<IpcErrorPayload>;
  /** the profile's database, opened beside the core (read-only use) */
  read<T>(fn: (db: Db) => T): Promise<T>;
  close(): void;
}

export async function makeDevice(
  name: string,
  extra: Partial<Pick<CoreOptions, 'syncTest'>> & { offsetMs?: number; dir?: string; createProfile?: boolean } = {},
): Promise<Device> {
  const dir = extra.dir ?? mkdtempSync(join(tmpdir(), `kim-sync-${name}-`));
  const requests: string[] = [];
  const device: Device = {
    name,
    dir,
    profileId: '',
    offsetMs: extra.offsetMs ?? 0,
    intercept: null,
    requests,
    core: undefined as unknown as Core,
    async call(channel, input) {
      const result = (await this.core.handle(channel, input)) as IpcResult<ChannelOutput<typeof channel>>;
      if (!result.ok) throw new Error(`${name}: ${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async fail(channel, input) {
      const result = await this.core.handle(channel, input);
      if (result.ok) throw new Error(`${name}: ${channel} should have failed`);
      return result.error;
    },
    async read(fn) {
      const key = await tryUnwrap(readProfile(dir, this.profileId), password);
      if (!key) throw new Error('test password does not unwrap');
      const db = openEncryptedDatabase(databasePath(dir, this.profileId), key);
      try {
        return fn(db);
      } finally {
        db.close();
        key.fill(0);
      }
    },
    close() {
      this.core.close();
    },
  };
  const fetchFn: typeof fetch = async (input, init) => {
    const url = String(input);
    requests.push(url);
    const forward = () => fetch(input, init);
    return device.intercept ? device.intercept(url, init, forward) : forward();
  };
  (device as { core: Core }).core = createCore({
    dataDir: dir,
    appVersion: '0.1.0-test',
    now: () => Date.now() + device.offsetMs,
    kdf: testKdf,
    fetch: fetchFn,
    timers: idleTimers,
    log: () => undefined,
    ...(extra.syncTest ? { syncTest: extra.syncTest } : {}),
  });
  if (extra.createProfile !== false) {
    const status = await device.call('profiles.create', { name: `Profil ${name}`, userName: `Nutzer ${name}`, password, passwordRepeat: password });
    if (status.state !== 'unlocked') throw new Error('profile not unlocked');
    device.profileId = status.profile.id;
    // A test may move the clock by minutes; the idle lock must not interfere.
    await device.call('settings.update', { autoLockMinutes: 240 });
  }
  return device;
}

export function removeDevice(device: Device): void {
  try {
    device.close();
  } catch {
    // already closed
  }
  rmSync(device.dir, { recursive: true, force: true });
}

export interface SyncServer {
  readonly backend: Backend;
  database: TestDatabase;
  db: ServerDb;
  server: TestServer;
  fingerprint: string;
  /** milliseconds added to the server's clock */
  offsetMs: number;
  dispose(): Promise<void>;
  /** a new user in these teams (created if needed) and a fresh code */
  user(name: string, teams: string[]): Promise<{ code: string; userId: string; teamIds: string[] }>;
  code(userName: string): Promise<string>;
  /** stops the server and starts it again on the same address (a new reference file, say) */
  restart(options?: Partial<AppOptions>): Promise<void>;
}

export async function startSyncServer(backend: Backend): Promise<SyncServer> {
  const database = await backend.create();
  const db = await database.connect();
  const identity = await tempIdentity();
  const handle: SyncServer = {
    backend,
    database,
    db,
    server: undefined as unknown as TestServer,
    fingerprint: '',
    offsetMs: 0,
    async dispose() {
      await handle.server.close();
      await database.dispose();
      await identity.dispose();
    },
    async user(name, teams) {
      const [first, ...rest] = teams;
      const created = await teamWithUser(db, first!, `${name} (Start)`, [first!]);
      for (const team of rest) await teamWithUser(db, team, `${name} (${team})`, [team]);
      const user = await createUser(db, { name, teams });
      const { code } = await issueCode(db, { user: name, expiresInMs: 3_600_000 });
      const teamIds: string[] = [];
      for (const team of teams) teamIds.push(String((await db.query('SELECT id FROM team WHERE name = $1', [team]))[0]!['id']));
      void created;
      return { code, userId: user.id, teamIds };
    },
    restart: async () => undefined,
    async code(userName) {
      return (await issueCode(db, { user: userName, expiresInMs: 3_600_000 })).code;
    },
  };
  const options: Partial<AppOptions> = {
    now: () => Date.now() + handle.offsetMs,
    // Tests fire many requests from one address in a short time.
    rateLimits: {
      perIp: { capacity: 100_000, refillPerSecond: 100_000 },
      perDevice: { capacity: 100_000, refillPerSecond: 100_000 },
      enrollPerIp: { capacity: 100_000, refillPerSecond: 100_000 },
    },
  };
  handle.server = await startTestServer(db, identity.path, options);
  handle.restart = async (extra = {}) => {
    const port = Number(new URL(handle.server.url).port);
    await handle.server.close();
    handle.server = await startTestServer(db, identity.path, { ...options, ...extra, port });
  };
  handle.fingerprint = handle.server.keyring.current().fingerprint;
  return handle;
}

export async function enroll(device: Device, server: SyncServer, code: string): Promise<SyncStatus> {
  const probe = await device.call('sync.probeServer', { serverUrl: server.server.url });
  return device.call('sync.enroll', { serverUrl: server.server.url, code, expectedFingerprint: probe.fingerprint, deviceName: device.name });
}

export async function syncNow(device: Device): Promise<SyncStatus> {
  return device.call('sync.now', {});
}

/** Syncs the devices in turn, twice, so every change has reached every device. */
export async function settle(...devices: Device[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const device of devices) await syncNow(device);
}

export function person(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    familyName: 'Haddad',
    givenNames: 'Yusuf',
    otherSpellings: [],
    birthDate: { kind: 'year', year: 1990 },
    gender: 'maennlich',
    nationalities: ['SYR'],
    languages: [],
    phone: '0170 111',
    ...overrides,
  };
}

export function count(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number }).n;
}

export async function serverCount(server: SyncServer, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await server.db.query(sql, params))[0]!['n']);
}
