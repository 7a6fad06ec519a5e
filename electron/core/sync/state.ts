import { z } from 'zod';
import { publicKeysSchema, type ExportedIdentity, type PublicKeysText } from '../../../shared/sync';
import type { Db } from '../db-types';
import { prepared } from '../store/prepared';

/**
 * The one `sync_state` row, read through zod: it holds keys and JSON, and a damaged value must
 * surface as "not enrolled" or a clear error, never as a half-typed object.
 */
const teamsSchema = z.array(z.object({ id: z.string(), name: z.string() }));
const exportedIdentitySchema = z.object({
  x25519Private: z.string(),
  x25519Public: z.string(),
  ed25519Private: z.string(),
  ed25519Public: z.string(),
});
const lastErrorSchema = z.object({ code: z.string(), message: z.string(), at: z.string() });
export type LastSyncError = z.infer<typeof lastErrorSchema>;

interface StateRow {
  server_url: string | null;
  device_id: string | null;
  user_id: string | null;
  user_name: string | null;
  teams: string;
  server_key_id: string | null;
  server_keys: string | null;
  server_fingerprint: string | null;
  device_keys: string | null;
  last_batch_seq: number;
  pull_cursor: string;
  last_success_at: string | null;
  last_error: string | null;
  auto_sync: number;
  reminder_time: string;
}

export interface Enrollment {
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly userName: string;
  readonly teams: readonly { id: string; name: string }[];
  readonly serverKeyId: string;
  readonly serverKeys: PublicKeysText;
  readonly serverFingerprint: string;
  readonly deviceKeys: ExportedIdentity;
}

export interface SyncState {
  /** null until the device is enrolled */
  readonly enrollment: Enrollment | null;
  readonly lastBatchSeq: number;
  readonly cursor: string;
  readonly lastSuccessAt: string | null;
  readonly lastError: LastSyncError | null;
  readonly autoSync: boolean;
  readonly reminderTime: string;
  /** shown even when keys are gone (after a wipe of keys the device is no longer enrolled) */
  readonly serverUrl: string | null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function readSyncState(db: Db): SyncState {
  const row = prepared(db, 'SELECT * FROM sync_state WHERE id = 1').get() as StateRow | undefined;
  if (!row) throw new Error('sync_state row missing');
  const teams = teamsSchema.safeParse(parseJson(row.teams));
  const serverKeys = publicKeysSchema.safeParse(parseJson(row.server_keys));
  const deviceKeys = exportedIdentitySchema.safeParse(parseJson(row.device_keys));
  const lastError = lastErrorSchema.safeParse(parseJson(row.last_error));
  const enrollment: Enrollment | null =
    row.server_url !== null &&
    row.device_id !== null &&
    row.user_id !== null &&
    row.server_key_id !== null &&
    row.server_fingerprint !== null &&
    serverKeys.success &&
    deviceKeys.success &&
    teams.success
      ? {
          serverUrl: row.server_url,
          deviceId: row.device_id,
          userId: row.user_id,
          userName: row.user_name ?? '',
          teams: teams.data,
          serverKeyId: row.server_key_id,
          serverKeys: serverKeys.data,
          serverFingerprint: row.server_fingerprint,
          deviceKeys: deviceKeys.data,
        }
      : null;
  return {
    enrollment,
    lastBatchSeq: row.last_batch_seq,
    cursor: row.pull_cursor,
    lastSuccessAt: row.last_success_at,
    lastError: lastError.success ? lastError.data : null,
    autoSync: row.auto_sync === 1,
    reminderTime: row.reminder_time,
    serverUrl: row.server_url,
  };
}

/** The team a new person gets: the user's first team, or none before enrolment. */
export function defaultTeamId(db: Db): string | null {
  return readSyncState(db).enrollment?.teams[0]?.id ?? null;
}

/** What the server tells about the user and the county besides rows: at enrolment and with pulls. */
export interface ServerFacts {
  /** the user's role; absent from an older server */
  readonly role?: string | undefined;
  /** the county reference data; absent when the device holds the current version */
  readonly referenceData?: unknown;
}

export function saveEnrollment(db: Db, enrollment: Enrollment, facts: ServerFacts, enrolledAt: string): void {
  db.prepare(
    `UPDATE sync_state SET server_url = ?, device_id = ?, user_id = ?, user_name = ?, teams = ?, server_key_id = ?,
       server_keys = ?, server_fingerprint = ?, device_keys = ?, reference_data = ?, role = ?, enrolled_at = ?,
       last_batch_seq = 0, pull_cursor = '0', audit_sent_seq = 0, last_error = NULL
     WHERE id = 1`,
  ).run(
    enrollment.serverUrl,
    enrollment.deviceId,
    enrollment.userId,
    enrollment.userName,
    JSON.stringify(enrollment.teams),
    enrollment.serverKeyId,
    JSON.stringify(enrollment.serverKeys),
    enrollment.serverFingerprint,
    JSON.stringify(enrollment.deviceKeys),
    facts.referenceData === undefined ? null : JSON.stringify(facts.referenceData),
    facts.role ?? null,
    enrolledAt,
  );
}

/**
 * Role and reference data from a pull page, in the page's transaction. Stored as they came:
 * electron/core/casework/reference.ts parses them on every read and falls back to the least
 * role and the starting sets, so a value this version cannot read never breaks a screen.
 */
export function saveServerFacts(db: Db, facts: ServerFacts): void {
  if (facts.role !== undefined) prepared(db, 'UPDATE sync_state SET role = ? WHERE id = 1').run(facts.role);
  if (facts.referenceData !== undefined) {
    prepared(db, 'UPDATE sync_state SET reference_data = ? WHERE id = 1').run(JSON.stringify(facts.referenceData));
  }
}

const versionOnlySchema = z.object({ version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) });

