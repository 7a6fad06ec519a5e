import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../db-types';

type Statement<P extends unknown[], R = unknown> = BetterSqlite3.Statement<P, R>;

/**
 * Prepared statements of the search module, prepared once per database handle: preparing costs
 * more than running these small statements, and search runs on every keystroke.
 */
export interface SearchStatements {
  readonly insertPerson: Statement<[string, string, number], number>;
  readonly updatePerson: Statement<[string, number, number]>;
  readonly indexedPerson: Statement<[string], { pid: number; fts_rows: number }>;
  readonly deletePerson: Statement<[number]>;
  readonly deleteTokens: Statement<[number]>;
  readonly deleteFts: Statement<[number]>;
  readonly insertFts: Statement<[number, string]>;
  readonly scanTokens: Statement<[string, string], [string, number, number]>;
  readonly scanKey: Statement<[string], [number, number]>;
  readonly countRange: Statement<[string, string, number], number>;
  readonly tokensOf: Statement<[number], [string, number]>;
  /** the tokens of many persons at once (JSON array of pids): one statement instead of one per candidate */
  readonly tokensOfMany: Statement<[string], [number, string, number]>;
  readonly ftsMatch: Statement<[string], number>;
  readonly sortKeys: Statement<[string], [number, string]>;
  readonly firstBySortKey: Statement<[string, number], [number, string]>;
  readonly sortOrder: Statement<[], [number, string]>;
  readonly personByPid: Statement<[number], PersonRow>;
  readonly listByName: Statement<[number], PersonRow>;
  readonly needsRebuild: Statement<[], number>;
  readonly clearRebuild: Statement<[]>;
}

/** The columns of `persons` that search reads (names by migration 001). */
export interface PersonRow {
  readonly pid: number;
  readonly id: string;
  readonly family_name: string;
  readonly given_names: string;
  readonly other_spellings: string;
  readonly birth_date: string;
  readonly deleted_at: string | null;
}

const PERSON_COLUMNS = 's.pid, p.id, p.family_name, p.given_names, p.other_spellings, p.birth_date, p.deleted_at';

const cache = new WeakMap<Db, SearchStatements>();

/**
 * Rows per multi-row token INSERT. A person has about 5–30 keys; one statement for all of them
 * instead of one run per key saves most of the per-statement cost. One statement per row
 * count up to this, prepared once per database handle.
 */
const MAX_TOKEN_ROWS = 32;
const tokenInserts = new WeakMap<Db, Statement<(string | number)[]>[]>();

/** INSERT OR IGNORE of search_token rows given flat as key, pid, spelling, key, pid, spelling, … */
export function insertTokens(db: Db, flatRows: readonly (string | number)[]): void {
  let byCount = tokenInserts.get(db);
  if (byCount === undefined) tokenInserts.set(db, (byCount = []));
  for (let start = 0; start < flatRows.length; start += MAX_TOKEN_ROWS * 3) {
    const chunk = flatRows.slice(start, start + MAX_TOKEN_ROWS * 3);
    const count = chunk.length / 3;
    let statement = byCount[count];
    if (statement === undefined) {
      const values = Array.from({ length: count }, () => '(?, ?, ?)').join(', ');
      statement = db.prepare<(string | number)[]>(`INSERT OR IGNORE INTO search_token (key, pid, spelling) VALUES ${values}`);
      byCount[count] = statement;
    }
    statement.run(...chunk);
  }
}

export function statements(db: Db): SearchStatements {
  let cached = cache.get(db);
  if (cached === undefined) {
    cached = prepare(db);
    cache.set(db, cached);
  }
  return cached;
}

function prepare(db: Db): SearchStatements {
  return {
    // Nothing (no row) when the person is indexed already: a new person costs one statement.
    insertPerson: db
      .prepare<[string, string, number], number>(
        'INSERT INTO search_person (person_id, sort_key, fts_rows) VALUES (?, ?, ?) ON CONFLICT (person_id) DO NOTHING RETURNING pid',
      )
      .pluck(),
    updatePerson: db.prepare<[string, number, number]>('UPDATE search_person SET sort_key = ?, fts_rows = ? WHERE pid = ?'),
    indexedPerson: db.prepare<[string], { pid: number; fts_rows: number }>('SELECT pid, fts_rows FROM search_person WHERE person_id = ?'),
    deletePerson: db.prepare<[number]>('DELETE FROM search_person WHERE pid = ?'),
    deleteTokens: db.prepare<[number]>('DELETE FROM search_token WHERE pid = ?'),
    deleteFts: db.prepare<[number]>('DELETE FROM search_fts WHERE rowid = ?'),
    insertFts: db.prepare<[number, string]>('INSERT INTO search_fts (rowid, names) VALUES (?, ?)'),
    scanTokens: db
      .prepare<[string, string], [string, number, number]>('SELECT key, pid, spelling FROM search_token WHERE key >= ? AND key < ?')
      .raw(),
    scanKey: db.prepare<[string], [number, number]>('SELECT pid, spelling FROM search_token WHERE key = ?').raw(),
    countRange: db
      .prepare<[string, string, number], number>('SELECT count(*) FROM (SELECT 1 FROM search_token WHERE key >= ? AND key < ? LIMIT ?)')
      .pluck(),
    tokensOf: db.prepare<[number], [string, number]>('SELECT key, spelling FROM search_token WHERE pid = ?').raw(),
    tokensOfMany: db
      .prepare<[string], [number, string, number]>('SELECT pid, key, spelling FROM search_token WHERE pid IN (SELECT value FROM json_each(?))')
      .raw(),
    ftsMatch: db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ?').pluck(),
    sortKeys: db
      .prepare<[string], [number, string]>('SELECT pid, sort_key FROM search_person WHERE pid IN (SELECT value FROM json_each(?))')
      .raw(),
    firstBySortKey: db
      .prepare<[string, number], [number, string]>(
        'SELECT pid, sort_key FROM search_person WHERE pid IN (SELECT value FROM json_each(?)) ORDER BY sort_key, pid LIMIT ?',
      )
      .raw(),
    sortOrder: db.prepare<[], [number, string]>('SELECT pid, sort_key FROM search_person ORDER BY sort_key').raw(),
    personByPid: db.prepare<[number], PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM search_person s JOIN persons p ON p.id = s.person_id WHERE s.pid = ?`,
    ),
    listByName: db.prepare<[number], PersonRow>(
      `SELECT ${PERSON_COLUMNS} FROM search_person s JOIN persons p ON p.id = s.person_id
       WHERE p.deleted_at IS NULL ORDER BY s.sort_key, s.pid LIMIT ?`,
    ),
    needsRebuild: db.prepare<[], number>(`SELECT count(*) FROM search_meta WHERE key = 'rebuild'`).pluck(),
    clearRebuild: db.prepare<[]>(`DELETE FROM search_meta WHERE key = 'rebuild'`),
  };
}
