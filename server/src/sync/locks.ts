/**
 * Advisory lock keys (PostgreSQL `pg_advisory_xact_lock`); any constants all instances share.
 * The push lock takes the schema's name, hashed, as its second key (push-service.ts): one push
 * lock per schema, as there is one sync_seq per schema.
 */
export const pushLockKey = 0x4b494d02;
