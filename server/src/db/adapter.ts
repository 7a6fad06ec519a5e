import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * A thin adapter so the same SQL runs on PostgreSQL (`pg`, production, several instances) and
 * on PGlite (embedded, a fresh machine with no configuration). Both speak real PostgreSQL, so
 * the only differences are how rows come back: `pg` returns bigint as text, PGlite as number —
 * read every column through `db/values.ts`.
 */
export type Row = Record<string, unknown>;

export interface Queryable {
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** several statements without parameters (migrations) */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pg' | 'pglite';
  /** BEGIN … COMMIT; rolls back when `fn` throws. Answers go out only after it resolves. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function pgliteDb(instance: PGlite, onClose?: () => Promise<void>): Db {
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query(sql, params = []) {
      return (await target.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await target.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(instance),
    // PGlite has one connection; its transaction holds a mutex, so transactions never interleave.
    transaction: (fn) => instance.transaction((tx) => fn(wrap(tx))),
    async close() {
      await instance.close();
      await onClose?.();
    },
  };
}

export async function openPglite(dataDir?: string, onClose?: () => Promise<void>): Promise<Db> {
  const instance = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return pgliteDb(instance, onClose);
}

export interface PostgresOptions {
  readonly connectionString: string;
  /** tests run in a schema of their own */
  readonly schema?: string;
  readonly maxConnections?: number;
}

export function openPostgres(options: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query(sql, params = []) {
      return (await client.query<Row>(sql, params as unknown[])).rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
  });
  return {
    kind: 'pg',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) throw new Error('Ungültiger Schemaname');
  return `"${name}"`;
}
