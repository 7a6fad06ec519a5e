import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { searchPersons } from '../../../electron/core/search/query';
import { searchMigration } from '../../../electron/core/search/migration';
import { addPerson, MUST_MATCH, MUST_NOT_MATCH, openDb, PERSONS_TABLE, tombstone } from './fixtures';

const names = (results: { givenNames: string; familyName: string }[]) => results.map((r) => `${r.givenNames} ${r.familyName}`);

describe('searchPersons: spelling variants on a real database', () => {
  const db = openDb();
  const ids = new Map<string, string>();
  for (const name of new Set([...MUST_MATCH.flat(), ...MUST_NOT_MATCH.flat()])) ids.set(name, addPerson(db, { familyName: 'Testperson', givenNames: name }));

  for (const group of MUST_MATCH) {
    it(`${group.join(' / ')} find each other`, () => {
      for (const query of group) {
        const found = new Set(searchPersons(db, query, 100).map((r) => r.id));
        for (const other of group) expect(found.has(ids.get(other)!), `${query} finds ${other}`).toBe(true);
      }
    });
  }

  for (const [a, b] of MUST_NOT_MATCH) {
    it(`${a} and ${b} do not find each other (except as a typed prefix)`, () => {
      for (const [query, other] of [
        [a, b],
        [b, a],
      ] as const) {
        const hit = searchPersons(db, query, 100).find((r) => r.id === ids.get(other));
        if (hit !== undefined) {
          expect(other.toLowerCase().startsWith(query.toLowerCase()), `${query} must not find ${other}`).toBe(true);
          expect(hit.matchKind).toBe('prefix');
        }
      }
    });
  }
});

describe('searchPersons: ranking and as-you-type', () => {
  const db = openDb();
  addPerson(db, { familyName: 'Haddad', givenNames: 'Muhammad' });
  addPerson(db, { familyName: 'Aziz', givenNames: 'Muhammad' });
  addPerson(db, { familyName: 'Nasser', givenNames: 'Muhannad' });
  addPerson(db, { familyName: 'Karimi', givenNames: 'Mohammed' });
  addPerson(db, { familyName: 'Rahimi', givenNames: 'Mahmoud' });
  addPerson(db, { familyName: 'Şahin', givenNames: 'Emre' });
  addPerson(db, { familyName: 'Özdemir', givenNames: 'Ayşe' });
  addPerson(db, { familyName: 'Oezdemir', givenNames: 'Deniz' });
  addPerson(db, { familyName: 'Ali', givenNames: 'Samir', otherSpellings: ['Samir Aly', 'Sameer Ali'] });
  addPerson(db, { familyName: 'Aliyev', givenNames: 'Alina' });

  it('ranks exact before prefix before phonetic, then by name', () => {
    const results = searchPersons(db, 'Muhammad', 10);
    expect(results.map((r) => [r.familyName, r.matchKind])).toEqual([
      ['Aziz', 'exact'],
      ['Haddad', 'exact'],
      ['Karimi', 'phonetic'],
    ]);
    expect(results[0]!.score).toBeGreaterThan(results[2]!.score);
  });

  it('finds Muhammad from "Muh" as a prefix, and not Mahmoud', () => {
    const results = searchPersons(db, 'Muh', 10);
    expect(names(results)).toEqual(['Muhammad Aziz', 'Muhammad Haddad', 'Muhannad Nasser']);
    expect(results.every((r) => r.matchKind === 'prefix')).toBe(true);
    expect(names(searchPersons(db, 'Moham', 10))).toEqual(['Mohammed Karimi', 'Muhammad Aziz', 'Muhammad Haddad']);
  });

  it('is diacritic-insensitive and knows the German umlaut spelling', () => {
    expect(names(searchPersons(db, 'Sahin', 10))).toEqual(['Emre Şahin']);
    expect(searchPersons(db, 'sahin emre', 10)[0]!.matchKind).toBe('exact');
    // both exact; then by folded name ("oezdemir" < "ozdemir")
    expect(names(searchPersons(db, 'Özdemir', 10))).toEqual(['Deniz Oezdemir', 'Ayşe Özdemir']);
    expect(searchPersons(db, 'Oezdemir', 10).map((r) => r.matchKind)).toEqual(['exact', 'exact']);
    expect(searchPersons(db, 'Ayse', 10)[0]!.matchKind).toBe('exact');
  });

  it('sets matchedSpelling when the match came through another spelling', () => {
    const [viaOther] = searchPersons(db, 'Sameer', 10);
    expect(viaOther).toMatchObject({ familyName: 'Ali', matchKind: 'exact', matchedSpelling: 'Sameer Ali' });
    const [viaMain] = searchPersons(db, 'Samir Ali', 10);
    expect(viaMain!.matchedSpelling).toBeUndefined();
  });

  it('needs every query word, and "Ali" ranks Ali before Alina', () => {
    expect(names(searchPersons(db, 'Samir Ali', 10))).toEqual(['Samir Ali']);
    expect(searchPersons(db, 'Samir Hassan', 10)).toEqual([]);
    expect(names(searchPersons(db, 'Ali', 10))).toEqual(['Samir Ali', 'Alina Aliyev']);
  });

  it('lists everyone by family name, given names for an empty query', () => {
    const results = searchPersons(db, '  ', 100);
    expect(results).toHaveLength(10);
    expect(results.every((r) => r.matchKind === 'all')).toBe(true);
    expect(results.slice(0, 3).map((r) => r.familyName)).toEqual(['Ali', 'Aliyev', 'Aziz']);
    expect(searchPersons(db, '', 2)).toHaveLength(2);
  });

  it('respects the limit, cutting ties by name', () => {
    expect(names(searchPersons(db, 'Muhammad', 1))).toEqual(['Muhammad Aziz']);
  });
});

