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
  /**
   * Where the row's team comes from: its own team_id column (persons, cases), or the team of
   * the person named in its person_id column (every case-work table). A purge of a person
   * removes the 'person'-scoped rows that name it.
   */
  readonly scope: 'own' | 'person';
  /** rows are created once and never changed or deleted (history by construction) */
  readonly appendOnly?: boolean;
  /** the record type as a case manager names it (conflict list, audit view) */
  readonly label: string;
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
  scope: 'own',
  label: 'Klient:in',
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
    'close_reason',
    'close_note',
    'target_group',
    'involved_person_ids',
    'created_at',
    'deleted_at',
  ],
  jsonFields: new Set(['target_group', 'involved_person_ids']),
  scope: 'own',
  label: 'Fall',
};

/** A case-work table: person-scoped, its own columns plus the bookkeeping every row has. */
function personScoped(
  name: string,
  label: string,
  columns: readonly string[],
  options: { json?: readonly string[]; appendOnly?: boolean } = {},
): EntityDefinition {
  return {
    name,
    table: name,
    label,
    fields: ['person_id', ...columns, 'created_at', 'deleted_at'],
    jsonFields: new Set(options.json ?? []),
    scope: 'person',
    ...(options.appendOnly ? { appendOnly: true } : {}),
  };
}

export const phaseEventsEntity = personScoped(
  'case_phase_events',
  'Phasenwechsel',
  ['case_id', 'kind', 'from_phase', 'to_phase', 'moved_at', 'note', 'close_reason', 'by_user'],
  { appendOnly: true },
);
export const householdLinksEntity = personScoped('household_links', 'Haushalt/Familie', ['related_person_id', 'relation', 'same_household', 'note']);
export const consentsEntity = personScoped('consents', 'Einwilligung', [
  'case_id',
  'purpose',
  'purpose_text',
  'recipient_partner_id',
  'recipient_name',
  'given_at',
  'form',
  'interpreter_language',
  'valid_until',
  'withdrawn_at',
  'withdrawal_note',
  'recorded_by',
]);
export const assessmentsEntity = personScoped(
  'assessments',
  'Einschätzung',
  ['case_id', 'life_domain', 'situation', 'resources', 'need_level', 'assessed_at', 'assessed_by'],
  { appendOnly: true },
);
export const goalsEntity = personScoped('goals', 'Ziel', ['case_id', 'life_domain', 'description', 'agreed_at', 'due_at', 'status']);
export const goalStepsEntity = personScoped('goal_steps', 'Handlungsschritt', [
  'case_id',
  'goal_id',
  'description',
  'responsible',
  'partner_id',
  'partner_name',
  'due_at',
  'done_at',
]);
export const contactsEntity = personScoped(
  'contacts',
  'Beratungskontakt',
  ['case_id', 'contact_date', 'start_time', 'duration_minutes', 'mode', 'participants', 'interpreter', 'topics', 'created_by'],
  { json: ['participants', 'interpreter', 'topics'] },
);
export const contactNotesEntity = personScoped(
  'contact_notes',
  'Vermerk',
  ['case_id', 'contact_id', 'version', 'text', 'reason', 'written_by', 'written_at'],
  { appendOnly: true },
);
export const legalDomainsEntity = personScoped('legal_domains', 'Rechtskreis', [
  'case_id',
  'domain',
  'office',
  'file_number',
  'contact_person',
  'contact_details',
  'note',
]);
export const deadlinesEntity = personScoped('deadlines', 'Frist', ['case_id', 'legal_domain_id', 'kind', 'due_at', 'note', 'done_at']);
export const referralsEntity = personScoped('referrals', 'Vermittlung', [
  'case_id',
  'partner_id',
  'partner_name',
  'life_domain',
  'reason',
  'referred_at',
  'consent_id',
  'override_reason',
  'status',
  'outcome',
  'created_by',
]);
export const tasksEntity = personScoped('tasks', 'Wiedervorlage', [
  'case_id',
  'title',
  'due_at',
  'source',
  'rule',
  'rule_ref',
  'status',
  'done_at',
  'assignee',
  'note',
]);
export const caseThemesEntity = personScoped('case_themes', 'Generatives Thema', [
  'case_id',
  'theme_key',
  'free_text',
  'label',
  'note',
  'noted_at',
  'noted_by',
]);
export const documentsEntity = personScoped('documents', 'Dokument', [
  'owner_kind',
  'owner_id',
  'file_name',
  'mime_type',
  'size_bytes',
  'sha256',
  'chunk_size',
  'chunk_count',
  'added_by',
]);

/** Every synced table; sync, conflicts and purges work from this list, not from names. */
export const allEntities: readonly EntityDefinition[] = [
  personsEntity,
  casesEntity,
  phaseEventsEntity,
  householdLinksEntity,
  consentsEntity,
  assessmentsEntity,
  goalsEntity,
  goalStepsEntity,
  contactsEntity,
  contactNotesEntity,
  legalDomainsEntity,
  deadlinesEntity,
  referralsEntity,
  tasksEntity,
  caseThemesEntity,
  documentsEntity,
];

function parseStringArray(value: SqlValue | undefined): string[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}
