import { hostname } from 'node:os';
import { z } from 'zod';
import {
  enrollResponseSchema,
  enrollSigningInput,
  exportIdentity,
  exportPublicKeys,
  generateIdentity,
  keyFingerprint,
  MAX_NAME_LENGTH,
  PROTOCOL_VERSION,
  publicKeysSchema,
  sign,
  toBase64Url,
  type EnrollResponse,
} from '../../../shared/sync';
import type { Db } from '../db-types';
import { latestSchemaVersion } from '../migrations/index';
import type { Workspace } from '../session/session';
import { loadClock, readMeta, writeMeta } from '../store/meta';
import { casesEntity, personsEntity } from '../write/entities';
import { writeEntity, type WriteContext } from '../write/write-path';
import { syncMessages } from './messages';
import { saveEnrollment, type Enrollment, type ServerFacts } from './state';
import { failureFromReply, normalizeServerUrl, requestJson, SyncFailure, type FetchLike } from './transport';

/** What `GET /v1/server-info` answers (server/src/routes/server-info.ts). */
const serverInfoSchema = z.object({
  protocolVersion: z.number().int(),
  keyId: z.string().max(64),
  publicKeys: publicKeysSchema,
  fingerprint: z.string().max(80),
  serverTime: z.number().int(),
});

/**
 * The fingerprint shown before enrolment. It is computed here from the keys, not taken from the
 * server's text, so what the person compares is what the device will later check.
 */
export async function probeServer(fetchFn: FetchLike, input: string): Promise<{ serverUrl: string; fingerprint: string }> {
  const serverUrl = normalizeServerUrl(input);
  const reply = await requestJson(fetchFn, `${serverUrl}/v1/server-info`, { method: 'GET' });
  if (reply.status !== 200) throw failureFromReply(reply);
  const info = serverInfoSchema.safeParse(reply.body);
  if (!info.success) throw new SyncFailure('NOT_A_SERVER', syncMessages.notAServer);
  if (info.data.protocolVersion !== PROTOCOL_VERSION) throw failureFromReply({ status: 426, body: undefined });
  return { serverUrl, fingerprint: await keyFingerprint(info.data.publicKeys) };
}

/** Digits only: "12345 67890 …", "12345-67890…" and "1234567890…" are the same fingerprint. */
export function sameFingerprint(a: string, b: string): boolean {
  const digits = (text: string) => text.replace(/\D/g, '');
  return digits(a).length > 0 && digits(a) === digits(b);
}

export interface EnrollInput {
  readonly serverUrl: string;
  readonly code: string;
  readonly expectedFingerprint: string;
  readonly deviceName?: string | undefined;
}

function defaultDeviceName(): string {
  try {
    return hostname().trim() || 'Laptop';
  } catch {
    return 'Laptop';
  }
}

/**
 * Network half of enrolment: a fresh identity, the signed request, the server's answer checked
 * against the fingerprint the person confirmed. Nothing is stored here; a mismatch throws and
 * leaves the device as it was.
 */
export async function requestEnrollment(
  fetchFn: FetchLike,
  input: EnrollInput,
  now: () => number,
): Promise<{ enrollment: Enrollment; response: EnrollResponse }> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  const identity = await generateIdentity();
  const publicKeys = await exportPublicKeys(identity);
  const deviceName = (input.deviceName?.trim() || defaultDeviceName()).slice(0, MAX_NAME_LENGTH);
  const code = input.code.trim();
  const time = now();
  const signature = toBase64Url(await sign(identity.ed25519.privateKey, enrollSigningInput({ code, deviceName, publicKeys, time })));
  const reply = await requestJson(fetchFn, `${serverUrl}/v1/enroll`, {
    method: 'POST',
    body: { protocolVersion: PROTOCOL_VERSION, code, deviceName, publicKeys, time, signature },
  });
  if (reply.status !== 200) throw failureFromReply(reply);
  const parsed = enrollResponseSchema.safeParse(reply.body);
  if (!parsed.success) throw new SyncFailure('NOT_A_SERVER', syncMessages.notAServer);
  const response = parsed.data;
  const fingerprint = await keyFingerprint(response.server.publicKeys);
  if (!sameFingerprint(fingerprint, input.expectedFingerprint)) {
    throw new SyncFailure('FINGERPRINT_MISMATCH', syncMessages.fingerprintMismatch);
  }
  return {
    response,
    enrollment: {
      serverUrl,
      deviceId: response.deviceId,
      userId: response.userId,
      userName: response.userName,
      teams: response.teams,
      serverKeyId: response.server.keyId,
      serverKeys: response.server.publicKeys,
      serverFingerprint: fingerprint,
      deviceKeys: await exportIdentity(identity),
    },
  };
}

