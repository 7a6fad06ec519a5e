import { compatibleFirstClasses, encodePhoneticKey } from './phonetic-key';
import type { NameTerm } from './terms';

/**
 * Index keys and the key ranges a query term looks up. Both the database (range scans over an
 * index) and the pure matcher (match.ts) use exactly these, so the two cannot disagree.
 *
 * Keys: "n" + normalised text ("nmuhammad"), "p" + phonetic key ("pU6962.C").
 */

export type MatchKind = 'exact' | 'prefix' | 'phonetic';

/** Scores per term. The bands never overlap, so the kind can be read back from a score. */
export const SCORE = {
  exact: 1,
  prefixMin: 0.7,
  prefixSpan: 0.2,
  phoneticEqual: 0.5,
  phoneticPrefixMin: 0.3,
  phoneticPrefixSpan: 0.15,
} as const;

export function kindOfScore(score: number): MatchKind {
  if (score >= SCORE.exact) return 'exact';
  if (score >= SCORE.prefixMin) return 'prefix';
  return 'phonetic';
}

export const TEXT_PREFIX = 'n';

/** Every key one spelling is indexed under, parts of joined terms included. */
export function indexKeys(terms: readonly NameTerm[]): string[] {
  const keys = new Set<string>();
  const add = (term: NameTerm) => {
    if (term.foreign) return;
    keys.add(TEXT_PREFIX + term.text);
    for (const alternative of term.alternatives) keys.add(TEXT_PREFIX + alternative);
    if (term.phonetic) keys.add(encodePhoneticKey(term.phonetic));
    term.parts.forEach(add);
  };
  terms.forEach(add);
  return [...keys];
}

/** A half-open key range [from, to); `exact` is the key that counts as an equal match. */
export interface Probe {
  readonly kind: 'text' | 'phonetic';
  readonly from: string;
  readonly to: string;
  readonly exact: string;
  /** length of what the query supplied (text, or phonetic code), to score prefixes */
  readonly length: number;
}

/** The smallest string greater than every string that starts with `prefix`. */
export function successor(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * Phonetic prefixes need three characters of code: shorter ones ("Mo" → 6, "Ali" → 05) pull in
 * a large share of all names, which is noise (and slow), and the text prefix already covers
 * such short input. "Moham" (696) finds Muhammad.
 */
const MIN_PHONETIC_PREFIX_DIGITS = 3;

export function termProbes(term: NameTerm): Probe[] {
  if (term.foreign) return [];
  // "Al Hassan" also finds a plain "Hassan", as a phonetic match (the article is missing there).
  const bare = term.bare?.phonetic;
  const bareProbes = bare ? compatibleFirstClasses(bare.first).map((first) => equalityProbe(encodePhoneticKey({ ...bare, first }), bare.code.length)) : [];
  return [...ownProbes(term), ...bareProbes];
}

function equalityProbe(key: string, length: number): Probe {
  return { kind: 'phonetic', from: key, to: successor(key), exact: key, length };
}

function ownProbes(term: NameTerm): Probe[] {
  const probes: Probe[] = [];
  for (const text of [term.text, ...term.alternatives]) {
    const key = TEXT_PREFIX + text;
    probes.push({ kind: 'text', from: key, to: successor(key), exact: key, length: text.length });
  }
  const phonetic = term.phonetic;
  // A single letter carries no sound worth comparing.
  if (phonetic === null || term.text.length < 2) return probes;
  const classes = compatibleFirstClasses(term.openAbd ? '*' : phonetic.first);
  if (!term.openAbd) {
    for (const first of classes) probes.push(equalityProbe(encodePhoneticKey({ ...phonetic, first }), phonetic.code.length));
  }
  if (phonetic.code.length >= MIN_PHONETIC_PREFIX_DIGITS) {
    for (const first of classes) {
      // Only strictly longer codes: code characters ("0"–"9", "n") sort after "0", and the "."
      // that ends a code sorts before it.
      const base = `p${first}${phonetic.code}`;
      probes.push({ kind: 'phonetic', from: `${base}0`, to: `${base}\u007f`, exact: '', length: phonetic.code.length });
    }
  }
  return probes;
}

/** Score of a key found inside a probe's range. */
export function scoreHit(probe: Probe, key: string): number {
  if (probe.kind === 'text') {
    if (key === probe.exact) return SCORE.exact;
    return SCORE.prefixMin + (SCORE.prefixSpan * probe.length) / (key.length - TEXT_PREFIX.length);
  }
  if (key === probe.exact) return SCORE.phoneticEqual;
  const storedCodeLength = key.indexOf('.') - 2;
  return SCORE.phoneticPrefixMin + (SCORE.phoneticPrefixSpan * probe.length) / storedCodeLength;
}

export function keyInProbe(probe: Probe, key: string): boolean {
  return key >= probe.from && key < probe.to;
}
