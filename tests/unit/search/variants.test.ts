import { describe, expect, it } from 'vitest';
import { namesEquivalent } from '../../../shared/search/equivalence';
import { matchPerson } from '../../../shared/search/match';
import { foldText, nameSortKey, rawTokens } from '../../../shared/search/normalize';
import { nameTerms } from '../../../shared/search/terms';
import { transliterationSkeleton } from '../../../shared/search/transliteration';
import { MUST_MATCH, MUST_NOT_MATCH } from './fixtures';

const asGivenName = (name: string) => ({ familyName: 'Testperson', givenNames: name, otherSpellings: [] });

describe('normalisation', () => {
  it('folds case, diacritics, ß and special letters', () => {
    expect(foldText('Şahin Öztürk')).toBe('sahin ozturk');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('Łukasz Ørsted')).toBe('lukasz orsted');
    expect(foldText('YILDIRIM Işık')).toBe('yildirim isik');
  });

  it('splits on spaces and hyphens, drops apostrophes, keeps the German umlaut form', () => {
    expect(rawTokens("Ma'moun Müller-Lüdenscheidt").map((t) => [t.plain, t.german])).toEqual([
      ['mamoun', null],
      ['muller', 'mueller'],
      ['ludenscheidt', 'luedenscheidt'],
    ]);
    // decomposed input (u + combining diaeresis) is one word, not two
    expect(rawTokens('Mu\u0308ller').map((t) => t.plain)).toEqual(['muller']);
  });

  it('joins Arabic articles and Abd compounds into one term', () => {
    expect(nameTerms('Abd al-Rahman').map((t) => t.text)).toEqual(['abdalrahman']);
    expect(nameTerms('al-Hassan Ali').map((t) => t.text)).toEqual(['alhassan', 'ali']);
    expect(nameTerms('Abdulrahman')[0]!.parts.map((t) => t.text)).toEqual(['rahman']);
    // no article inside a plain word
    expect(nameTerms('Alina')[0]!.parts).toEqual([]);
  });

  it('folds transliteration digraphs', () => {
    expect(transliterationSkeleton('dschamila')).toBe('jamila');
    expect(transliterationSkeleton('shahin')).toBe('sahin');
    expect(transliterationSkeleton('khaled')).toBe('haled');
    expect(transliterationSkeleton('abdullah')).toBe('abdulla');
    expect(transliterationSkeleton('mhd')).toBe('muhammad');
  });

  it('sorts Özdemir with O and a family name before its longer neighbours', () => {
    const keys = [nameSortKey('Ozturk', 'A'), nameSortKey('Özdemir', 'B'), nameSortKey('Ali', 'Z'), nameSortKey('Ali Hassan', 'A')];
    expect([...keys].sort()).toEqual([keys[2], keys[3], keys[1], keys[0]]);
  });
});

describe('spelling variants (pure functions)', () => {
  for (const group of MUST_MATCH) {
    it(`${group.join(' / ')} are one name`, () => {
      for (const a of group) {
        for (const b of group) {
          expect(namesEquivalent(a, b), `${a} ~ ${b}`).not.toBeNull();
          expect(matchPerson(a, asGivenName(b)), `query ${a} finds ${b}`).not.toBeNull();
        }
      }
    });
  }

  for (const [a, b] of MUST_NOT_MATCH) {
    it(`${a} and ${b} are different names`, () => {
      expect(namesEquivalent(a, b)).toBeNull();
      const longer = a.length >= b.length ? a : b;
      const shorter = longer === a ? b : a;
      // the longer name never finds the shorter one …
      expect(matchPerson(longer, asGivenName(shorter))).toBeNull();
      // … and the shorter finds the longer at most as a typed prefix, never phonetically
      const reverse = matchPerson(shorter, asGivenName(longer));
      if (reverse !== null) expect(reverse.kind).toBe('prefix');
    });
  }
});

describe('ranking (pure)', () => {
  it('rates exact above prefix above phonetic', () => {
    expect(matchPerson('Muhammad', asGivenName('Muhammad'))?.kind).toBe('exact');
    expect(matchPerson('Muh', asGivenName('Muhammad'))?.kind).toBe('prefix');
    expect(matchPerson('Mohammed', asGivenName('Muhammad'))?.kind).toBe('phonetic');
  });

  it('finds names through their German umlaut spelling and diacritics, as exact', () => {
    expect(matchPerson('Oezdemir', { familyName: 'Özdemir', givenNames: 'Ayşe', otherSpellings: [] })?.kind).toBe('exact');
    expect(matchPerson('Ozdemir ayse', { familyName: 'Özdemir', givenNames: 'Ayşe', otherSpellings: [] })?.kind).toBe('exact');
    expect(matchPerson('Sahin', { familyName: 'Şahin', givenNames: 'Emre', otherSpellings: [] })?.kind).toBe('exact');
  });

  it('reports the other spelling a match came through', () => {
    const person = { familyName: 'Al-Hassan', givenNames: 'Muhammad', otherSpellings: ['Mohamed Alhasan'] };
    expect(matchPerson('Mohamed Alhasan', person)).toMatchObject({ kind: 'exact', spelling: 1 });
    expect(matchPerson('Muhammad Hassan', person)).toMatchObject({ kind: 'exact', spelling: 0 });
  });

  it('needs every query word to match', () => {
    expect(matchPerson('Muhammad Yusuf', asGivenName('Muhammad'))).toBeNull();
    expect(matchPerson('Muhammad Test', asGivenName('Muhammad'))?.kind).toBe('prefix');
  });

  it('matches a trailing "Abdul" against every Abd compound', () => {
    expect(matchPerson('Abdul', asGivenName('Abd al-Rahman'))).not.toBeNull();
    expect(matchPerson('Abd al', asGivenName('Abdurrahman'))).not.toBeNull();
  });
});
