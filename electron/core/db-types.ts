import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** The synchronous SQLite handle every core module works on. */
export type Db = BetterSqlite3.Database;

/** One schema migration: numbered, applied in one transaction with the others at open. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
