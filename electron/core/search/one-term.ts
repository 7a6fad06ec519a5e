import { aggregateHits, OTHER_SPELLING_FACTOR } from '../../../shared/search/aggregate';
import { SCORE, TEXT_PREFIX, termProbes, type Probe } from '../../../shared/search/probes';
import type { NameTerm } from '../../../shared/search/terms';
import type { Db } from '../db-types';
import { firstByNameMatchingAll, firstByNameWithKey } from './dynamic-sql';
import { countProbeRows, hitsFromKeys, scanProbes } from './hits';
import { orderedByName, type Ranked } from './ranking';
import type { SearchStatements } from './statements';

/**
 * Probes covering this many index rows are "dense" (a short prefix, or the sound of a common
 * name): walking the name index until the page is full is then cheaper than fetching them all.
 */
const DENSE_ROWS = 3000;

/**
 * A one-word query — the as-you-type case — tier by tier, each tier only as far as the page
 * needs: exact matches (by name, main spelling first), then prefix, then phonetic matches.
 * A dense tier is ordered by name; a sparse one by score, then name.
 */
export function rankOneTerm(db: Db, s: SearchStatements, term: NameTerm, want: number): Ranked[] {
  const exact = exactTier(db, term, want);
  if (exact.length >= want) return exact;
  const probes = termProbes(term);
  const seen = new Set(exact.map((r) => r.pid));
  const ranked = [...exact];
  for (const kind of ['text', 'phonetic'] as const) {
    const need = want - ranked.length;
    if (need <= 0) break;
    const tier = rankTier(
      db,
      s,
      probes.filter((p) => p.kind === kind),
      need,
      seen,
    );
    for (const entry of tier) seen.add(entry.pid);
    ranked.push(...tier);
  }
  return ranked;
}

/** Persons bearing the word exactly, sorted inside SQLite. */
function exactTier(db: Db, term: NameTerm, want: number): Ranked[] {
  const keys = [term.text, ...term.alternatives].map((text) => TEXT_PREFIX + text);
  return firstByNameWithKey(db, keys, want).map(([pid, spelling, sortKey]) => ({
    pid,
    sortKey,
    match: { spelling, kind: 'exact', score: SCORE.exact * (spelling === 0 ? 1 : OTHER_SPELLING_FACTOR) },
  }));
}

function rankTier(db: Db, s: SearchStatements, probes: readonly Probe[], need: number, seen: ReadonlySet<number>): Ranked[] {
  if (probes.length === 0) return [];
  if (countProbeRows(s, probes, DENSE_ROWS) >= DENSE_ROWS) {
    const walked: Ranked[] = [];
    for (const [pid, sortKey] of firstByNameMatchingAll(db, [probes], need + seen.size)) {
      if (seen.has(pid)) continue;
      const match = aggregateHits([hitsFromKeys(s.tokensOf.all(pid), probes)]);
      if (match !== null) walked.push({ pid, match, sortKey });
      if (walked.length === need) break;
    }
    return walked;
  }
  const ranked: Ranked[] = [];
  for (const [pid, hits] of scanProbes(s, probes)) {
    if (seen.has(pid)) continue;
    const match = aggregateHits([hits]);
    if (match !== null) ranked.push({ pid, match });
  }
  return orderedByName(s, ranked, need);
}
