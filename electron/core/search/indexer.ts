import { nameSortKey, rawTokens } from '../../../shared/search/normalize';
import { spellingTerms } from '../../../shared/search/match';
import { indexKeys } from '../../../shared/search/probes';
import type { Db } from '../db-types';
import { statements } from './statements';

export interface IndexablePerson {
  id: string;
  familyName: string;
  givenNames: string;
  otherSpellings: readonly string[];
}

/** FTS rowids pack (pid, spelling): 64 slots per person, more than the 1 + 20 spellings allowed. */
export const FTS_SLOTS = 64;

/**
 * Rebuilds the search keys of one person. Called by the write path inside the same transaction
 * as the row write, so the index can never disagree with the rows.
 */
export function reindexPerson(db: Db, person: IndexablePerson): void {
  const s = statements(db);
  const sortKey = nameSortKey(person.familyName, person.givenNames);
  const texts = [`${person.familyName} ${person.givenNames}`, ...person.otherSpellings].slice(0, FTS_SLOTS);
  const existing = s.indexedPerson.get(person.id);
  let pid: number;
  if (existing === undefined) {
    const inserted = s.insertPerson.get(person.id, sortKey, texts.length);
    if (inserted === undefined) throw new Error('search_person insert returned no pid');
    pid = inserted;
  } else {
    pid = existing.pid;
    dropKeys(db, existing.pid, existing.fts_rows);
    s.updatePerson.run(sortKey, texts.length, pid);
  }
  spellingTerms(person)
    .slice(0, FTS_SLOTS)
    .forEach((terms, spelling) => {
      for (const key of indexKeys(terms)) s.insertToken.run(key, pid, spelling);
    });
  // FTS5 answers only words in other scripts (Latin ones go through search_token), so only a
  // spelling with such a word is put there: fewer pages written, and encrypted, per save.
  texts.forEach((text, spelling) => {
    if (rawTokens(text).some((token) => !token.latin)) s.insertFts.run(pid * FTS_SLOTS + spelling, text);
  });
}

function dropKeys(db: Db, pid: number, ftsRows: number): void {
  const s = statements(db);
  s.deleteTokens.run(pid);
  for (let spelling = 0; spelling < ftsRows; spelling++) s.deleteFts.run(pid * FTS_SLOTS + spelling);
}

/** Drops the search keys of a person (tombstoned or purged). */
export function unindexPerson(db: Db, personId: string): void {
  const s = statements(db);
  const existing = s.indexedPerson.get(personId);
  if (existing === undefined) return;
  dropKeys(db, existing.pid, existing.fts_rows);
  s.deletePerson.run(existing.pid);
}

interface StoredPerson {
  id: string;
  family_name: string;
  given_names: string;
  other_spellings: string;
}

/**
 * Recomputes the whole index from `persons` (live rows only). Needed once after migration 2 ran
 * on a database that already held persons, and safe to call any time.
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec('DELETE FROM search_token; DELETE FROM search_fts; DELETE FROM search_person;');
    const rows = db
      .prepare<[], StoredPerson>('SELECT id, family_name, given_names, other_spellings FROM persons WHERE deleted_at IS NULL')
      .all();
    for (const row of rows) {
      reindexPerson(db, {
        id: row.id,
        familyName: row.family_name,
        givenNames: row.given_names,
        otherSpellings: parseSpellings(row.other_spellings),
      });
    }
    statements(db).clearRebuild.run();
  })();
}

/** Rebuilds first if migration 2 found persons it could not index in SQL. */
export function ensureSearchIndex(db: Db): void {
  if (statements(db).needsRebuild.get() !== 0) rebuildSearchIndex(db);
}

export function parseSpellings(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
