import type { Migration } from '../db-types';

/**
 * The first schema. Every synced table carries id (UUIDv7), created_at, updated_at and
 * deleted_at (tombstone); field_clock holds the per-field HLC that decides merges; outbox holds
 * every local field change until the server has acknowledged it; audit_log is hash-chained.
 * JSON columns hold canonical JSON text. Column names are read by search/ — keep them.
 */
export const initMigration: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL -- JSON
);

CREATE TABLE persons (
  id              TEXT PRIMARY KEY NOT NULL,
  team_id         TEXT,
  family_name     TEXT NOT NULL,
  given_names     TEXT NOT NULL,
  other_spellings TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
  birth_date      TEXT NOT NULL,              -- JSON {kind, ...}
  gender          TEXT NOT NULL,
  nationalities   TEXT NOT NULL DEFAULT '[]', -- JSON
  languages       TEXT NOT NULL DEFAULT '[]', -- JSON
  residence       TEXT,                       -- JSON
  arrival_date    TEXT,
  address         TEXT,                       -- JSON
  phone           TEXT,
  email           TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX persons_team ON persons(team_id);

CREATE TABLE cases (
  id              TEXT PRIMARY KEY NOT NULL,
  team_id         TEXT,
  person_id       TEXT NOT NULL REFERENCES persons(id),
  phase           TEXT NOT NULL,
  case_manager    TEXT NOT NULL,
  opened_at       TEXT NOT NULL,
  closed_at       TEXT,
  last_contact_at TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX cases_person ON cases(person_id);
CREATE INDEX cases_manager_open ON cases(case_manager, closed_at, opened_at);

CREATE TABLE field_clock (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field  TEXT NOT NULL,
  hlc    TEXT NOT NULL,
  PRIMARY KEY (entity, row_id, field)
) WITHOUT ROWID;

CREATE TABLE outbox (
  seq            INTEGER PRIMARY KEY,
  op_id          TEXT NOT NULL UNIQUE,
  entity         TEXT NOT NULL,
  row_id         TEXT NOT NULL,
  field          TEXT NOT NULL,
  value          TEXT NOT NULL, -- JSON of the field's value
  hlc            TEXT NOT NULL,
  schema_version INTEGER NOT NULL,
  batch_id       TEXT           -- set when the row is put into a push batch
);
CREATE INDEX outbox_batch ON outbox(batch_id, seq);

CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  details   TEXT NOT NULL, -- JSON: field names only, never values
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);

-- Append-only: the app never changes or removes an audit entry. (Whoever holds the key can drop
-- these triggers; the hash chain is what detects that.)
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
};
