import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../electron/core/search/query';
import type { BirthDate } from '../../../shared/domain/person';
import { birthDateCompatibility, nameResemblance } from '../../../shared/search/duplicates';
import { addPerson, openDb } from './fixtures';

const full = (date: string): BirthDate => ({ kind: 'full', date });
const year = (y: number): BirthDate => ({ kind: 'year', year: y });
const unknown: BirthDate = { kind: 'unknown' };

describe('birth date compatibility', () => {
  it('accepts equal dates, the same year, and unknown dates', () => {
    expect(birthDateCompatibility(full('1990-05-17'), full('1990-05-17'))).toBe('same');
    expect(birthDateCompatibility(full('1990-05-17'), year(1990))).toBe('compatible');
    expect(birthDateCompatibility(year(1990), year(1990))).toBe('compatible');
    expect(birthDateCompatibility(unknown, full('1990-05-17'))).toBe('compatible');
    expect(birthDateCompatibility(year(1990), unknown)).toBe('compatible');
  });

  it('treats 01.01. as a placeholder that tells only the year', () => {
    expect(birthDateCompatibility(full('1990-01-01'), full('1990-05-17'))).toBe('compatible');
    expect(birthDateCompatibility(full('1990-01-01'), full('1991-05-17'))).toBeNull();
  });

  it('rules out different real dates and different years', () => {
    expect(birthDateCompatibility(full('1990-05-17'), full('1990-05-18'))).toBeNull();
    expect(birthDateCompatibility(year(1990), full('1989-12-31'))).toBeNull();
    expect(birthDateCompatibility(year(1990), year(1991))).toBeNull();
  });
});

describe('name resemblance', () => {
  const person = (familyName: string, givenNames: string, otherSpellings: string[] = []) => ({ familyName, givenNames, otherSpellings });

  it('needs family and given names to match, exactly or phonetically', () => {
    expect(nameResemblance(person('Haddad', 'Mohammed'), person('Hadad', 'Muhammad'))).toMatchObject({ exact: false });
    expect(nameResemblance(person('Haddad', 'Mohammed'), person('Haddad', 'Mohammed'))).toMatchObject({ exact: true, score: 1 });
    expect(nameResemblance(person('Haddad', 'Mohammed'), person('Haddad', 'Mahmoud'))).toBeNull();
    expect(nameResemblance(person('Haddad', 'Mohammed'), person('Karimi', 'Mohammed'))).toBeNull();
  });

  it('matches across known spellings and swapped fields', () => {
    expect(nameResemblance(person('Al-Hassan', 'Yusuf'), person('Jusuf', 'Alhasan'))).not.toBeNull();
    expect(nameResemblance(person('Hassan', 'Yusuf'), person('Karimi', 'Ali', ['Youssef Hassan']))).toMatchObject({ candidateSpelling: 1 });
  });
});

describe('findDuplicates on a real database', () => {
  const db = openDb();
  const muhammad1990 = addPerson(db, { familyName: 'Al-Hassan', givenNames: 'Muhammad', birthDate: full('1990-03-04') });
  const mohamedYear = addPerson(db, { familyName: 'Alhasan', givenNames: 'Mohamed', birthDate: year(1990) });
  const unknownDate = addPerson(db, { familyName: 'Hassan', givenNames: 'Mohammad Ali', birthDate: unknown });
  const otherDate = addPerson(db, { familyName: 'Al-Hassan', givenNames: 'Muhammad', birthDate: full('1992-07-08') });
  addPerson(db, { familyName: 'Al-Hassan', givenNames: 'Mahmoud', birthDate: full('1990-03-04') });
  addPerson(db, { familyName: 'Hussein', givenNames: 'Muhammad', birthDate: full('1990-03-04') });
  const viaSpelling = addPerson(db, { familyName: 'Karimi', givenNames: 'Ali', otherSpellings: ['Mohammed Alhassan'], birthDate: unknown });

  const probe = { familyName: 'al-Hassan', givenNames: 'Mohammed', otherSpellings: [], birthDate: full('1990-03-04') };

  it('finds resembling names with compatible birth dates, best first', () => {
    const results = findDuplicates(db, probe, 10);
    // an equal full date outweighs an exactly equal spelling whose date is unknown
    expect(results.map((r) => r.id)).toEqual([muhammad1990, viaSpelling, mohamedYear, unknownDate]);
    expect(results.map((r) => r.matchKind)).toEqual(['phonetic', 'exact', 'phonetic', 'phonetic']);
    expect(results[1]!.matchedSpelling).toBe('Mohammed Alhassan');
    expect(results.map((r) => r.id)).not.toContain(otherDate);
  });

  it('excludes the person being edited, and reports an exact match as exact', () => {
    const results = findDuplicates(db, { ...probe, givenNames: 'Muhammad', excludeId: mohamedYear }, 10);
    expect(results[0]).toMatchObject({ id: muhammad1990, matchKind: 'exact' });
    expect(results.map((r) => r.id)).not.toContain(mohamedYear);
  });

  it('honours the limit and finds nothing for an empty probe', () => {
    expect(findDuplicates(db, probe, 1)).toHaveLength(1);
    expect(findDuplicates(db, { ...probe, familyName: '', givenNames: '' }, 10)).toEqual([]);
  });
});
