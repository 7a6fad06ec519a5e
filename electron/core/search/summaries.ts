import { birthDateSchema, type BirthDate, type PersonSummary } from '../../../shared/domain/person';
import { parseSpellings } from './indexer';
import type { PersonRow } from './statements';

/** A person row as a list entry. `spelling` > 0 names the other spelling that matched. */
export function toSummary(row: PersonRow, kind: PersonSummary['matchKind'], score: number, spelling: number): PersonSummary {
  const summary: PersonSummary = {
    id: row.id,
    familyName: row.family_name,
    givenNames: row.given_names,
    birthDate: parseBirthDate(row.birth_date),
    score: Math.round(score * 1000) / 1000,
    matchKind: kind,
  };
  if (spelling > 0) {
    const matched = parseSpellings(row.other_spellings)[spelling - 1];
    if (matched !== undefined) summary.matchedSpelling = matched;
  }
  return summary;
}

const UNKNOWN: BirthDate = { kind: 'unknown' };

/** A damaged birth date must not hide the person from a search: it reads as unknown. */
export function parseBirthDate(json: string): BirthDate {
  try {
    const parsed = birthDateSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}
