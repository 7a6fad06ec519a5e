import type { PersonSummary } from '../../../shared/domain/person';
import { aggregateHits, compareMatches, type PersonMatch } from '../../../shared/search/aggregate';
import { queryTerms } from '../../../shared/search/match';
import type { Db } from '../db-types';
import { collectHits, type PersonHits } from './hits';
import { ensureSearchIndex } from './indexer';
import { statements, type SearchStatements } from './statements';
import { toSummary } from './summaries';

interface Ranked {
  readonly pid: number;
  readonly match: PersonMatch;
  sortKey?: string;
}

/**
 * As-you-type search: every query term must match a word of the person (one spelling, ideally)
 * exactly, as a prefix, or phonetically; exact before prefix before phonetic, then by name.
 */
export function searchPersons(db: Db, query: string, limit: number): PersonSummary[] {
  const want = Math.max(0, Math.floor(limit));
  if (want === 0) return [];
  ensureSearchIndex(db);
  const s = statements(db);
  const terms = queryTerms(query);
  if (terms.length === 0) return s.listByName.all(want).map((row) => toSummary(row, 'all', 0, 0));

  const perTerm = terms.map((term) => collectHits(s, term)).sort((a, b) => a.size - b.size);
  const ranked = intersect(perTerm);
  ranked.sort((a, b) => compareMatches(a.match, b.match));

  // Tombstoned persons are normally unindexed by the write path; if one slipped through it is
  // skipped here and the next candidate takes its place.
  const results: PersonSummary[] = [];
  let taken = 0;
  while (results.length < want && taken < ranked.length) {
    const batch = orderTop(s, ranked, taken, want - results.length);
    taken += batch.length;
    for (const entry of batch) {
      const row = s.personByPid.get(entry.pid);
      if (row === undefined || row.deleted_at !== null) continue;
      results.push(toSummary(row, entry.match.kind, entry.match.score, entry.match.spelling));
    }
  }
  return results;
}

/** Persons hit by every term, smallest hit set first so the loop is as short as possible. */
function intersect(perTerm: readonly PersonHits[]): Ranked[] {
  const [smallest, ...others] = perTerm;
  const ranked: Ranked[] = [];
  if (smallest === undefined) return ranked;
  for (const [pid, first] of smallest) {
    const hits = [first];
    for (const other of others) {
      const found = other.get(pid);
      if (found === undefined) break;
      hits.push(found);
    }
    if (hits.length !== perTerm.length) continue;
    const match = aggregateHits(hits);
    if (match !== null) ranked.push({ pid, match });
  }
  return ranked;
}

/**
 * The next `count` entries of `ranked` (sorted by match) from `start`, ties broken by name.
 * Only the group of equal matches that straddles the cut needs sort keys from the database;
 * when that group is large (a common name), the name index is walked in order instead of
 * loading thousands of keys.
 */
const LARGE_TIE_GROUP = 2000;

function orderTop(s: SearchStatements, ranked: Ranked[], start: number, count: number): Ranked[] {
  const end = Math.min(ranked.length, start + count);
  const boundary = ranked[end - 1]!;
  let groupStart = end - 1;
  while (groupStart > start && compareMatches(ranked[groupStart - 1]!.match, boundary.match) === 0) groupStart--;
  let groupEnd = end;
  while (groupEnd < ranked.length && compareMatches(ranked[groupEnd]!.match, boundary.match) === 0) groupEnd++;

  const sure = ranked.slice(start, groupStart);
  const group = ranked.slice(groupStart, groupEnd);
  const needed = end - groupStart;
  const chosen = group.length === needed ? group : group.length <= LARGE_TIE_GROUP ? firstByKeys(s, group, needed) : firstByWalk(s, group, needed);

  const top = [...sure, ...chosen];
  loadSortKeys(s, top.filter((r) => r.sortKey === undefined));
  return top.sort((a, b) => compareMatches(a.match, b.match) || compareText(a.sortKey!, b.sortKey!) || a.pid - b.pid);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function loadSortKeys(s: SearchStatements, entries: Ranked[]): void {
  if (entries.length === 0) return;
  const byPid = new Map(entries.map((e) => [e.pid, e]));
  for (const [pid, sortKey] of s.sortKeys.all(JSON.stringify([...byPid.keys()]))) byPid.get(pid)!.sortKey = sortKey;
  for (const entry of entries) entry.sortKey ??= '';
}

function firstByKeys(s: SearchStatements, group: Ranked[], needed: number): Ranked[] {
  loadSortKeys(s, group);
  return group.sort((a, b) => compareText(a.sortKey!, b.sortKey!) || a.pid - b.pid).slice(0, needed);
}

function firstByWalk(s: SearchStatements, group: Ranked[], needed: number): Ranked[] {
  const byPid = new Map(group.map((e) => [e.pid, e]));
  const chosen: Ranked[] = [];
  for (const [pid, sortKey] of s.sortOrder.iterate()) {
    const entry = byPid.get(pid);
    if (entry === undefined) continue;
    entry.sortKey = sortKey;
    chosen.push(entry);
    if (chosen.length === needed) break;
  }
  return chosen;
}
