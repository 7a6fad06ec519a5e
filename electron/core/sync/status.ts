import type { SyncSettings, SyncStatus } from '../../../shared/ipc/sync-contract';
import type { Db } from '../db-types';
import { countPending } from './batch';
import { countOpenConflicts } from './conflict-store';
import { readSyncState } from './state';

/** The end-of-day reminder: changes wait and the configured local time has passed today. */
export function reminderDue(pendingChanges: number, reminderTime: string, now: number): boolean {
  if (pendingChanges === 0) return false;
  const match = /^(\d{2}):(\d{2})$/.exec(reminderTime);
  if (!match) return false;
  const local = new Date(now);
  return local.getHours() * 60 + local.getMinutes() >= Number(match[1]) * 60 + Number(match[2]);
}

export function updateNeeded(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM sync_inbox WHERE reason = 'unknown' LIMIT 1`).get() !== undefined;
}

export function syncStatus(db: Db, extra: { running: boolean; nextAutoSyncAt: number | null; now: number }): SyncStatus {
  const state = readSyncState(db);
  const pendingChanges = countPending(db);
  const enrollment = state.enrollment;
  return {
    enrolled: enrollment !== null,
    serverUrl: state.serverUrl,
    deviceId: enrollment?.deviceId ?? null,
    userName: enrollment?.userName ?? null,
    teams: enrollment ? enrollment.teams.map((team) => ({ id: team.id, name: team.name })) : [],
    lastSuccessAt: state.lastSuccessAt,
    pendingChanges,
    conflicts: countOpenConflicts(db),
    lastError: state.lastError,
    running: extra.running,
    updateNeeded: updateNeeded(db),
    reminderDue: reminderDue(pendingChanges, state.reminderTime, extra.now),
    nextAutoSyncAt: extra.nextAutoSyncAt === null ? null : new Date(extra.nextAutoSyncAt).toISOString(),
  };
}

export function syncSettings(db: Db): SyncSettings {
  const state = readSyncState(db);
  return { autoSync: state.autoSync, reminderTime: state.reminderTime };
}
