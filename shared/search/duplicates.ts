import type { BirthDate } from '../domain/person';
import { termEquivalence, type Equivalence } from './equivalence';
import type { SearchableNames } from './match';
import { nameTerms, type NameTerm } from './terms';

/**
 * Duplicate detection on create: does a new person resemble an existing one? Only a warning
 * with candidates; a human decides and nothing is merged (DOMAIN.md, Names).
 */

// ---- birth dates ----------------------------------------------------------------------------

export type DateCompatibility = 'same' | 'compatible';

/** "01.01." is the placeholder authorities enter for an unknown day: it tells only the year. */
const isPlaceholderDay = (date: string) => date.endsWith('-01-01');
const yearOf = (date: BirthDate): number | null =>
  date.kind === 'full' ? Number(date.date.slice(0, 4)) : date.kind === 'year' ? date.year : null;

/**
 * Equal full dates are the same; a year matches a date in that year; an unknown date matches
 * anything (it rules nothing out). Two different real full dates rule a duplicate out.
 */
export function birthDateCompatibility(a: BirthDate, b: BirthDate): DateCompatibility | null {
  if (a.kind === 'unknown' || b.kind === 'unknown') return 'compatible';
  if (a.kind === 'full' && b.kind === 'full') {
    if (a.date === b.date) return 'same';
    if (!isPlaceholderDay(a.date) && !isPlaceholderDay(b.date)) return null;
  }
  return yearOf(a) === yearOf(b) ? 'compatible' : null;
}

// ---- names ----------------------------------------------------------------------------------

interface Spelling {
  /** set for the main name, where family and given names are known apart */
  readonly family?: readonly NameTerm[];
  readonly given?: readonly NameTerm[];
  readonly all: readonly NameTerm[];
}

function spellingsOf(names: SearchableNames): Spelling[] {
  const family = nameTerms(names.familyName);
  const given = nameTerms(names.givenNames);
  const main: Spelling = family.length > 0 && given.length > 0 ? { family, given, all: [...family, ...given] } : { all: [...family, ...given] };
  // Not filtered: a spelling's position is its index in the person's numbering.
  return [main, ...names.otherSpellings.map((s) => ({ all: nameTerms(s) }))];
}

interface Coverage {
  readonly matched: number;
  readonly exact: boolean;
}

/** How many terms of `a` have an equivalent in `b`. */
function coverage(a: readonly NameTerm[], b: readonly NameTerm[]): Coverage {
  let matched = 0;
  let exact = true;
  for (const term of a) {
    let found: Equivalence | null = null;
    for (const other of b) {
      const equivalence = termEquivalence(term, other);
      if (equivalence === 'exact' || (equivalence === 'phonetic' && found === null)) found = equivalence;
    }
    if (found !== null) matched++;
    if (found === 'phonetic') exact = false;
  }
  return { matched, exact };
}

export interface NameResemblance {
  /** 0..1 */
  readonly score: number;
  /** every compared term equal after normalisation, none only phonetically */
  readonly exact: boolean;
  /** the candidate's spelling that resembled: 0 main, i > 0 otherSpellings[i - 1] */
  readonly candidateSpelling: number;
}

/**
 * A phonetic match is weaker than an equal spelling, but less so than a birth date that is only
 * compatible (see find-duplicates): an equal real birth date is strong evidence.
 */
const PHONETIC_FACTOR = 0.9;

/** Family names swapped with given names happen in records; they still count, a bit lower. */
const SWAPPED_FACTOR = 0.9;

function resembleSpellings(p: Spelling, c: Spelling): { score: number; exact: boolean } | null {
  if (p.family && p.given && c.family && c.given) {
    const straight = fieldsResemble(p.family, p.given, c.family, c.given);
    if (straight) return straight;
    const swapped = fieldsResemble(p.family, p.given, c.given, c.family);
    return swapped ? { score: swapped.score * SWAPPED_FACTOR, exact: swapped.exact } : null;
  }
  // Full-name spellings do not say which word is the family name: compare the words as a set.
  const small = p.all.length <= c.all.length ? p.all : c.all;
  const large = small === p.all ? c.all : p.all;
  const cover = coverage(small, large);
  if (cover.matched < Math.min(2, small.length) || cover.matched < small.length - 1) return null;
  return { score: cover.matched / large.length, exact: cover.exact };
}

/** Both the family name and the given names must resemble: one word of each at least. */
function fieldsResemble(
  pf: readonly NameTerm[],
  pg: readonly NameTerm[],
  cf: readonly NameTerm[],
  cg: readonly NameTerm[],
): { score: number; exact: boolean } | null {
  const family = coverage(pf, cf);
  const given = coverage(pg, cg);
  if (family.matched === 0 || given.matched === 0) return null;
  const total = Math.max(pf.length, cf.length) + Math.max(pg.length, cg.length);
  return { score: (family.matched + given.matched) / total, exact: family.exact && given.exact };
}

export function nameResemblance(probe: SearchableNames, candidate: SearchableNames): NameResemblance | null {
  const probeSpellings = spellingsOf(probe);
  const candidateSpellings = spellingsOf(candidate);
  let best: NameResemblance | null = null;
  probeSpellings.forEach((p) => {
    candidateSpellings.forEach((c, index) => {
      if (p.all.length === 0 || c.all.length === 0) return;
      const result = resembleSpellings(p, c);
      if (result === null) return;
      // Exact beats phonetic; among equals the main spelling (index 0) wins.
      const score = result.score * (result.exact ? 1 : PHONETIC_FACTOR);
      if (best === null || score > best.score) best = { score, exact: result.exact, candidateSpelling: index };
    });
  });
  return best;
}