/**
 * The version of the reference data this device holds, sent with each pull so the server
 * resends the data only when it changed. Read loosely (just the version): data of a newer
 * format that this app cannot use is still "had", not asked for again on every pull.
 */
export function knownReferenceVersion(db: Db): number | null {
  const row = prepared(db, 'SELECT reference_data FROM sync_state WHERE id = 1').get() as { reference_data: string | null } | undefined;
  const parsed = versionOnlySchema.safeParse(parseJson(row?.reference_data ?? null));
  return parsed.success ? parsed.data.version : null;
}

/** After a key rotation notice (signed with the key the device trusted). */
export function saveServerKey(db: Db, keyId: string, keys: PublicKeysText, fingerprint: string): void {
  db.prepare('UPDATE sync_state SET server_key_id = ?, server_keys = ?, server_fingerprint = ? WHERE id = 1').run(
    keyId,
    JSON.stringify(keys),
    fingerprint,
  );
}

export function setLastBatchSeq(db: Db, batchSeq: number): void {
  prepared(db, 'UPDATE sync_state SET last_batch_seq = ? WHERE id = 1').run(batchSeq);
}

/** The highest audit seq the server confirmed holding (with all below it). */
export function readAuditSentSeq(db: Db): number {
  return (prepared(db, 'SELECT audit_sent_seq AS seq FROM sync_state WHERE id = 1').get() as { seq: number }).seq;
}

export function setAuditSentSeq(db: Db, seq: number): void {
  prepared(db, 'UPDATE sync_state SET audit_sent_seq = ? WHERE id = 1').run(seq);
}

export function setCursor(db: Db, cursor: string): void {
  prepared(db, 'UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(cursor);
}

export function recordSuccess(db: Db, at: string): void {
  db.prepare('UPDATE sync_state SET last_success_at = ?, last_error = NULL WHERE id = 1').run(at);
}

export function recordError(db: Db, error: LastSyncError): void {
  db.prepare('UPDATE sync_state SET last_error = ? WHERE id = 1').run(JSON.stringify(error));
}

export function updateSyncSettings(db: Db, patch: { autoSync?: boolean; reminderTime?: string }): void {
  if (patch.autoSync !== undefined) db.prepare('UPDATE sync_state SET auto_sync = ? WHERE id = 1').run(patch.autoSync ? 1 : 0);
  if (patch.reminderTime !== undefined) db.prepare('UPDATE sync_state SET reminder_time = ? WHERE id = 1').run(patch.reminderTime);
}

/** The private keys leave the database: part of a wipe, before the database key is destroyed. */
export function forgetDeviceKeys(db: Db): void {
  db.prepare('UPDATE sync_state SET device_keys = NULL WHERE id = 1').run();
}
