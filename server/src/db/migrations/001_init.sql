-- The county server's tables. Times are epoch milliseconds (bigint): the same on PostgreSQL and
-- PGlite, and free of time-zone conversions.

CREATE TABLE team (
  id          text PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  created_at  bigint NOT NULL
);

CREATE TABLE app_user (
  id          text PRIMARY KEY,
  name        text NOT NULL UNIQUE,
  created_at  bigint NOT NULL
);

CREATE TABLE user_team (
  user_id     text NOT NULL REFERENCES app_user (id),
  team_id     text NOT NULL REFERENCES team (id),
  PRIMARY KEY (user_id, team_id)
);

-- Only a hash of each code is stored: a database dump does not enrol a laptop.
CREATE TABLE enrollment_code (
  code_hash       text PRIMARY KEY,
  user_id         text NOT NULL REFERENCES app_user (id),
  created_at      bigint NOT NULL,
  expires_at      bigint NOT NULL,
  used_at         bigint,
  used_by_device  text
);

CREATE TABLE device (
  id               text PRIMARY KEY,
  user_id          text NOT NULL REFERENCES app_user (id),
  name             text NOT NULL,
  x25519_public    text NOT NULL,
  ed25519_public   text NOT NULL,
  enrolled_at      bigint NOT NULL,
  revoked_at       bigint,
  last_batch_seq   bigint NOT NULL DEFAULT 0,
  last_push_at     bigint,
  last_pull_at     bigint
);

-- The stored answer to every accepted batch: a resent batch gets the same ack again.
CREATE TABLE push_batch (
  device_id     text NOT NULL REFERENCES device (id),
  batch_seq     bigint NOT NULL,
  content_hash  text NOT NULL,
  ack_json      text NOT NULL,
  created_at    bigint NOT NULL,
  PRIMARY KEY (device_id, batch_seq)
);

-- One global order for everything a device pulls. Allocated only under the push lock, so the
-- numbers become visible in order and a cursor never skips a late commit.
CREATE SEQUENCE sync_seq;

-- Every accepted change, once (op_id is unique): the log behind the field state.
CREATE TABLE change_log (
  seq             bigint PRIMARY KEY DEFAULT nextval('sync_seq'),
  op_id           text NOT NULL UNIQUE,
  device_id       text NOT NULL,
  user_id         text NOT NULL,
  team_id         text NOT NULL,
  entity          text NOT NULL,
  row_id          text NOT NULL,
  field           text NOT NULL,
  value_json      text NOT NULL,
  hlc             text NOT NULL,
  base_seq        bigint,
  schema_version  integer NOT NULL,
  received_at     bigint NOT NULL
);

-- The team of each synced row: a last-writer-wins register over the teamId of its changes.
CREATE TABLE sync_row (
  entity      text NOT NULL,
  row_id      text NOT NULL,
  team_id     text NOT NULL,
  team_hlc    text NOT NULL,
  PRIMARY KEY (entity, row_id)
);

-- The winning value of each field. version_seq is the change that set it (a device's baseSeq);
-- sync_seq is what pull pages by, renewed when the row moves to another team.
CREATE TABLE field_state (
  entity          text NOT NULL,
  row_id          text NOT NULL,
  field           text NOT NULL,
  team_id         text NOT NULL,
  value_json      text NOT NULL,
  hlc             text NOT NULL,
  device_id       text NOT NULL,
  user_id         text NOT NULL,
  op_id           text NOT NULL,
  schema_version  integer NOT NULL,
  version_seq     bigint NOT NULL,
  sync_seq        bigint NOT NULL,
  PRIMARY KEY (entity, row_id, field)
);
CREATE INDEX field_state_team_seq ON field_state (team_id, sync_seq);
CREATE INDEX field_state_seq ON field_state (sync_seq);

-- A row left a team: that team's devices delete it.
CREATE TABLE purge_log (
  sync_seq      bigint PRIMARY KEY,
  entity        text NOT NULL,
  row_id        text NOT NULL,
  from_team_id  text NOT NULL,
  to_team_id    text NOT NULL,
  created_at    bigint NOT NULL
);
CREATE INDEX purge_log_team_seq ON purge_log (from_team_id, sync_seq);

-- Concurrent edits: both values, both devices and users, both stamps. Nothing is dropped.
CREATE TABLE sync_conflict (
  id                   text PRIMARY KEY,
  entity               text NOT NULL,
  row_id               text NOT NULL,
  field                text NOT NULL,
  team_id              text NOT NULL,
  winner               text NOT NULL CHECK (winner IN ('incoming', 'server')),
  incoming_op_id       text NOT NULL,
  incoming_value_json  text NOT NULL,
  incoming_hlc         text NOT NULL,
  incoming_device_id   text NOT NULL,
  incoming_user_id     text NOT NULL,
  incoming_base_seq    bigint,
  server_op_id         text NOT NULL,
  server_value_json    text NOT NULL,
  server_hlc           text NOT NULL,
  server_device_id     text NOT NULL,
  server_user_id       text NOT NULL,
  server_seq           bigint NOT NULL,
  created_at           bigint NOT NULL,
  resolved_at          bigint
);
CREATE INDEX sync_conflict_row ON sync_conflict (entity, row_id);
