import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { databasePath } from '../profiles/paths';
import { readProfile, saveProfile } from '../profiles/profile-repo';
import type { Session, Workspace } from '../session/session';
import { forgetDeviceKeys } from './state';

/**
 * Remote wipe after a VERIFIED revocation (DESIGN.md, Sync): the device keys leave the
 * database, the profile locks (the key in memory is zeroed), and the only wrapped copy of the
 * database key in profile.json is overwritten with random bytes. Without it the encrypted file
 * can never be opened again; it is removed as well, best effort. The profile stays listed with
 * `wipedAt`, so an unlock attempt explains what happened instead of "wrong password".
 */
export function wipeProfile(session: Session, dataDir: string, ws: Workspace, now: () => number): void {
  try {
    forgetDeviceKeys(ws.db);
  } catch {
    // the key destruction below makes the keys unreadable anyway
  }
  const profileId = ws.profile.id;
  session.lock();
  const profile = readProfile(dataDir, profileId);
  saveProfile(dataDir, {
    ...profile,
    wrappedKey: {
      algorithm: 'aes-256-gcm',
      iv: randomBytes(12).toString('base64'),
      ciphertext: randomBytes(32).toString('base64'),
      tag: randomBytes(16).toString('base64'),
    },
    wipedAt: new Date(now()).toISOString(),
  });
  const path = databasePath(dataDir, profileId);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      rmSync(file, { force: true });
    } catch {
      // a file held open by the OS (Windows) stays; without the key it is noise
    }
  }
}
