import { z } from 'zod';
import { uuidv7 } from '../../../shared/ids';
import { roleSchema, type Role } from '../../../shared/ipc/casework-contract';
import type { Db, Queryable, Row } from '../db/adapter';
import { num, numOrNull, str, strOrNull } from '../db/values';
import { fingerprintOf, rotateIdentity } from '../identity/store';
import { generateEnrollmentCode, hashEnrollmentCode } from '../sync/enrollment-codes';
import { AdminError } from './admin-error';

/**
 * The admin commands as plain functions over the database: the CLI parses arguments and prints,
 * tests call these directly.
 */
const nameLimit = 200;

function checkName(kind: 'Team' | 'Benutzer', english: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > nameLimit) {
    throw new AdminError(`${kind}: Name fehlt oder ist länger als ${nameLimit} Zeichen.`, `${english}: name missing or longer than ${nameLimit} characters.`);
  }
  return trimmed;
}

export async function createTeam(db: Db, input: { name: string }, now = Date.now()): Promise<{ id: string; name: string }> {
  const name = checkName('Team', 'Team', input.name);
  const id = uuidv7(now);
  const inserted = await db.query('INSERT INTO team (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id', [
    id,
    name,
    now,
  ]);
  if (inserted.length === 0) throw new AdminError(`Ein Team "${name}" gibt es schon.`, `A team "${name}" already exists.`);
  return { id, name };
}

/** Teams by id or by name: admins type names, scripts may pass ids. */
async function resolveTeams(db: Queryable, refs: readonly string[]): Promise<{ id: string; name: string }[]> {
  const teams: { id: string; name: string }[] = [];
  for (const ref of refs) {
    const rows = await db.query('SELECT id, name FROM team WHERE id = $1 OR name = $1', [ref]);
    if (!rows[0]) throw new AdminError(`Unbekanntes Team "${ref}".`, `Unknown team "${ref}".`);
    teams.push({ id: str(rows[0], 'id'), name: str(rows[0], 'name') });
  }
  return teams;
}

async function resolveUser(db: Queryable, ref: string): Promise<{ id: string; name: string }> {
  const rows = await db.query('SELECT id, name FROM app_user WHERE id = $1 OR name = $1', [ref]);
  if (!rows[0]) throw new AdminError(`Unbekannter Benutzer "${ref}".`, `Unknown user "${ref}".`);
  return { id: str(rows[0], 'id'), name: str(rows[0], 'name') };
}

/**
 * The roles a user may have (server/src/db/migrations/002_roles.sql holds the same list): a
 * case manager, or a team lead who may, for example, share data without a valid consent when
 * giving a reason that is audited.
 */
export const userRoles = roleSchema.options;
export type UserRole = Role;

function checkRole(role: string): UserRole {
  const parsed = roleSchema.safeParse(role.trim());
  if (!parsed.success) {
    throw new AdminError(
      `Unbekannte Rolle "${role}". Erlaubt: ${userRoles.join(', ')}.`,
      `Unknown role "${role}". Allowed: ${userRoles.join(', ')}.`,
    );
  }
  return parsed.data;
}

export async function createUser(
  db: Db,
  input: { name: string; teams: readonly string[]; role?: string },
  now = Date.now(),
): Promise<{ id: string; name: string; role: UserRole; teams: { id: string; name: string }[] }> {
  const name = checkName('Benutzer', 'User', input.name);
  const role = checkRole(input.role ?? 'fallmanagement');
  if (input.teams.length === 0) {
    throw new AdminError('Jeder Benutzer braucht mindestens ein Team (--teams).', 'Every user needs at least one team (--teams).');
  }
  return db.transaction(async (tx) => {
    const teams = await resolveTeams(tx, input.teams);
    const id = uuidv7(now);
    const inserted = await tx.query(
      'INSERT INTO app_user (id, name, role, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING RETURNING id',
      [id, name, role, now],
    );
    if (inserted.length === 0) throw new AdminError(`Einen Benutzer "${name}" gibt es schon.`, `A user "${name}" already exists.`);
    for (const team of teams) {
      await tx.query('INSERT INTO user_team (user_id, team_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, team.id]);
    }
    return { id, name, role, teams };
  });
}

/** The user's devices learn the new role with their next sync. */
export async function setRole(
  db: Db,
  input: { user: string; role: string },
): Promise<{ id: string; name: string; role: UserRole; previous: UserRole; changed: boolean }> {
  const role = checkRole(input.role);
  return db.transaction(async (tx) => {
    const user = await resolveUser(tx, input.user);
    const rows = await tx.query('SELECT role FROM app_user WHERE id = $1 FOR UPDATE', [user.id]);
    const previous = checkRole(str(rows[0]!, 'role'));
    if (previous !== role) await tx.query('UPDATE app_user SET role = $2 WHERE id = $1', [user.id, role]);
    return { ...user, role, previous, changed: previous !== role };
  });
}

export async function issueCode(
  db: Db,
  input: { user: string; expiresInMs: number },
  now = Date.now(),
): Promise<{ code: string; userId: string; userName: string; expiresAt: number }> {
  const user = await resolveUser(db, input.user);
  const code = generateEnrollmentCode();
  const expiresAt = now + input.expiresInMs;
  await db.query('INSERT INTO enrollment_code (code_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashEnrollmentCode(code),
    user.id,
    now,
    expiresAt,
  ]);
  return { code, userId: user.id, userName: user.name, expiresAt };
}

export interface DeviceListing {
  readonly id: string;
  readonly name: string;
  readonly userName: string;
  readonly enrolledAt: number;
  /** the later of the last push and the last pull */
  readonly lastSyncAt: number | null;
  readonly revokedAt: number | null;
  /** entries of the device's audit log the server holds */
  readonly auditEntries: number;
}

