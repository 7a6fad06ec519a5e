import type { BirthDate, PersonSummary } from '../../../shared/domain/person';
import { birthDateCompatibility, nameResemblance } from '../../../shared/search/duplicates';
import { spellingTerms } from '../../../shared/search/match';
import { compatibleFirstClasses, encodePhoneticKey } from '../../../shared/search/phonetic-key';
import { successor, TEXT_PREFIX } from '../../../shared/search/probes';
import type { NameTerm } from '../../../shared/search/terms';
import type { Db } from '../db-types';
import { ensureSearchIndex, parseSpellings } from './indexer';
import { statements, type SearchStatements } from './statements';
import { parseBirthDate, toSummary } from './summaries';

export interface DuplicateProbe {
  familyName: string;
  givenNames: string;
  otherSpellings: readonly string[];
  birthDate: BirthDate;
  excludeId?: string | undefined;
}

/** A date that differs only by "year known" or "unknown" is weaker evidence than an equal one. */
const COMPATIBLE_DATE_FACTOR = 0.8;
/** Enough to verify every plausible candidate, few enough to stay fast on a common name. */
const MAX_CANDIDATES = 500;

/**
 * Persons whose names resemble the probe (family and given names, in any spelling, exactly or
 * phonetically) and whose birth date does not rule them out. Nothing is merged.
 */
export function findDuplicates(db: Db, probe: DuplicateProbe, limit: number): PersonSummary[] {
  const want = Math.max(0, Math.floor(limit));
  if (want === 0) return [];
  ensureSearchIndex(db);
  const s = statements(db);
  const probeTerms = spellingTerms(probe);
  const distinctTerms = probeTerms.flat().filter((t) => !t.foreign);
  if (distinctTerms.length === 0) return [];

  // Candidates: persons that share at least two of the probe's words (one if it has only one).
  const matchedTerms = new Map<number, Set<number>>();
  distinctTerms.forEach((term, index) => {
    for (const key of equalityKeys(term)) {
      for (const [, pid] of s.scanTokens.all(key, successor(key))) {
        let set = matchedTerms.get(pid);
        if (set === undefined) matchedTerms.set(pid, (set = new Set()));
        set.add(index);
      }
    }
  });
  const needed = Math.min(2, distinctTerms.length);
  const candidates = [...matchedTerms.entries()]
    .filter(([, terms]) => terms.size >= needed)
    .sort((a, b) => b[1].size - a[1].size || a[0] - b[0])
    .slice(0, MAX_CANDIDATES)
    .map(([pid]) => pid);

  return verify(s, probe, candidates)
    .sort((a, b) => b.score - a.score || a.familyName.localeCompare(b.familyName, 'de') || a.givenNames.localeCompare(b.givenNames, 'de'))
    .slice(0, want);
}

/**
 * Keys under which a term's equals are indexed: its texts and compatible phonetic keys, and
 * those of its bare name (al-Hassan → Hassan). A stored "al-Hassan" is found through its
 * indexed part "hassan" by a probe "Hassan".
 */
function equalityKeys(term: NameTerm): string[] {
  const keys = [term.text, ...term.alternatives].map((t) => TEXT_PREFIX + t);
  if (term.phonetic) for (const first of compatibleFirstClasses(term.phonetic.first)) keys.push(encodePhoneticKey({ ...term.phonetic, first }));
  return term.bare ? [...keys, ...equalityKeys(term.bare)] : keys;
}

function verify(s: SearchStatements, probe: DuplicateProbe, candidates: readonly number[]): PersonSummary[] {
  const found: PersonSummary[] = [];
  for (const pid of candidates) {
    const row = s.personByPid.get(pid);
    if (row === undefined || row.deleted_at !== null || row.id === probe.excludeId) continue;
    const dates = birthDateCompatibility(probe.birthDate, parseBirthDate(row.birth_date));
    if (dates === null) continue;
    const names = nameResemblance(probe, {
      familyName: row.family_name,
      givenNames: row.given_names,
      otherSpellings: parseSpellings(row.other_spellings),
    });
    if (names === null) continue;
    const score = names.score * (dates === 'same' ? 1 : COMPATIBLE_DATE_FACTOR);
    found.push(toSummary(row, names.exact ? 'exact' : 'phonetic', score, names.candidateSpelling));
  }
  return found;
}
