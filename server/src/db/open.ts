import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServerConfig } from '../config';
import { openPglite, openPostgres, type Db } from './adapter';
import { migrate } from './migrate';

/**
 * Opens the configured database and brings its schema up to date. PGlite is one process's
 * database: a lock file keeps a second process (a running server and an admin command) from
 * opening the same folder and corrupting it.
 */
export async function openDatabase(config: ServerConfig): Promise<Db> {
  const db = config.databaseUrl ? openPostgres({ connectionString: config.databaseUrl }) : await openLockedPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

async function openLockedPglite(dataDir: string): Promise<Db> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const lockPath = join(dataDir, 'pglite.lock');
  await takeLock(lockPath);
  try {
    return await openPglite(join(dataDir, 'pglite'), () => rm(lockPath, { force: true }));
  } catch (error) {
    await rm(lockPath, { force: true });
    throw error;
  }
}

async function takeLock(lockPath: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: 'wx', mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(await readFile(lockPath, 'utf8').catch(() => ''));
    if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
      throw new Error(
        `Die Datenbank in diesem Datenordner wird schon von Prozess ${pid} verwendet (z. B. vom laufenden Server). ` +
          `Beenden Sie ihn zuerst, oder verwenden Sie PostgreSQL (DATABASE_URL).\n` +
          `The database in this data folder is in use by process ${pid}. Stop it first, or use PostgreSQL (DATABASE_URL).`,
      );
    }
    // Left behind by a process that died: take it over.
    await rm(lockPath, { force: true });
  }
  throw new Error('Sperrdatei konnte nicht angelegt werden / could not create the lock file');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