describe('searchPersons: index maintenance', () => {
  it('drops tombstoned persons and follows renames', () => {
    const db = openDb();
    const id = addPerson(db, { familyName: 'Haddad', givenNames: 'Yusuf' });
    expect(searchPersons(db, 'Jusuf', 10)).toHaveLength(1);
    db.prepare(`UPDATE persons SET given_names = 'Khaled' WHERE id = ?`).run(id);
    addPerson(db, { familyName: 'Haddad', givenNames: 'Khaled' }, id + 'x'); // another person
    tombstone(db, id);
    expect(searchPersons(db, 'Jusuf', 10)).toEqual([]);
    expect(searchPersons(db, '', 10).map((r) => r.id)).toEqual([id + 'x']);
  });

  it('skips a tombstoned row even if its index entries were left behind', () => {
    const db = openDb();
    const id = addPerson(db, { familyName: 'Haddad', givenNames: 'Yusuf' });
    db.prepare(`UPDATE persons SET deleted_at = '2025-01-01' WHERE id = ?`).run(id);
    expect(searchPersons(db, 'Yusuf', 10)).toEqual([]);
    expect(searchPersons(db, '', 10)).toEqual([]);
  });

  it('indexes persons that existed before migration 2 on first use', () => {
    const db = openDb(':memory:');
    db.exec('DROP TABLE search_token; DROP TABLE search_person; DROP TABLE search_fts; DROP TABLE search_meta; DROP TABLE persons;');
    db.exec(PERSONS_TABLE);
    db.prepare(
      `INSERT INTO persons (id, family_name, given_names, other_spellings, birth_date, gender, created_at, updated_at)
       VALUES ('p1', 'Haddad', 'Youssef', '["Yusuf Hadad"]', '{"kind":"year","year":1990}', 'maennlich', 'x', 'x')`,
    ).run();
    db.exec(searchMigration.sql);
    expect(searchPersons(db, 'Jusuf', 10)).toMatchObject([{ id: 'p1', birthDate: { kind: 'year', year: 1990 } }]);
    expect(db.prepare('SELECT count(*) FROM search_meta').pluck().get()).toBe(0);
  });

  it('finds names written in other scripts through FTS5', () => {
    const db = openDb();
    addPerson(db, { familyName: 'Shevchenko', givenNames: 'Oleksandr', otherSpellings: ['Олександр Шевченко'] });
    addPerson(db, { familyName: 'Haddad', givenNames: 'Muhammad', otherSpellings: ['محمد حداد'] });
    expect(searchPersons(db, 'Шевченко', 10)).toMatchObject([{ familyName: 'Shevchenko', matchKind: 'exact', matchedSpelling: 'Олександр Шевченко' }]);
    expect(searchPersons(db, 'Олекс', 10)).toMatchObject([{ familyName: 'Shevchenko', matchKind: 'prefix' }]);
    expect(searchPersons(db, 'محمد', 10)).toMatchObject([{ familyName: 'Haddad' }]);
  });
});

describe('searchPersons on an encrypted database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kim-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('works the same, and no name reaches the file in plaintext', () => {
    const file = join(dir, 'profile.db');
    const db = openDb(file, 'test-key-0123456789');
    addPerson(db, { familyName: 'Zwetkowa', givenNames: 'Jelena' });
    expect(names(searchPersons(db, 'Yelena Tsvetkova', 10))).toEqual(['Jelena Zwetkowa']);
    db.close();
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from('zwetkowa'))).toBe(false);
    expect(bytes.includes(Buffer.from('Zwetkowa'))).toBe(false);
  });
});
