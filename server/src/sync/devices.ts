import type { Queryable } from '../db/adapter';
import { num, numOrNull, str } from '../db/values';

export interface DeviceRecord {
  readonly id: string;
  readonly userId: string;
  readonly name: string;
  readonly x25519Public: string;
  readonly ed25519Public: string;
  readonly revokedAt: number | null;
  readonly lastBatchSeq: number;
}

export async function findDevice(db: Queryable, id: string, forUpdate = false): Promise<DeviceRecord | null> {
  const rows = await db.query(
    `SELECT id, user_id, name, x25519_public, ed25519_public, revoked_at, last_batch_seq FROM device WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: str(row, 'id'),
    userId: str(row, 'user_id'),
    name: str(row, 'name'),
    x25519Public: str(row, 'x25519_public'),
    ed25519Public: str(row, 'ed25519_public'),
    revokedAt: numOrNull(row, 'revoked_at'),
    lastBatchSeq: num(row, 'last_batch_seq'),
  };
}

/** Read on every request: a user taken out of a team loses its rows at once. */
export async function teamsOfUser(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db.query('SELECT team_id FROM user_team WHERE user_id = $1 ORDER BY team_id', [userId]);
  return rows.map((row) => str(row, 'team_id'));
}

/** Read on every pull: a changed role reaches the user's devices with their next sync. */
export async function roleOfUser(db: Queryable, userId: string): Promise<string> {
  const rows = await db.query('SELECT role FROM app_user WHERE id = $1', [userId]);
  return rows[0] ? str(rows[0], 'role') : 'fallmanagement';
}
