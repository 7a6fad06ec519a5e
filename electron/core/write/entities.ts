import type { Db } from '../db-types';
import { reindexPerson, unindexPerson } from '../search/indexer';

/** A value as SQLite stores it in our tables (JSON columns hold canonical JSON text). */
export type SqlValue = string | number | null;
export type RowValues = Record<string, SqlValue>;

/**
 * What the write path needs to know about a synced table. `fields` are the synced columns: each
 * gets its own HLC clock and outbox entry. id is the row key and updated_at local bookkeeping,
 * so neither is a field. Names here are the only ones ever put into SQL text.
 */
export interface EntityDefinition {
  readonly name: string;
  readonly table: string;
  readonly fields: readonly string[];
  /** columns holding JSON text; their outbox value is that JSON itself, not a JSON string */
  readonly jsonFields: ReadonlySet<string>;
  /** runs inside the write transaction, after the row, clocks, outbox and audit entry */
  readonly afterWrite?: (db: Db, row: RowValues) => void;
}

export const personsEntity: EntityDefinition = {
  name: 'persons',
  table: 'persons',
  fields: [
    'team_id',
    'family_name',
    'given_names',
    'other_spellings',
    'birth_date',
    'gender',
    'nationalities',
    'languages',
    'residence',
    'arrival_date',
    'address',
    'phone',
    'email',
    'created_at',
    'deleted_at',
  ],
  jsonFields: new Set(['other_spellings', 'birth_date', 'nationalities', 'languages', 'residence', 'address']),
  // The search index is written in the same transaction, so it can never disagree with the rows.
  afterWrite(db, row) {
    const id = String(row.id);
    if (row.deleted_at !== null && row.deleted_at !== undefined) {
      unindexPerson(db, id);
      return;
    }
    reindexPerson(db, {
      id,
      familyName: String(row.family_name ?? ''),
      givenNames: String(row.given_names ?? ''),
      otherSpellings: parseStringArray(row.other_spellings),
    });
  },
};

export const casesEntity: EntityDefinition = {
  name: 'cases',
  table: 'cases',
  fields: [
    'team_id',
    'person_id',
    'phase',
    'case_manager',
    'opened_at',
    'closed_at',
    'last_contact_at',
    'created_at',
    'deleted_at',
  ],
  jsonFields: new Set(),
};

function parseStringArray(value: SqlValue | undefined): string[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}
