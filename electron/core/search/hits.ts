import { keyInProbe, scoreHit, type Probe } from '../../../shared/search/probes';
import type { NameTerm } from '../../../shared/search/terms';
import { FTS_SLOTS } from './indexer';
import type { SearchStatements } from './statements';

/** Hits of one query term: pid → (spelling → best score). */
export type PersonHits = Map<number, Map<number, number>>;

function record(hits: PersonHits, pid: number, spelling: number, score: number): void {
  let bySpelling = hits.get(pid);
  if (bySpelling === undefined) {
    bySpelling = new Map();
    hits.set(pid, bySpelling);
  }
  if (score > (bySpelling.get(spelling) ?? 0)) bySpelling.set(spelling, score);
}

/** Range scans over search_token, one per probe of the term (shared/search/probes.ts). */
export function collectHits(s: SearchStatements, term: NameTerm, probes: readonly Probe[]): PersonHits {
  return term.foreign ? collectFtsHits(s, term, new Map()) : scanProbes(s, probes);
}

export function scanProbes(s: SearchStatements, probes: readonly Probe[]): PersonHits {
  const hits: PersonHits = new Map();
  for (const probe of probes) {
    for (const [key, pid, spelling] of s.scanTokens.all(probe.from, probe.to)) record(hits, pid, spelling, scoreHit(probe, key));
  }
  return hits;
}

/**
 * Index rows the probes would return, counted up to `cap` (an index-only count, far cheaper
 * than fetching the rows).
 */
export function countProbeRows(s: SearchStatements, probes: readonly Probe[], cap: number): number {
  let rows = 0;
  for (const probe of probes) {
    rows += s.countRange.get(probe.from, probe.to, cap - rows) ?? 0;
    if (rows >= cap) break;
  }
  return rows;
}

/** The hits of one term on one person, from that person's keys. */
export function hitsFromKeys(keys: readonly (readonly [string, number])[], probes: readonly Probe[]): Map<number, number> {
  const hits = new Map<number, number>();
  for (const [key, spelling] of keys) {
    for (const probe of probes) {
      if (!keyInProbe(probe, key)) continue;
      const score = scoreHit(probe, key);
      if (score > (hits.get(spelling) ?? 0)) hits.set(spelling, score);
    }
  }
  return hits;
}

const FTS_EXACT = 1;
const FTS_PREFIX = 0.8;

/** Words outside Latin script go to FTS5, which tokenises and folds them on both sides alike. */
function collectFtsHits(s: SearchStatements, term: NameTerm, hits: PersonHits): PersonHits {
  const phrase = `"${term.text.replace(/"/g, '""')}"`;
  for (const [query, score] of [
    [phrase, FTS_EXACT],
    [`${phrase}*`, FTS_PREFIX],
  ] as const) {
    for (const rowid of s.ftsMatch.all(query)) record(hits, Math.floor(rowid / FTS_SLOTS), rowid % FTS_SLOTS, score);
  }
  return hits;
}
