import { describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db-types';
import { FTS_SLOTS, reindexPerson, unindexPerson, type IndexablePerson } from '../../../electron/core/search/indexer';
import { spellingTerms } from '../../../shared/search/match';
import { nameSortKey, rawTokens } from '../../../shared/search/normalize';
import { indexKeys } from '../../../shared/search/probes';
import { MUST_MATCH, MUST_NOT_MATCH, openDb } from './fixtures';

/**
 * reindexPerson as it was before its per-field cache and multi-row inserts: terms of the whole
 * person through spellingTerms, the sort key through nameSortKey, one INSERT per key, and an FTS
 * row for each spelling text with a word outside Latin script. The index it wrote is the
 * definition the fast path must reproduce row for row.
 */
function referenceReindex(db: Db, person: IndexablePerson): void {
  const sortKey = nameSortKey(person.familyName, person.givenNames);
  const texts = [`${person.familyName} ${person.givenNames}`, ...person.otherSpellings].slice(0, FTS_SLOTS);
  const existing = db.prepare('SELECT pid, fts_rows FROM search_person WHERE person_id = ?').get(person.id) as
    | { pid: number; fts_rows: number }
    | undefined;
  let pid: number;
  if (existing === undefined) {
    pid = db
      .prepare('INSERT INTO search_person (person_id, sort_key, fts_rows) VALUES (?, ?, ?) RETURNING pid')
      .pluck()
      .get(person.id, sortKey, texts.length) as number;
  } else {
    pid = existing.pid;
    db.prepare('DELETE FROM search_token WHERE pid = ?').run(pid);
    for (let spelling = 0; spelling < existing.fts_rows; spelling++) db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(pid * FTS_SLOTS + spelling);
    db.prepare('UPDATE search_person SET sort_key = ?, fts_rows = ? WHERE pid = ?').run(sortKey, texts.length, pid);
  }
  spellingTerms(person)
    .slice(0, FTS_SLOTS)
    .forEach((terms, spelling) => {
      for (const key of indexKeys(terms)) db.prepare('INSERT OR IGNORE INTO search_token (key, pid, spelling) VALUES (?, ?, ?)').run(key, pid, spelling);
    });
  texts.forEach((text, spelling) => {
    if (rawTokens(text).some((token) => !token.latin)) db.prepare('INSERT INTO search_fts (rowid, names) VALUES (?, ?)').run(pid * FTS_SLOTS + spelling, text);
  });
}

function indexContents(db: Db): Record<string, unknown[]> {
  return {
    persons: db.prepare('SELECT pid, person_id, sort_key, fts_rows FROM search_person ORDER BY pid').all(),
    tokens: db.prepare('SELECT key, pid, spelling FROM search_token ORDER BY pid, spelling, key').all(),
    fts: db.prepare('SELECT rowid, names FROM search_fts ORDER BY rowid').all(),
  };
}

/** Deterministic pseudo-random numbers (a test must give the same persons every run). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Words that exercise every branch of the terms: umlauts and ß, Turkish and other diacritics,
 * Arabic articles and Abd compounds, other scripts, digits, apostrophes, hyphens, a combining
 * mark at a field's start, emptiness and separators only.
 */
const WORDS = [
  ...new Set([...MUST_MATCH.flat(), ...MUST_NOT_MATCH.flat()]),
  'Müller',
  'Groß',
  'Øster',
  'Łukasz',
  'Əliyev',
  'al-Hassan',
  'el Sayed',
  'Abd al',
  'abd',
  'Abdul',
  'Al',
  'ash-Shami',
  'محمد',
  'Олександр',
  'ሰላም',
  '李',
  "Ma'mun",
  'D’Souza',
  'ʿAbd',
  'Fam0123',
  '2024',
  'Anna-Lena',
  '\u0301Ali',
  'e\u0301',
  '',
  ' - ',
  'ALI',
];

function randomName(next: () => number, maxWords: number): string {
  const count = Math.floor(next() * (maxWords + 1));
  const separators = [' ', '-', '  ', ', ', ''];
  let name = '';
  for (let i = 0; i < count; i++) {
    if (i > 0) name += separators[Math.floor(next() * separators.length)];
    name += WORDS[Math.floor(next() * WORDS.length)];
  }
  return name;
}

function randomPerson(next: () => number, id: string): IndexablePerson {
  const spellings = next() < 0.05 ? 70 : Math.floor(next() * 4);
  return {
    id,
    familyName: randomName(next, 3),
    givenNames: randomName(next, 3),
    otherSpellings: Array.from({ length: spellings }, () => randomName(next, 3)),
  };
}

describe('reindexPerson writes the index the per-key path wrote', () => {
  it('for new persons, changed persons, removed persons and repeated names', () => {
    const fast = openDb();
    const reference = openDb();
    const next = generator(20_250_101);
    const ids = Array.from({ length: 400 }, (_, i) => `person-${i}`);
    const apply = (change: (db: Db, index: (db: Db, person: IndexablePerson) => void) => void) => {
      fast.transaction(() => change(fast, reindexPerson))();
      reference.transaction(() => change(reference, referenceReindex))();
    };
    // new persons, then every third changed (the update path), a few removed and re-added
    const first = ids.map((id) => randomPerson(next, id));
    apply((db, index) => first.forEach((person) => index(db, person)));
    const changed = ids.filter((_, i) => i % 3 === 0).map((id) => randomPerson(next, id));
    apply((db, index) => changed.forEach((person) => index(db, person)));
    apply((db) => ids.filter((_, i) => i % 7 === 0).forEach((id) => unindexPerson(db, id)));
    apply((db, index) => ids.filter((_, i) => i % 14 === 0).forEach((id) => index(db, randomPerson(generator(id.length), id))));

    const expected = indexContents(reference);
    expect(expected.tokens!.length).toBeGreaterThan(2_000);
    expect(expected.fts!.length).toBeGreaterThan(50);
    expect(indexContents(fast)).toEqual(expected);
  });

  it('for the persons of a first pull: one family name each, shared given names and spellings', () => {
    const fast = openDb();
    const reference = openDb();
    const persons = Array.from({ length: 300 }, (_, i) => ({
      id: `pulled-${i}`,
      familyName: `Familienname ${i}`,
      givenNames: ['Erika', 'Abdul Rahman', 'Jürgen', 'محمد'][i % 4]!,
      otherSpellings: i % 2 === 0 ? ['Mustar'] : [],
    }));
    fast.transaction(() => persons.forEach((person) => reindexPerson(fast, person)))();
    reference.transaction(() => persons.forEach((person) => referenceReindex(reference, person)))();
    expect(indexContents(fast)).toEqual(indexContents(reference));
  });
});
