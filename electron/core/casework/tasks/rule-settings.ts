import { defaultTaskRuleSettings, taskRuleSettingsSchema, type TaskRuleSettings } from '../../../../shared/domain/task';
import type { Db } from '../../db-types';
import { prepared } from '../../store/prepared';
import { forgetRuleRun } from './rule-marker';

/**
 * The lead times of the task rules, per profile (device-local like the other settings), kept in
 * the `settings` table under their own key. Each field falls back to its default on its own, so
 * a value this version cannot read does not reset the others.
 */
const settingsKey = 'taskRules';

export function getTaskRuleSettings(db: Db): TaskRuleSettings {
  const row = prepared(db, 'SELECT value FROM settings WHERE key = ?').get(settingsKey) as { value: string } | undefined;
  if (!row) return { ...defaultTaskRuleSettings };
  let stored: unknown;
  try {
    stored = JSON.parse(row.value);
  } catch {
    return { ...defaultTaskRuleSettings };
  }
  const merged: TaskRuleSettings = { ...defaultTaskRuleSettings };
  if (typeof stored !== 'object' || stored === null) return merged;
  const values = stored as Record<string, unknown>;
  for (const key of Object.keys(taskRuleSettingsSchema.shape) as (keyof TaskRuleSettings)[]) {
    const parsed = taskRuleSettingsSchema.shape[key].safeParse(values[key]);
    if (parsed.success) merged[key] = parsed.data;
  }
  return merged;
}

/** Stores the changed lead times; the rules run again on the next "Heute" with the new ones. */
export function updateTaskRuleSettings(db: Db, patch: Partial<TaskRuleSettings>): TaskRuleSettings {
  return db.transaction(() => {
    const next: TaskRuleSettings = { ...getTaskRuleSettings(db) };
    for (const key of Object.keys(taskRuleSettingsSchema.shape) as (keyof TaskRuleSettings)[]) {
      const value = patch[key];
      if (value !== undefined) next[key] = value;
    }
    prepared(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      settingsKey,
      JSON.stringify(next),
    );
    forgetRuleRun(db);
    return next;
  })();
}
