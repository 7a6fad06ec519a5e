import { phoneticKeysEqual } from './phonetic-key';
import { nameTerms, type NameTerm } from './terms';

/**
 * Whether two name terms are the same name: equal normalised text (in any of its forms), or equal
 * phonetic keys. No prefixes here: this is for duplicates and for the must-match lists, where
 * "Ali" and "Alina" are different names even though one starts the other.
 */

export type Equivalence = 'exact' | 'phonetic';

export function normalisedTexts(terms: readonly NameTerm[]): string[] {
  return terms.flatMap((t) => [t.text, ...t.alternatives]);
}

export function termEquivalence(a: NameTerm, b: NameTerm): Equivalence | null {
  const direct = sameTerm(a, b);
  if (direct !== null) return direct;
  // With the article on one side only, or on both: the bare names decide (never "exact").
  if (a.bare || b.bare) return sameTerm(a.bare ?? a, b.bare ?? b) === null ? null : 'phonetic';
  return null;
}

function sameTerm(a: NameTerm, b: NameTerm): Equivalence | null {
  const textsA = [a.text, ...a.alternatives];
  if ([b.text, ...b.alternatives].some((t) => textsA.includes(t))) return 'exact';
  if (a.phonetic && b.phonetic && phoneticKeysEqual(a.phonetic, b.phonetic)) return 'phonetic';
  return null;
}

/** Two single names (one term each, or the same number of terms pairwise) are the same name. */
export function namesEquivalent(a: string, b: string): Equivalence | null {
  const termsA = nameTerms(a);
  const termsB = nameTerms(b);
  if (termsA.length === 0 || termsA.length !== termsB.length) return null;
  let result: Equivalence = 'exact';
  for (let i = 0; i < termsA.length; i++) {
    const equivalence = termEquivalence(termsA[i]!, termsB[i]!);
    if (equivalence === null) return null;
    if (equivalence === 'phonetic') result = 'phonetic';
  }
  return result;
}
