import type { Migration } from '../db-types';

/**
 * The KIM case workflow (issue 4). Every table is synced through the one write path: id,
 * created_at, updated_at, deleted_at like persons and cases, and a person_id on every row — a
 * child row's team is its person's team (DESIGN.md, Sync: scope), so the team is looked up
 * through the person when a batch is cut, and a purge of a person takes all of them along.
 * No foreign keys here: pulled rows arrive in server order, page by page, and a contact may
 * land before its case; readers join, and skip rows that are not complete yet.
 *
 * Append-only tables (case_phase_events, assessments, contact_notes) are never updated: a
 * repeated assessment or a corrected note is a new row, so history is kept by construction.
 *
 * document_chunks is local only: document content syncs in chunks over its own endpoints,
 * not as field changes.
 */
export const caseworkMigration: Migration = {
  version: 4,
  name: 'casework',
  sql: `
-- the user's role as the server told it at enrolment and sync (NULL: not enrolled)
ALTER TABLE sync_state ADD COLUMN role TEXT;

ALTER TABLE cases ADD COLUMN close_reason TEXT;
ALTER TABLE cases ADD COLUMN close_note TEXT;
ALTER TABLE cases ADD COLUMN target_group TEXT;          -- JSON TargetGroupResult
ALTER TABLE cases ADD COLUMN involved_person_ids TEXT;   -- JSON array of person ids
CREATE INDEX cases_open ON cases(closed_at, deleted_at);

CREATE TABLE case_phase_events (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, kind TEXT, from_phase TEXT, to_phase TEXT, moved_at TEXT,
  note TEXT, close_reason TEXT, by_user TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX case_phase_events_case ON case_phase_events(case_id);
CREATE INDEX case_phase_events_person ON case_phase_events(person_id);

CREATE TABLE household_links (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, related_person_id TEXT, relation TEXT, same_household INTEGER, note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX household_links_person ON household_links(person_id);
CREATE INDEX household_links_related ON household_links(related_person_id);

CREATE TABLE consents (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, purpose TEXT, purpose_text TEXT, recipient_partner_id TEXT,
  recipient_name TEXT, given_at TEXT, form TEXT, interpreter_language TEXT, valid_until TEXT,
  withdrawn_at TEXT, withdrawal_note TEXT, recorded_by TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX consents_person ON consents(person_id);
CREATE INDEX consents_valid_until ON consents(valid_until);

CREATE TABLE assessments (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, life_domain TEXT, situation TEXT, resources TEXT,
  need_level TEXT, assessed_at TEXT, assessed_by TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX assessments_case ON assessments(case_id, life_domain, assessed_at);
CREATE INDEX assessments_person ON assessments(person_id);

CREATE TABLE goals (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, life_domain TEXT, description TEXT, agreed_at TEXT,
  due_at TEXT, status TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX goals_case ON goals(case_id);
CREATE INDEX goals_person ON goals(person_id);
CREATE INDEX goals_due ON goals(status, due_at);

CREATE TABLE goal_steps (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, goal_id TEXT, description TEXT, responsible TEXT,
  partner_id TEXT, partner_name TEXT, due_at TEXT, done_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX goal_steps_goal ON goal_steps(goal_id);
CREATE INDEX goal_steps_person ON goal_steps(person_id);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, contact_date TEXT, start_time TEXT, duration_minutes INTEGER,
  mode TEXT, participants TEXT, interpreter TEXT, topics TEXT, created_by TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX contacts_case ON contacts(case_id, contact_date);
CREATE INDEX contacts_person ON contacts(person_id, contact_date);

CREATE TABLE contact_notes (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, contact_id TEXT, version INTEGER, text TEXT, reason TEXT,
  written_by TEXT, written_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX contact_notes_contact ON contact_notes(contact_id, version);
CREATE INDEX contact_notes_person ON contact_notes(person_id);

CREATE TABLE legal_domains (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, domain TEXT, office TEXT, file_number TEXT,
  contact_person TEXT, contact_details TEXT, note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX legal_domains_case ON legal_domains(case_id);
CREATE INDEX legal_domains_person ON legal_domains(person_id);

CREATE TABLE deadlines (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, legal_domain_id TEXT, kind TEXT, due_at TEXT, note TEXT, done_at TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX deadlines_case ON deadlines(case_id);
CREATE INDEX deadlines_person ON deadlines(person_id);
CREATE INDEX deadlines_due ON deadlines(done_at, due_at);

CREATE TABLE referrals (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, partner_id TEXT, partner_name TEXT, life_domain TEXT, reason TEXT,
  referred_at TEXT, consent_id TEXT, override_reason TEXT, status TEXT, outcome TEXT, created_by TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX referrals_case ON referrals(case_id);
CREATE INDEX referrals_person ON referrals(person_id);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, title TEXT, due_at TEXT, source TEXT, rule TEXT, rule_ref TEXT,
  status TEXT, done_at TEXT, assignee TEXT, note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX tasks_open ON tasks(status, due_at);
CREATE INDEX tasks_person ON tasks(person_id);
CREATE INDEX tasks_case ON tasks(case_id);

CREATE TABLE case_themes (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, case_id TEXT, theme_key TEXT, free_text TEXT, label TEXT, note TEXT,
  noted_at TEXT, noted_by TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX case_themes_case ON case_themes(case_id);
CREATE INDEX case_themes_person ON case_themes(person_id);

CREATE TABLE documents (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT, owner_kind TEXT, owner_id TEXT, file_name TEXT, mime_type TEXT,
  size_bytes INTEGER, sha256 TEXT, chunk_size INTEGER, chunk_count INTEGER, added_by TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, deleted_at TEXT
);
CREATE INDEX documents_person ON documents(person_id);
CREATE INDEX documents_owner ON documents(owner_kind, owner_id);

-- Local only: the content of documents, in chunks (see documents/ and sync/documents).
CREATE TABLE document_chunks (
  document_id TEXT NOT NULL,
  idx         INTEGER NOT NULL,
  data        BLOB NOT NULL,
  PRIMARY KEY (document_id, idx)
) WITHOUT ROWID;
`,
};
