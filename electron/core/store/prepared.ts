import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db-types';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/**
 * Prepared statements reused per database handle. Preparing costs more than running the small
 * statements of the write path, and a save runs a dozen of them; an import runs 100,000 saves.
 * The cache is bounded because some SQL is built from the set of changed columns.
 */
const caches = new WeakMap<Db, Map<string, Statement>>();
const maxStatementsPerDb = 256;

export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= maxStatementsPerDb) cache.clear();
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
