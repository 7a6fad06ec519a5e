import type { Db } from '../db-types';

export interface IndexablePerson {
  id: string;
  familyName: string;
  givenNames: string;
  otherSpellings: readonly string[];
}

/**
 * Rebuilds the search keys of one person. Called by the write path inside the same transaction
 * as the row write, so the index can never disagree with the rows. STUB.
 */
export function reindexPerson(_db: Db, _person: IndexablePerson): void {}

/** Drops the search keys of a person (tombstoned or purged). STUB. */
export function unindexPerson(_db: Db, _personId: string): void {}
