import { compareMatches, type PersonMatch } from '../../../shared/search/aggregate';
import type { SearchStatements } from './statements';

export interface Ranked {
  readonly pid: number;
  readonly match: PersonMatch;
  sortKey?: string;
}

/**
 * Tie groups larger than this are cut by walking the name index in order rather than by
 * loading every member's sort key.
 */
const LARGE_TIE_GROUP = 2000;

/**
 * The first `count` entries by match (kind, score), ties broken by name. Only the group of
 * equal matches that straddles the cut needs sort keys from the database.
 */
export function orderedByName(s: SearchStatements, ranked: Ranked[], count: number): Ranked[] {
  if (ranked.length === 0) return [];
  ranked.sort((a, b) => compareMatches(a.match, b.match));
  const end = Math.min(ranked.length, count);
  const boundary = ranked[end - 1]!;
  let groupStart = end - 1;
  while (groupStart > 0 && compareMatches(ranked[groupStart - 1]!.match, boundary.match) === 0) groupStart--;
  let groupEnd = end;
  while (groupEnd < ranked.length && compareMatches(ranked[groupEnd]!.match, boundary.match) === 0) groupEnd++;

  const sure = ranked.slice(0, groupStart);
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

function loadSortKeys(s: SearchStatements, entries: readonly Ranked[]): void {
  if (entries.length === 0) return;
  const byPid = new Map(entries.map((e) => [e.pid, e]));
  for (const [pid, sortKey] of s.sortKeys.all(JSON.stringify([...byPid.keys()]))) byPid.get(pid)!.sortKey = sortKey;
  for (const entry of entries) entry.sortKey ??= '';
}

/** Sorted and cut inside SQLite, so only the chosen rows come back. */
function firstByKeys(s: SearchStatements, group: readonly Ranked[], needed: number): Ranked[] {
  const byPid = new Map(group.map((e) => [e.pid, e]));
  return s.firstBySortKey.all(JSON.stringify([...byPid.keys()]), needed).map(([pid, sortKey]) => {
    const entry = byPid.get(pid)!;
    entry.sortKey = sortKey;
    return entry;
  });
}

function firstByWalk(s: SearchStatements, group: readonly Ranked[], needed: number): Ranked[] {
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
