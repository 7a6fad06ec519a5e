import { aggregateHits, type PersonMatch } from './aggregate';
import { normalisedTexts } from './equivalence';
import { indexKeys, keyInProbe, scoreHit, termProbes } from './probes';
import { nameTerms, type NameTerm } from './terms';

/**
 * The search semantics as a pure function: what `searchPersons` answers from its index, computed
 * here from the names themselves. Used by tests and usable by the renderer (e.g. to highlight).
 */

export interface SearchableNames {
  readonly familyName: string;
  readonly givenNames: string;
  readonly otherSpellings: readonly string[];
}

/** Terms of every spelling: index 0 the main name (family and given names), then the others. */
export function spellingTerms(names: SearchableNames): NameTerm[][] {
  return [[...nameTerms(names.familyName), ...nameTerms(names.givenNames)], ...names.otherSpellings.map((s) => nameTerms(s))];
}

/** Query terms: the last word may be incomplete (as-you-type). */
export function queryTerms(query: string): NameTerm[] {
  return nameTerms(query, { partialEnd: true });
}

/** How (and whether) a query finds a person; null when some query term matches nothing. */
export function matchPerson(query: string, names: SearchableNames): PersonMatch | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const spellings = spellingTerms(names);
  const keysBySpelling = spellings.map((terms) => indexKeys(terms));
  const perTerm = terms.map((term) => {
    const hits = new Map<number, number>();
    const record = (spelling: number, score: number) => {
      if (score > (hits.get(spelling) ?? 0)) hits.set(spelling, score);
    };
    if (term.foreign) {
      spellings.forEach((spellingTerms, spelling) => {
        for (const text of normalisedTexts(spellingTerms)) {
          if (text === term.text) record(spelling, 1);
          else if (text.startsWith(term.text)) record(spelling, 0.8);
        }
      });
      return hits;
    }
    for (const probe of termProbes(term)) {
      keysBySpelling.forEach((keys, spelling) => {
        for (const key of keys) if (keyInProbe(probe, key)) record(spelling, scoreHit(probe, key));
      });
    }
    return hits;
  });
  return aggregateHits(perTerm);
}
