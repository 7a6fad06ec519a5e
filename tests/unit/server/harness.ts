import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { runAdmin } from '../../../server/src/admin/cli';
import { createTeam, createUser, issueCode } from '../../../server/src/admin/commands';
import { openPostgres, pgliteDb, type Db, type Row } from '../../../server/src/db/adapter';
import { migrate } from '../../../server/src/db/migrate';
import { buildApp, type AppOptions } from '../../../server/src/http/app';
import { Keyring } from '../../../server/src/identity/keyring';
import { loadOrCreateIdentity } from '../../../server/src/identity/store';

/**
 * Test backends: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. Each suite gets a
 * database of its own (a PGlite in memory, or a fresh schema dropped afterwards), and a way to
 * open more connections to it — for a second server instance.
 */
export interface TestDatabase {
  /** another handle on the same database, migrated; closed by `dispose` */
  connect(): Promise<Db>;
  /** the same without migrating (to race two migrations) */
  connectRaw(): Promise<Db>;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: string;
  create(): Promise<TestDatabase>;
}

const pgliteBackend: Backend = {
  name: 'PGlite',
  async create() {
    const instance = await PGlite.create();
    // PGlite is one connection: every "instance" shares it, and only dispose closes it.
    const shared = pgliteDb(instance);
    const handle: Db = { ...shared, close: async () => undefined };
    return {
      connect: async () => {
        await migrate(handle);
        return handle;
      },
      connectRaw: async () => handle,
      dispose: () => instance.close(),
    };
  },
};

function postgresBackend(url: string): Backend {
  return {
    name: 'PostgreSQL',
    async create() {
      const schema = `kim_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const handles: Db[] = [];
      const connectRaw = async () => {
        const db = openPostgres({ connectionString: url, schema, maxConnections: 4 });
        handles.push(db);
        return db;
      };
      const connect = async () => {
        const db = await connectRaw();
        await migrate(db);
        return db;
      };
      return {
        connect,
        connectRaw,
        async dispose() {
          await Promise.all(handles.map((db) => db.close().catch(() => undefined)));
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
          await cleanup.end();
        },
      };
    },
  };
}

export const backends: Backend[] = [pgliteBackend, ...(process.env['TEST_DATABASE_URL'] ? [postgresBackend(process.env['TEST_DATABASE_URL'])] : [])];

export interface TestServer {
  readonly url: string;
  readonly app: FastifyInstance;
  readonly keyring: Keyring;
  close(): Promise<void>;
}

/** A real server on a loopback port: tests talk to it with fetch, like a device does. */
export async function startTestServer(db: Db, identityPath: string, options: Partial<AppOptions> & { port?: number } = {}): Promise<TestServer> {
  const { port = 0, ...appOptions } = options;
  const keyring = await Keyring.fromFile(identityPath, appOptions.now);
  const { app } = buildApp({ db, keyring, logLevel: false, ...appOptions });
  const url = await app.listen({ host: '127.0.0.1', port });
  return { url, app, keyring, close: () => app.close() };
}

export async function tempIdentity(): Promise<{ path: string; dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kim-server-test-'));
  const path = join(dir, 'server-identity.json');
  await loadOrCreateIdentity(path);
  return { path, dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** A team with one user and a fresh enrollment code for it. */
export async function teamWithUser(db: Db, teamName: string, userName: string, teams: string[] = [teamName]) {
  const existing = await db.query('SELECT id FROM team WHERE name = $1', [teamName]);
  const teamId = existing[0] ? String(existing[0]['id']) : (await createTeam(db, { name: teamName })).id;
  const user = await createUser(db, { name: userName, teams });
  const { code } = await issueCode(db, { user: userName, expiresInMs: 3_600_000 });
  return { teamId, userId: user.id, code };
}

/**
 * Runs an admin command against a test's database, collecting what it prints. runAdmin closes
 * what it opened: it gets a handle whose close leaves the suite's database open.
 */
export async function runAdminOn(
  db: Db,
  identityPath: string,
  argv: readonly string[],
): Promise<{ code: number; lines: string[]; out: string; err: string }> {
  const lines: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, {
    openDb: async () => ({ ...db, close: async () => undefined }),
    identityPath,
    out: (line) => lines.push(line),
    err: (line) => err.push(line),
  });
  return { code, lines, out: lines.join('\n'), err: err.join('\n') };
}

/**
 * The database with every query inside a transaction passed through `around` (which runs it with
 * `run`): for a test that makes the database fail or dawdle at one statement, as a real one may.
 */
export function aroundTransactionQueries(
  db: Db,
  around: (sql: string, run: () => Promise<Row[]>) => Promise<Row[]>,
): Db {
  return {
    ...db,
    transaction: (fn) => db.transaction((tx) => fn({ ...tx, query: (sql, params) => around(sql, () => tx.query(sql, params)) })),
  };
}