export async function listDevices(db: Db): Promise<DeviceListing[]> {
  const rows = await db.query(
    `SELECT d.id, d.name, u.name AS user_name, d.enrolled_at, d.revoked_at,
            GREATEST(d.last_push_at, d.last_pull_at) AS last_sync_at,
            (SELECT count(*) FROM device_audit a WHERE a.device_id = d.id) AS audit_entries
     FROM device d JOIN app_user u ON u.id = d.user_id ORDER BY u.name, d.enrolled_at`,
  );
  return rows.map((row) => ({
    id: str(row, 'id'),
    name: str(row, 'name'),
    userName: str(row, 'user_name'),
    enrolledAt: num(row, 'enrolled_at'),
    lastSyncAt: numOrNull(row, 'last_sync_at'),
    revokedAt: numOrNull(row, 'revoked_at'),
    auditEntries: num(row, 'audit_entries'),
  }));
}

export interface AuditListing {
  /** the device's time of the entry (ISO) */
  readonly at: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly rowId: string;
  readonly fields: readonly string[];
  readonly partnerId: string | null;
}

/** What the server stored as details (checked on upload); read defensively all the same. */
const storedDetailsSchema = z.object({ fields: z.array(z.string()).optional(), partnerId: z.string().optional() });

function readDetails(text: string): { fields: string[]; partnerId: string | null } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const details = storedDetailsSchema.safeParse(parsed);
  return details.success ? { fields: details.data.fields ?? [], partnerId: details.data.partnerId ?? null } : { fields: [], partnerId: null };
}

/**
 * The uploaded audit entries of one device, or of one row across all devices, newest first: for
 * the data-protection officer's "who did what with this file, on which laptop".
 */
export async function listAudit(db: Db, input: { deviceId: string } | { rowId: string }, limit: number): Promise<AuditListing[]> {
  let rows: Row[];
  if ('deviceId' in input) {
    const device = await db.query('SELECT id FROM device WHERE id = $1', [input.deviceId]);
    if (!device[0]) throw new AdminError(`Unbekanntes Gerät "${input.deviceId}".`, `Unknown device "${input.deviceId}".`);
    rows = await db.query(
      `SELECT a.*, d.name AS device_name FROM device_audit a JOIN device d ON d.id = a.device_id
       WHERE a.device_id = $1 ORDER BY a.seq DESC LIMIT $2`,
      [input.deviceId, limit],
    );
  } else {
    // Across devices only the entries' own times order them; seq keeps one device's order on a tie.
    rows = await db.query(
      `SELECT a.*, d.name AS device_name FROM device_audit a JOIN device d ON d.id = a.device_id
       WHERE a.row_id = $1 ORDER BY a.at::timestamptz DESC, a.device_id, a.seq DESC LIMIT $2`,
      [input.rowId, limit],
    );
  }
  return rows.map((row) => ({
    at: str(row, 'at'),
    deviceId: str(row, 'device_id'),
    deviceName: str(row, 'device_name'),
    actor: str(row, 'actor'),
    action: str(row, 'action'),
    entity: str(row, 'entity'),
    rowId: str(row, 'row_id'),
    ...readDetails(str(row, 'details_json')),
  }));
}

export async function revokeDevice(db: Db, input: { deviceId: string }, now = Date.now()): Promise<{ id: string; alreadyRevoked: boolean }> {
  const rows = await db.query('SELECT id, revoked_at FROM device WHERE id = $1', [input.deviceId]);
  if (!rows[0]) throw new AdminError(`Unbekanntes Gerät "${input.deviceId}".`, `Unknown device "${input.deviceId}".`);
  if (numOrNull(rows[0], 'revoked_at') !== null) return { id: input.deviceId, alreadyRevoked: true };
  await db.query('UPDATE device SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [input.deviceId, now]);
  return { id: input.deviceId, alreadyRevoked: false };
}

export async function listTeams(db: Db): Promise<{ id: string; name: string; users: number }[]> {
  const rows = await db.query(
    `SELECT t.id, t.name, count(ut.user_id) AS users FROM team t LEFT JOIN user_team ut ON ut.team_id = t.id GROUP BY t.id, t.name ORDER BY t.name`,
  );
  return rows.map((row) => ({ id: str(row, 'id'), name: str(row, 'name'), users: num(row, 'users') }));
}

export async function listUsers(db: Db): Promise<{ id: string; name: string; role: string; teams: string | null }[]> {
  const rows = await db.query(
    `SELECT u.id, u.name, u.role, string_agg(t.name, ', ' ORDER BY t.name) AS teams
     FROM app_user u LEFT JOIN user_team ut ON ut.user_id = u.id LEFT JOIN team t ON t.id = ut.team_id
     GROUP BY u.id, u.name, u.role ORDER BY u.name`,
  );
  return rows.map((row) => ({ id: str(row, 'id'), name: str(row, 'name'), role: str(row, 'role'), teams: strOrNull(row, 'teams') }));
}

/**
 * A new server key pair becomes current; the old one keeps working for `graceMs`, and every
 * answer signed with it carries the new public keys, so devices switch over on their next sync.
 */
export async function rotateKey(
  identityPath: string,
  input: { graceMs: number },
  now = Date.now(),
): Promise<{ keyId: string; fingerprint: string; retired: { keyId: string; validUntil: number | null }[] }> {
  const { current, retired } = await rotateIdentity(identityPath, input.graceMs, now);
  return {
    keyId: current.keyId,
    fingerprint: await fingerprintOf(current),
    retired: retired.map((key) => ({ keyId: key.keyId, validUntil: key.validUntil })),
  };
}
