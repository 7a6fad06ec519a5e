import { KimError } from '../../../shared/ipc/errors';
import { deriveKey, type KdfParams } from '../crypto/kdf';
import { unwrapKey } from '../crypto/key-wrap';
import { retryAfterMs, tooManyAttemptsMessage } from '../profiles/attempts';
import type { ProfileFile } from '../profiles/profile-file';
import { readProfile, saveProfile } from '../profiles/profile-repo';
import { wipedProfileMessage } from '../sync/messages';

export const wrongPasswordMessage = 'Das Passwort ist falsch.';

function kdfOf(profile: ProfileFile): KdfParams {
  return { algorithm: 'scrypt', N: profile.kdf.N, r: profile.kdf.r, p: profile.kdf.p };
}

/** Derives the key-encryption key from a password and unwraps the database key, or null. */
export async function tryUnwrap(profile: ProfileFile, password: string): Promise<Buffer | null> {
  const kek = await deriveKey(password, Buffer.from(profile.kdf.salt, 'base64'), kdfOf(profile));
  try {
    return unwrapKey(kek, profile.wrappedKey, profile.id);
  } finally {
    kek.fill(0);
  }
}

/**
 * Password → database key, with the failure counter kept in profile.json so a restart does not
 * reset it. A try inside the delay window is refused without even deriving the key.
 */
export async function unlockDatabaseKey(dataDir: string, profileId: string, password: string, now: () => number): Promise<Buffer> {
  const before = readProfile(dataDir, profileId);
  // A wiped profile has no key left to unwrap; say so instead of "wrong password".
  if (before.wipedAt !== undefined) throw new KimError('LOCKED', wipedProfileMessage);
  const wait = retryAfterMs(before.failedAttempts, before.lastFailureAt, now());
  if (wait > 0) throw new KimError('TOO_MANY_ATTEMPTS', tooManyAttemptsMessage(wait), { retryAfterMs: wait });

  const key = await tryUnwrap(before, password);
  // Re-read: the file may have changed while scrypt ran (another window, a password change).
  const profile = readProfile(dataDir, profileId);
  if (key === null) {
    const failedAttempts = profile.failedAttempts + 1;
    const at = now();
    saveProfile(dataDir, { ...profile, failedAttempts, lastFailureAt: new Date(at).toISOString() });
    const next = retryAfterMs(failedAttempts, new Date(at).toISOString(), at);
    throw new KimError(
      'WRONG_PASSWORD',
      next > 0 ? `${wrongPasswordMessage} ${tooManyAttemptsMessage(next)}` : wrongPasswordMessage,
      next > 0 ? { retryAfterMs: next } : {},
    );
  }
  if (profile.failedAttempts !== 0 || profile.lastFailureAt !== null) {
    saveProfile(dataDir, { ...profile, failedAttempts: 0, lastFailureAt: null });
  }
  return key;
}
