-- Each device's audit log as it uploaded it (shared/sync/audit-protocol.ts,
-- server/src/sync/audit-service.ts): the device's hash chain, entry by entry, every link checked
-- on arrival. `at` is the device's own ISO time of the entry, `received_at` the server's
-- (epoch ms); `details_json` the canonical text the hash covers (field names, a partner id).
CREATE TABLE device_audit (
  device_id     text NOT NULL REFERENCES device (id),
  seq           bigint NOT NULL,
  at            text NOT NULL,
  actor         text NOT NULL,
  action        text NOT NULL,
  entity        text NOT NULL,
  row_id        text NOT NULL,
  details_json  text NOT NULL,
  prev_hash     text NOT NULL,
  hash          text NOT NULL,
  received_at   bigint NOT NULL,
  PRIMARY KEY (device_id, seq)
);
-- "Who touched this file": the admin command asks by row id alone (`audit --row`), so the row
-- id leads; the same index serves a question that names the entity too.
CREATE INDEX device_audit_row ON device_audit (row_id, entity);

-- An entry the county holds is never changed: the chain checks of later uploads compare with
-- the stored hashes, and the data-protection officer must be able to rely on what is here.
-- DELETE stays possible on purpose: audit data has a retention period (the county's deletion
-- concept), and purging a device's entries, or entries older than the period, is a deliberate
-- act by the database owner. A purge should keep each active device's newest entry, else that
-- device is told it holds nothing and sends its whole log again (README, "Audit log").
CREATE FUNCTION device_audit_refuse_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'device_audit ist unveränderlich (append-only)';
END
$$;
CREATE TRIGGER device_audit_no_update BEFORE UPDATE ON device_audit
  FOR EACH ROW EXECUTE FUNCTION device_audit_refuse_update();
