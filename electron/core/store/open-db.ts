import Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db-types';
import { assertNotTooNew, migrate, schemaVersionOf } from '../migrations/migrate';
import { ensureSearchIndex } from '../search/indexer';
import { searchMigration } from '../search/migration';
import { latestSchemaVersion } from '../migrations/index';

/** The file could not be decrypted or is damaged; the caller quarantines it. */
export class UnreadableDatabaseError extends Error {
  constructor(readonly reason: 'decrypt' | 'integrity') {
    super(reason === 'decrypt' ? 'database could not be decrypted' : 'database failed quick_check');
    this.name = 'UnreadableDatabaseError';
  }
}

/** SQLite result codes that mean "these bytes are not (or no longer) a database for this key". */
function isUnreadable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}

/**
 * SQLCipher 4 format with the RAW 32-byte key: the `x'…'` form skips SQLCipher's own PBKDF2
 * (our key is already random and full-strength), so opening costs no extra 200 ms.
 */
function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

export interface OpenOptions {
  /** migrate only up to this version (tests create old databases with it) */
  readonly targetVersion?: number;
}

/**
 * Opens (or creates) the encrypted case store: key, refuse a newer schema untouched, check
 * integrity, then WAL + synchronous=FULL + foreign keys, then migrate.
 */
export function openEncryptedDatabase(path: string, key: Buffer, options: OpenOptions = {}): Db {
  const db = new Database(path);
  try {
    applyKey(db, key);
    try {
      // The first read decrypts page 1: a wrong key or garbage fails here with SQLITE_NOTADB.
      assertNotTooNew(db, latestSchemaVersion);
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new UnreadableDatabaseError('integrity');
    } catch (error) {
      if (isUnreadable(error)) throw new UnreadableDatabaseError('decrypt');
      throw error;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Temporary tables and sort spills stay in memory, never as plaintext temp files.
    db.pragma('temp_store = MEMORY');
    // Pages are decrypted on their way into SQLite's cache; a 64 MiB cache keeps the search
    // index and hot rows decrypted in memory instead of paying AES again on every query.
    db.pragma('cache_size = -65536');
    migrate(db, options.targetVersion);
    // A store migrated past the search migration with persons in it is indexed now, at open,
    // rather than by the first search (a write hidden in a read).
    if (schemaVersionOf(db) >= searchMigration.version) ensureSearchIndex(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
