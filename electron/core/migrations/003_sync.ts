import type { Migration } from '../db-types';

/**
 * Device side of sync (DESIGN.md, Sync).
 *
 * - sync_state: ONE row (id = 1) that always exists, so settings and status work before
 *   enrolment. Enrolment fills in the server, the device identity (its private keys live only
 *   here, i.e. wrapped by the database key), the user and teams; the cursor and the last acked
 *   batchSeq move only in the transactions that apply a pull page or a push ack.
 * - field_clock.server_seq: the server version of each field (a later edit's `baseSeq`).
 * - outbox.batch_seq / base_seq / team_id: a batch is cut and written here with its number, base
 *   versions and teams BEFORE it is sent, so a resend after a dropped connection is the SAME
 *   batch. base_seq is taken when the edit is made: the version the person actually saw.
 * - sync_conflict: both values, who and when; resolved ones stay as a record.
 * - sync_inbox: pulled changes that cannot be applied yet — a field or entity of a newer schema
 *   ('unknown': kept, an update is needed) or a case whose person has not arrived ('parent').
 */
export const syncMigration: Migration = {
  version: 3,
  name: 'sync',
  sql: `
CREATE TABLE sync_state (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  server_url          TEXT,
  device_id           TEXT,
  user_id             TEXT,
  user_name           TEXT,
  teams               TEXT NOT NULL DEFAULT '[]', -- JSON [{id, name}], first = default team
  server_key_id       TEXT,
  server_keys         TEXT,                       -- JSON {x25519, ed25519} public, base64url
  server_fingerprint  TEXT,
  device_keys         TEXT,                       -- JSON ExportedIdentity (private keys)
  reference_data      TEXT,                       -- JSON, as sent on enrolment
  enrolled_at         TEXT,
  last_batch_seq      INTEGER NOT NULL DEFAULT 0, -- highest batchSeq the server acknowledged
  pull_cursor         TEXT NOT NULL DEFAULT '0',
  last_success_at     TEXT,
  last_error          TEXT,                       -- JSON {code, message, at}
  auto_sync           INTEGER NOT NULL DEFAULT 1,
  reminder_time       TEXT NOT NULL DEFAULT '17:00'
);
INSERT INTO sync_state (id) VALUES (1);

ALTER TABLE field_clock ADD COLUMN server_seq INTEGER;

ALTER TABLE outbox ADD COLUMN batch_seq INTEGER;
ALTER TABLE outbox ADD COLUMN base_seq INTEGER;
ALTER TABLE outbox ADD COLUMN team_id TEXT;
CREATE INDEX outbox_field ON outbox(entity, row_id, field);
CREATE INDEX outbox_batch_seq ON outbox(batch_seq, seq);

CREATE TABLE sync_conflict (
  id                  TEXT PRIMARY KEY NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('concurrent', 'out_of_scope', 'unsendable')),
  entity              TEXT NOT NULL,
  row_id              TEXT NOT NULL,
  field               TEXT NOT NULL,
  local_value         TEXT,          -- JSON
  local_hlc           TEXT,
  local_op_id         TEXT,          -- the local edit's opId: the server's notice for it is the same conflict
  remote_value        TEXT,          -- JSON
  remote_hlc          TEXT,
  remote_device_id    TEXT,
  remote_user_id      TEXT,
  server_conflict_id  TEXT,
  detected_at         TEXT NOT NULL,
  resolved_at         TEXT,
  resolution          TEXT CHECK (resolution IN ('local', 'remote', 'manual'))
);
CREATE INDEX sync_conflict_open ON sync_conflict(resolved_at, detected_at);
CREATE INDEX sync_conflict_op ON sync_conflict(local_op_id);

CREATE TABLE sync_inbox (
  op_id           TEXT PRIMARY KEY NOT NULL,
  reason          TEXT NOT NULL CHECK (reason IN ('unknown', 'parent')),
  entity          TEXT NOT NULL,
  row_id          TEXT NOT NULL,
  field           TEXT NOT NULL,
  change          TEXT NOT NULL, -- JSON of the pulled change as received
  received_at     TEXT NOT NULL
);
CREATE INDEX sync_inbox_reason ON sync_inbox(reason);
CREATE INDEX sync_inbox_row ON sync_inbox(entity, row_id);
`,
};
