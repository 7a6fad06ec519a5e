import { uuidv7 } from '../../../shared/ids';
import type { EnrollRequest } from '../../../shared/sync';
import type { Db } from '../db/adapter';
import { num, numOrNull, str } from '../db/values';
import { SyncError } from '../http/sync-error';
import { hashEnrollmentCode } from './enrollment-codes';

export interface EnrolledDevice {
  readonly deviceId: string;
  readonly userId: string;
  readonly userName: string;
  readonly role: string;
  readonly teams: { id: string; name: string }[];
}

/**
 * Redeems a one-time code: the code row is locked, checked (exists, unused, not expired), marked
 * used and the device created in one transaction, so a code can never enrol two devices.
 */
export async function enrollDevice(db: Db, request: EnrollRequest, now: number): Promise<EnrolledDevice> {
  return db.transaction(async (tx) => {
    const codes = await tx.query('SELECT user_id, expires_at, used_at FROM enrollment_code WHERE code_hash = $1 FOR UPDATE', [
      hashEnrollmentCode(request.code),
    ]);
    const code = codes[0];
    if (!code) throw new SyncError('ENROLL_CODE_INVALID');
    if (numOrNull(code, 'used_at') !== null) throw new SyncError('ENROLL_CODE_USED');
    if (num(code, 'expires_at') <= now) throw new SyncError('ENROLL_CODE_EXPIRED');

    const userId = str(code, 'user_id');
    const deviceId = uuidv7(now);
    await tx.query(
      `INSERT INTO device (id, user_id, name, x25519_public, ed25519_public, enrolled_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [deviceId, userId, request.deviceName, request.publicKeys.x25519, request.publicKeys.ed25519, now],
    );
    await tx.query('UPDATE enrollment_code SET used_at = $2, used_by_device = $3 WHERE code_hash = $1', [
      hashEnrollmentCode(request.code),
      now,
      deviceId,
    ]);
    const user = await tx.query('SELECT name, role FROM app_user WHERE id = $1', [userId]);
    const teams = await tx.query(
      'SELECT t.id, t.name FROM team t JOIN user_team ut ON ut.team_id = t.id WHERE ut.user_id = $1 ORDER BY t.name',
      [userId],
    );
    return {
      deviceId,
      userId,
      userName: user[0] ? str(user[0], 'name') : '',
      role: user[0] ? str(user[0], 'role') : 'fallmanagement',
      teams: teams.map((team) => ({ id: str(team, 'id'), name: str(team, 'name') })),
    };
  });
}
