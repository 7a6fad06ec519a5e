import { HybridClock } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { Db } from '../db-types';
import { prepared } from './prepared';

/**
 * Per-database facts kept in `meta`: the device id (local until enrolment hands out one) and the
 * HLC state, so stamps stay monotonic across restarts even when the laptop clock goes back.
 */
export function readMeta(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** Fills in the device id on a new database; idempotent. */
export function ensureMeta(db: Db, now: () => number): void {
  db.transaction(() => {
    if (readMeta(db, 'device_id') === null) writeMeta(db, 'device_id', uuidv7(now()));
    if (readMeta(db, 'created_at') === null) writeMeta(db, 'created_at', new Date(now()).toISOString());
  })();
}

export function loadClock(db: Db, now: () => number): HybridClock {
  const deviceId = readMeta(db, 'device_id');
  if (deviceId === null) throw new Error('database has no device id');
  return new HybridClock(deviceId, now, readMeta(db, 'hlc') ?? undefined);
}

/** Called inside every write transaction that ticked the clock. */
export function saveClock(db: Db, clock: HybridClock): void {
  writeMeta(db, 'hlc', clock.current());
}