/**
 * Database half, in ONE transaction: the identity and scope, the role and reference data; the device id from the server
 * becomes the HLC's device id (stamps of edits not yet pushed are re-labelled, their order
 * kept); a re-enrolment forgets batch numbers, cursor and server versions of the old
 * registration; then persons without a team get the user's first team, and cases their
 * person's team — through the normal write path, so those changes sync like any edit.
 * Returns the new clock for the session.
 */
export function storeEnrollment(ws: Workspace, enrollment: Enrollment, facts: ServerFacts): ReturnType<typeof loadClock> {
  const db = ws.db;
  return db.transaction(() => {
    const oldDeviceId = readMeta(db, 'device_id');
    saveEnrollment(db, enrollment, facts, new Date(ws.now()).toISOString());
    if (oldDeviceId !== null && oldDeviceId !== enrollment.deviceId) relabelStamps(db, oldDeviceId, enrollment.deviceId);
    forgetOldRegistration(db);
    writeMeta(db, 'device_id', enrollment.deviceId);
    const clock = loadClock(db, ws.now);
    const ctx: WriteContext = { db, clock, actor: ws.profile.userName, now: ws.now, schemaVersion: latestSchemaVersion };
    assignTeams(ctx, enrollment.teams[0]?.id ?? null);
    return clock;
  })();
}

function relabelStamps(db: Db, oldId: string, newId: string): void {
  const suffix = `-${oldId}`;
  const cut = suffix.length;
  for (const table of ['outbox', 'field_clock', 'row_clock'] as const) {
    db.prepare(`UPDATE ${table} SET hlc = substr(hlc, 1, length(hlc) - ?) || ? WHERE substr(hlc, -?) = ?`).run(cut, `-${newId}`, cut, suffix);
  }
  const last = readMeta(db, 'hlc');
  if (last !== null && last.endsWith(suffix)) writeMeta(db, 'hlc', `${last.slice(0, -cut)}-${newId}`);
}

function forgetOldRegistration(db: Db): void {
  db.prepare('UPDATE outbox SET batch_id = NULL, batch_seq = NULL, team_id = NULL, base_seq = NULL').run();
  db.prepare('UPDATE field_clock SET server_seq = NULL WHERE server_seq IS NOT NULL').run();
  db.prepare('UPDATE row_clock SET server_seq = NULL WHERE server_seq IS NOT NULL').run();
}

function assignTeams(ctx: WriteContext, teamId: string | null): void {
  if (teamId === null) return;
  const persons = ctx.db.prepare('SELECT id FROM persons WHERE team_id IS NULL AND deleted_at IS NULL').all() as { id: string }[];
  for (const { id } of persons) writeEntity(ctx, { entity: personsEntity, kind: 'update', rowId: id, values: { team_id: teamId } });
  const cases = ctx.db
    .prepare(
      `SELECT c.id, p.team_id AS person_team FROM cases c JOIN persons p ON p.id = c.person_id
       WHERE c.team_id IS NULL AND c.deleted_at IS NULL`,
    )
    .all() as { id: string; person_team: string | null }[];
  for (const row of cases) {
    writeEntity(ctx, { entity: casesEntity, kind: 'update', rowId: row.id, values: { team_id: row.person_team ?? teamId } });
  }
}
