import { termProbes, scoreHit } from '../../../shared/search/probes';
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
export function collectHits(s: SearchStatements, term: NameTerm): PersonHits {
  const hits: PersonHits = new Map();
  if (term.foreign) return collectFtsHits(s, term, hits);
  for (const probe of termProbes(term)) {
    for (const [key, pid, spelling] of s.scanTokens.all(probe.from, probe.to)) record(hits, pid, spelling, scoreHit(probe, key));
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
