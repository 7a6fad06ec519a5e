import { foldedName, rawTokens, sortKeyOf } from '../../../shared/search/normalize';
import { indexKeys } from '../../../shared/search/probes';
import { nameTerms } from '../../../shared/search/terms';
import type { Db } from '../db-types';
import { insertTokens, statements } from './statements';

export interface IndexablePerson {
  id: string;
  familyName: string;
  givenNames: string;
  otherSpellings: readonly string[];
}

/** FTS rowids pack (pid, spelling): 64 slots per person, more than the 1 + 20 spellings allowed. */
export const FTS_SLOTS = 64;

/** What one name field (family names, given names, or one other spelling) contributes. */
interface FieldIndex {
  /** indexKeys(nameTerms(field)): the field's search_token keys */
  readonly keys: readonly string[];
  /** foldedName(field): its part of the sort key */
  readonly folded: string;
  /** no word outside Latin script, so the field needs no FTS row */
  readonly latinOnly: boolean;
}

/**
 * Field texts repeat across persons (given names, family names of a family, spellings), and
 * their terms cost more than writing them (about half of a first pull's indexing): each text's
 * index is computed once per database handle. Bounded, so a large import cannot grow it without
 * limit; it goes with the handle, so no name outlives the open store.
 */
const fieldCaches = new WeakMap<Db, Map<string, FieldIndex>>();
const maxCachedFields = 20_000;

/** A text of printable ASCII only: every word of it is Latin letters and digits once folded. */
const PRINTABLE_ASCII_RE = /^[\x20-\x7e]*$/;

function fieldIndex(db: Db, text: string): FieldIndex {
  let cache = fieldCaches.get(db);
  if (cache === undefined) fieldCaches.set(db, (cache = new Map()));
  let field = cache.get(text);
  if (field === undefined) {
    field = {
      keys: indexKeys(nameTerms(text)),
      folded: foldedName(text),
      latinOnly: PRINTABLE_ASCII_RE.test(text) || rawTokens(text).every((token) => token.latin),
    };
    if (cache.size >= maxCachedFields) cache.clear();
    cache.set(text, field);
  }
  return field;
}

/**
 * Rebuilds the search keys of one person. Called by the write path inside the same transaction
 * as the row write, so the index can never disagree with the rows.
 *
 * Spelling 0 is "family names, given names": its terms are those of the two fields in a row
 * (spellingTerms), so its keys are the union of theirs; its text for FTS joins them with a space,
 * which separates words and changes no word, so it has a word in another script exactly when
 * one of the fields has.
 */
export function reindexPerson(db: Db, person: IndexablePerson): void {
  const s = statements(db);
  const family = fieldIndex(db, person.familyName);
  const given = fieldIndex(db, person.givenNames);
  const others = person.otherSpellings.slice(0, FTS_SLOTS - 1);
  const sortKey = sortKeyOf(family.folded, given.folded);
  const ftsRows = 1 + others.length;
  let pid = s.insertPerson.get(person.id, sortKey, ftsRows);
  if (pid === undefined) {
    // Indexed before: its old keys go, whatever they were.
    const existing = s.indexedPerson.get(person.id);
    if (existing === undefined) throw new Error('search_person neither inserted nor found');
    pid = existing.pid;
    dropKeys(db, existing.pid, existing.fts_rows);
    s.updatePerson.run(sortKey, ftsRows, pid);
  }
  const rows: (string | number)[] = [];
  const mainKeys = new Set([...family.keys, ...given.keys]);
  for (const key of mainKeys) rows.push(key, pid, 0);
  const otherFields = others.map((text) => fieldIndex(db, text));
  otherFields.forEach((field, i) => {
    for (const key of field.keys) rows.push(key, pid, i + 1);
  });
  insertTokens(db, rows);
  // FTS5 answers only words in other scripts (Latin ones go through search_token), so only a
  // spelling with such a word is put there: fewer pages written, and encrypted, per save.
  if (!family.latinOnly || !given.latinOnly) s.insertFts.run(pid * FTS_SLOTS, `${person.familyName} ${person.givenNames}`);
  otherFields.forEach((field, i) => {
    if (!field.latinOnly) s.insertFts.run(pid * FTS_SLOTS + i + 1, others[i]!);
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
