import type { Db } from '../db-types';
import type { BirthDate, PersonSummary } from '../../../shared/domain/person';

/** As-you-type search over names and known spellings; empty query lists everyone by name. STUB. */
export function searchPersons(_db: Db, _query: string, _limit: number): PersonSummary[] {
  return [];
}

export interface DuplicateProbe {
  familyName: string;
  givenNames: string;
  otherSpellings: readonly string[];
  birthDate: BirthDate;
  excludeId?: string | undefined;
}

/** Persons whose name and birth date resemble the probe. Nothing is merged. STUB. */
export function findDuplicates(_db: Db, _probe: DuplicateProbe, _limit: number): PersonSummary[] {
  return [];
}
