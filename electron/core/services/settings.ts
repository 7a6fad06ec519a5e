import { settingsSchema, type Settings } from '../../../shared/ipc/contract';
import type { Db } from '../db-types';

/**
 * Device-local preferences of a profile, kept inside its encrypted store (they are not synced:
 * the lock time fits the device, not the person).
 */
export const defaultSettings: Settings = { autoLockMinutes: 10, locale: 'de' };

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // an unreadable value falls back to its default below
    }
  }
  const merged = { ...defaultSettings };
  const autoLock = settingsSchema.shape.autoLockMinutes.safeParse(stored.autoLockMinutes);
  if (autoLock.success) merged.autoLockMinutes = autoLock.data;
  const locale = settingsSchema.shape.locale.safeParse(stored.locale);
  if (locale.success) merged.locale = locale.data;
  return merged;
}

export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && key in settingsSchema.shape) upsert.run(key, JSON.stringify(value));
    }
  })();
  return getSettings(db);
}
