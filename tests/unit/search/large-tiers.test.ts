import { describe, expect, it } from 'vitest';
import { searchPersons } from '../../../electron/core/search/query';
import { addPerson, openDb } from './fixtures';

/**
 * Enough persons that the dense paths run (a tier with thousands of index rows is walked along
 * the name index instead of being fetched whole), checked against the same ordering rules.
 */
describe('searchPersons with dense tiers', () => {
  const db = openDb();
  const spellings = ['Muhammad', 'Mohammed', 'Mohamed', 'Mohammad'];
  db.transaction(() => {
    for (let i = 0; i < 3600; i++) {
      const family = `Fam${String(i).padStart(4, '0')}`;
      addPerson(db, { familyName: family, givenNames: spellings[i % 4]! });
    }
    addPerson(db, { familyName: 'Zulu', givenNames: 'Muhamad' });
    addPerson(db, { familyName: 'Haddad', givenNames: 'Mahmoud' });
  })();

  it('answers a common exact name from the exact tier, by name', () => {
    const results = searchPersons(db, 'Muhammad', 20);
    expect(results).toHaveLength(20);
    expect(results.every((r) => r.matchKind === 'exact' && r.givenNames === 'Muhammad')).toBe(true);
    expect(results.map((r) => r.familyName)).toEqual([...results.map((r) => r.familyName)].sort());
  });

  it('fills a page from a dense phonetic tier after the exact matches', () => {
    const results = searchPersons(db, 'Muhamad', 10);
    expect(results[0]).toMatchObject({ familyName: 'Zulu', matchKind: 'exact' });
    expect(results.slice(1).every((r) => r.matchKind === 'phonetic')).toBe(true);
    expect(results.slice(1).map((r) => r.familyName)).toEqual(['Fam0000', 'Fam0001', 'Fam0002', 'Fam0003', 'Fam0004', 'Fam0005', 'Fam0006', 'Fam0007', 'Fam0008']);
    expect(results.some((r) => r.givenNames === 'Mahmoud')).toBe(false);
  });

  it('walks a dense prefix tier in name order', () => {
    const results = searchPersons(db, 'Fam', 5);
    expect(results.map((r) => [r.familyName, r.matchKind])).toEqual([
      ['Fam0000', 'prefix'],
      ['Fam0001', 'prefix'],
      ['Fam0002', 'prefix'],
      ['Fam0003', 'prefix'],
      ['Fam0004', 'prefix'],
    ]);
  });

  it('intersects several words inside the database', () => {
    expect(searchPersons(db, 'Fam0121 Mohammed', 10).map((r) => [r.familyName, r.givenNames, r.matchKind])).toEqual([['Fam0121', 'Mohammed', 'exact']]);
    expect(searchPersons(db, 'Mohamed Fam0121', 10).map((r) => r.matchKind)).toEqual(['phonetic']);
    expect(searchPersons(db, 'Fam01 Mahmoud', 10)).toEqual([]);
  });
});
