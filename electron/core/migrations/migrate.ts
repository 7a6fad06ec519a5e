import { KimError } from '../../../shared/ipc/errors';
import type { Db, Migration } from '../db-types';
import { latestSchemaVersion, migrations as allMigrations } from './index';

export const databaseTooNewMessage =
  'Diese Fallakte wurde mit einer neueren Version von KIM Fallakte gespeichert und kann mit dieser Version nicht geöffnet werden. Bitte aktualisieren Sie die App; die Datei bleibt unverändert.';

export function schemaVersionOf(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Throws DATABASE_TOO_NEW, before anything is written, when the file is ahead of this app. */
export function assertNotTooNew(db: Db, latest: number = latestSchemaVersion): void {
  if (schemaVersionOf(db) > latest) throw new KimError('DATABASE_TOO_NEW', databaseTooNewMessage);
}

/**
 * Applies every pending migration up to `target` in ONE transaction and records the version in
 * `user_version` inside it, so a crash leaves the old schema or the new one, never a mix.
 */
export function migrate(db: Db, target: number = latestSchemaVersion, list: readonly Migration[] = allMigrations): number {
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration list out of order at ${migration.name}`);
  });
  assertNotTooNew(db, list[list.length - 1]?.version ?? 0);
  const current = schemaVersionOf(db);
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  const reached = pending[pending.length - 1]!.version;
  db.transaction(() => {
    for (const migration of pending) db.exec(migration.sql);
    db.pragma(`user_version = ${reached}`);
  })();
  return reached;
}
