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

/** The page cipher of the case store; see applyKey for why not SQLCipher's scheme. */
export const storeCipher = 'aegis';

/**
 * AEGIS-256 page encryption with the RAW 32-byte key: an authenticated cipher (every page
 * carries its own nonce and tag, so a flipped byte fails like SQLCipher's HMAC would) built on
 * AES rounds, which AES-NI runs in hardware. SQLCipher 4's scheme costs a software
 * HMAC-SHA512 per page: measured 2.3× the CPU of plaintext for our write path, against about
 * 1.25× for AEGIS-256 (bench/local-store.ts prints the ratio; budget ≤ 1.3). The `x'…'` form
 * skips the cipher's own Argon2 key derivation: our key is already random and full-strength.
 */
function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  db.pragma(`cipher = '${storeCipher}'`);
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
