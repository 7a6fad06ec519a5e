/** Advisory lock keys (PostgreSQL `pg_advisory_xact_lock`); any constants all instances share. */
export const pushLockKey = 0x4b494d02;
