import { kindOfScore, type MatchKind } from './probes';

/**
 * How the per-term hits of one person become one result. A query should be matched by one
 * spelling as a whole ("Mohammed Aly" by the spelling "Mohammed Aly", not half by each); only
 * when no single spelling covers every term are spellings mixed, at a small discount.
 */

/** Hits of one query term on one person: spelling index (0 = main name) → best score. */
export type TermHits = ReadonlyMap<number, number>;

export interface PersonMatch {
  /** spelling index: 0 is the main name, i > 0 is otherSpellings[i - 1] */
  readonly spelling: number;
  readonly score: number;
  readonly kind: MatchKind;
}

const MIXED_SPELLINGS_FACTOR = 0.95;
/** A match through another spelling ranks just below the same match on the main name. */
export const OTHER_SPELLING_FACTOR = 0.99;

export function aggregateHits(perTerm: readonly TermHits[]): PersonMatch | null {
  if (perTerm.length === 0 || perTerm.some((hits) => hits.size === 0)) return null;
  let best: PersonMatch | null = null;
  for (const spelling of perTerm[0]!.keys()) {
    const scores = perTerm.map((hits) => hits.get(spelling));
    if (scores.some((s) => s === undefined)) continue;
    const candidate = combine(scores as number[], spelling, spelling === 0 ? 1 : OTHER_SPELLING_FACTOR);
    if (best === null || isBetter(candidate, best)) best = candidate;
  }
  if (best !== null) return best;
  const picks = perTerm.map(bestOf);
  const spellingVotes = new Map<number, number>();
  for (const pick of picks) if (pick.spelling !== 0) spellingVotes.set(pick.spelling, (spellingVotes.get(pick.spelling) ?? 0) + 1);
  const spelling = [...spellingVotes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  return combine(
    picks.map((p) => p.score),
    spelling,
    MIXED_SPELLINGS_FACTOR,
  );
}

function bestOf(hits: TermHits): { spelling: number; score: number } {
  let pick = { spelling: -1, score: -1 };
  for (const [spelling, score] of hits) if (score > pick.score || (score === pick.score && spelling < pick.spelling)) pick = { spelling, score };
  return pick;
}

function combine(scores: readonly number[], spelling: number, factor: number): PersonMatch {
  const worst = Math.min(...scores);
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { spelling, kind: kindOfScore(worst), score: mean * factor };
}

const KIND_RANK: Readonly<Record<MatchKind | 'all', number>> = { exact: 3, prefix: 2, phonetic: 1, all: 0 };

/** Exact before prefix before phonetic; within a kind, the higher score. */
export function compareMatches(a: PersonMatch, b: PersonMatch): number {
  return KIND_RANK[b.kind] - KIND_RANK[a.kind] || b.score - a.score;
}

function isBetter(a: PersonMatch, b: PersonMatch): boolean {
  const order = compareMatches(a, b);
  return order < 0 || (order === 0 && a.spelling < b.spelling);
}
