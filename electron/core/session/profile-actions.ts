import { passwordProblem } from '../../../shared/password-policy';
import type { ChannelParsedInput, SessionStatus } from '../../../shared/ipc/contract';
import { KimError } from '../../../shared/ipc/errors';
import { deriveKey, newKdfSalt, type KdfParams } from '../crypto/kdf';
import { wrapKey } from '../crypto/key-wrap';
import { createProfileFiles, discardNewProfile, readProfile, saveProfile, toSummary } from '../profiles/profile-repo';
import { getSettings } from '../services/settings';
import type { Session } from './session';
import { tryUnwrap, unlockDatabaseKey, wrongPasswordMessage } from './unwrap';

export const passwordsDifferMessage = 'Die Passwörter stimmen nicht überein.';

export interface ProfileActionsDeps {
  readonly dataDir: string;
  readonly now: () => number;
  /** cost for NEW wraps; existing profiles keep the parameters stored with them */
  readonly kdf: KdfParams;
  readonly session: Session;
}

/** Checks repeat and policy; the field names are those of the form that sent them. */
function checkNewPassword(password: string, repeat: string, fields: { password: string; repeat: string }): void {
  if (password !== repeat) {
    throw new KimError('INVALID_INPUT', passwordsDifferMessage, { fieldErrors: { [fields.repeat]: passwordsDifferMessage } });
  }
  const problem = passwordProblem(password);
  if (problem) throw new KimError('WEAK_PASSWORD', problem, { fieldErrors: { [fields.password]: problem } });
}

export function sessionStatus(session: Session): SessionStatus {
  const ws = session.current();
  if (!ws) return { state: 'locked' };
  return { state: 'unlocked', profile: ws.profile, settings: getSettings(ws.db) };
}

export async function createProfile(deps: ProfileActionsDeps, input: ChannelParsedInput<'profiles.create'>): Promise<SessionStatus> {
  checkNewPassword(input.password, input.passwordRepeat, { password: 'password', repeat: 'passwordRepeat' });
  const { profile, dbKey } = await createProfileFiles(deps.dataDir, input, deps.kdf, deps.now);
  try {
    deps.session.open(toSummary(profile), dbKey);
  } catch (error) {
    // Nothing was ever stored in it: leave no half-made profile behind.
    discardNewProfile(deps.dataDir, profile.id);
    throw error;
  }
  return sessionStatus(deps.session);
}

export async function unlock(deps: ProfileActionsDeps, input: ChannelParsedInput<'session.unlock'>): Promise<SessionStatus> {
  deps.session.lock();
  const key = await unlockDatabaseKey(deps.dataDir, input.profileId, input.password, deps.now);
  deps.session.open(toSummary(readProfile(deps.dataDir, input.profileId)), key);
  return sessionStatus(deps.session);
}

/**
 * Re-wraps the SAME database key under the new password with a new salt: the database file is
 * not touched (no rekey, which this library cannot do safely in WAL mode anyway).
 */
export async function changePassword(
  deps: ProfileActionsDeps,
  input: ChannelParsedInput<'session.changePassword'>,
): Promise<{ changed: true }> {
  const ws = deps.session.require();
  checkNewPassword(input.newPassword, input.newPasswordRepeat, { password: 'newPassword', repeat: 'newPasswordRepeat' });
  const profile = readProfile(deps.dataDir, ws.profile.id);
  const key = await tryUnwrap(profile, input.oldPassword);
  if (key === null) {
    throw new KimError('WRONG_PASSWORD', wrongPasswordMessage, { fieldErrors: { oldPassword: wrongPasswordMessage } });
  }
  const salt = newKdfSalt();
  const kek = await deriveKey(input.newPassword, salt, deps.kdf);
  try {
    const current = readProfile(deps.dataDir, ws.profile.id);
    saveProfile(deps.dataDir, {
      ...current,
      kdf: { algorithm: 'scrypt', N: deps.kdf.N, r: deps.kdf.r, p: deps.kdf.p, salt: salt.toString('base64') },
      wrappedKey: wrapKey(kek, key, current.id),
      failedAttempts: 0,
      lastFailureAt: null,
    });
  } finally {
    kek.fill(0);
    key.fill(0);
  }
  return { changed: true };
}
