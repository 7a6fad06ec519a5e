import type { PersonSummary } from '../../../shared/domain/person';
import { aggregateHits } from '../../../shared/search/aggregate';
import { queryTerms } from '../../../shared/search/match';
import { termProbes, type Probe } from '../../../shared/search/probes';
import type { NameTerm } from '../../../shared/search/terms';
import type { Db } from '../db-types';
import { personsMatchingAll } from './dynamic-sql';
import { rankOneTerm } from './one-term';
import { collectHits, hitsFromKeys } from './hits';
import { ensureSearchIndex } from './indexer';
import { orderedByName, type Ranked } from './ranking';
import { statements, type SearchStatements } from './statements';
import { toSummary } from './summaries';

/**
 * As-you-type search: every query term must match a word of the person (one spelling, ideally)
 * exactly, as a prefix, or phonetically; exact before prefix before phonetic, then by name.
 *
 * The work is bounded for p95 < 25 ms at 100,000 persons: a one-word query goes tier by tier
 * (one-term.ts); with several words the words' person sets are intersected inside SQLite (the
 * order does not matter, so nothing is counted first), and only the candidates are scored here.
 */
export function searchPersons(db: Db, query: string, limit: number): PersonSummary[] {
  const want = Math.max(0, Math.floor(limit));
  if (want === 0) return [];
  ensureSearchIndex(db);
  const s = statements(db);
  const terms = queryTerms(query);
  if (terms.length === 0) return s.listByName.all(want).map((row) => toSummary(row, 'all', 0, 0));

  if (terms.length === 1 && !terms[0]!.foreign) return fetch(s, rankOneTerm(db, s, terms[0]!, want), want);
  const probes = terms.map((term) => termProbes(term));
  // Only the top of the ranking needs names to break ties; a few spare entries cover persons
  // that fetch() skips (tombstoned rows are unindexed on write, so such skips are rare).
  return fetch(s, orderedByName(s, rankCandidates(db, s, terms, probes), want + 16), want);
}

/**
 * The terms' person sets are intersected inside SQLite (a term in another script comes from
 * FTS5 instead); the few candidates left are scored against every term from their own keys.
 */
function rankCandidates(db: Db, s: SearchStatements, terms: readonly NameTerm[], probes: readonly Probe[][]): Ranked[] {
  const foreign = terms.findIndex((t) => t.foreign);
  const outer = foreign >= 0 ? foreign : 0;
  const outerTerm = terms[outer]!;
  const others = probes.filter((_, i) => i !== outer && !terms[i]!.foreign);
  const foreignHits = terms.map((term) => (term.foreign ? collectHits(s, term, []) : null));
  const candidates = outerTerm.foreign ? [...foreignHits[outer]!.keys()] : personsMatchingAll(db, probes[outer]!, others);
  const keysByPid = new Map<number, [string, number][]>();
  for (const [pid, key, spelling] of s.tokensOfMany.all(JSON.stringify(candidates))) {
    let keys = keysByPid.get(pid);
    if (keys === undefined) keysByPid.set(pid, (keys = []));
    keys.push([key, spelling]);
  }
  const ranked: Ranked[] = [];
  for (const pid of candidates) {
    const keys = keysByPid.get(pid) ?? [];
    const perTerm = terms.map((term, i) => (term.foreign ? foreignHits[i]!.get(pid) ?? new Map<number, number>() : hitsFromKeys(keys, probes[i]!)));
    const match = aggregateHits(perTerm);
    if (match !== null) ranked.push({ pid, match });
  }
  return ranked;
}

/**
 * Rows for the ordered entries until `want` are found. Tombstoned persons are normally
 * unindexed by the write path; one that slipped through is skipped here.
 */
function fetch(s: SearchStatements, ordered: readonly Ranked[], want: number): PersonSummary[] {
  const results: PersonSummary[] = [];
  for (const entry of ordered) {
    if (results.length === want) break;
    const row = s.personByPid.get(entry.pid);
    if (row === undefined || row.deleted_at !== null) continue;
    results.push(toSummary(row, entry.match.kind, entry.match.score, entry.match.spelling));
  }
  return results;
}
