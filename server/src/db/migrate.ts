import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './adapter';
import { num } from './values';

/** Any constant both instances agree on: the advisory lock that serialises migration runs. */
const migrationLockKey = 0x4b494d01;
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Numbered SQL files, each applied once, in one transaction. Two instances starting together
 * against one PostgreSQL take the advisory lock in turn; the second finds nothing left to do.
 */
export async function migrate(db: Db): Promise<number[]> {
  const files = (await readdir(migrationsDir)).filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name)).sort();
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.exec('CREATE TABLE IF NOT EXISTS schema_migration (version integer PRIMARY KEY, applied_at bigint NOT NULL)');
    const applied = new Set((await tx.query('SELECT version FROM schema_migration')).map((row) => num(row, 'version')));
    const done: number[] = [];
    for (const file of files) {
      const version = Number(file.slice(0, 3));
      if (applied.has(version)) continue;
      await tx.exec(await readFile(migrationsDir + file, 'utf8'));
      await tx.query('INSERT INTO schema_migration (version, applied_at) VALUES ($1, $2)', [version, Date.now()]);
      done.push(version);
    }
    return done;
  });
}
