import pg from 'pg';
import { openPglite, openPostgres, type Db } from '../server/src/db/adapter';

/**
 * The county server's database for a benchmark: a fresh schema on PostgreSQL when one answers
 * (BENCH_DATABASE_URL, TEST_DATABASE_URL, or the local default), dropped afterwards; else PGlite.
 */
export interface BenchDatabase {
  readonly db: Db;
  readonly backend: string;
  /** where another process finds the same data (PostgreSQL only) */
  readonly shared?: { url: string; schema: string };
  dispose(): Promise<void>;
}

export async function openBenchDatabase(name: string, maxConnections = 8): Promise<BenchDatabase> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `kim_bench_${name}_${process.pid}`;
  try {
    const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const db = openPostgres({ connectionString: url, schema, maxConnections });
    return {
      db,
      backend: 'PostgreSQL',
      shared: { url, schema },
      async dispose() {
        await db.close();
        const cleanup = new pg.Client({ connectionString: url });
        await cleanup.connect();
        if (!process.env.BENCH_KEEP) await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
        await cleanup.end();
      },
    };
  } catch {
    const db = await openPglite();
    return { db, backend: 'PGlite (no PostgreSQL reachable)', dispose: () => db.close() };
  }
}
