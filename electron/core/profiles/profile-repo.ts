import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { KimError } from '../../../shared/ipc/errors';
import type { ProfileSummary } from '../../../shared/ipc/contract';
import { uuidv7 } from '../../../shared/ids';
import { deriveKey, newKdfSalt, type KdfParams } from '../crypto/kdf';
import { newDatabaseKey, wrapKey } from '../crypto/key-wrap';
import { isValidProfileId, profileDir, profileFilePath, profilesDir } from './paths';
import { readProfileFile, writeProfileFile, type ProfileFile } from './profile-file';

export const profileNotFoundMessage = 'Dieses Profil gibt es auf diesem Gerät nicht.';

export function toSummary(profile: ProfileFile): ProfileSummary {
  return { id: profile.id, name: profile.name, userName: profile.userName, createdAt: profile.createdAt };
}

/** Profiles on this device, by name. Only names — nothing derived from a password leaves here. */
export function listProfiles(dataDir: string): ProfileSummary[] {
  const dir = profilesDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: ProfileSummary[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !isValidProfileId(entry.name)) continue;
    try {
      const profile = readProfileFile(profileFilePath(dataDir, entry.name));
      if (profile && profile.id === entry.name) out.push(toSummary(profile));
    } catch {
      // a damaged profile.json is skipped here, not fatal for the list
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

export function readProfile(dataDir: string, profileId: string): ProfileFile {
  if (!isValidProfileId(profileId)) throw new KimError('PROFILE_NOT_FOUND', profileNotFoundMessage);
  const profile = readProfileFile(profileFilePath(dataDir, profileId));
  if (!profile || profile.id !== profileId) throw new KimError('PROFILE_NOT_FOUND', profileNotFoundMessage);
  return profile;
}

export function saveProfile(dataDir: string, profile: ProfileFile): void {
  writeProfileFile(profileFilePath(dataDir, profile.id), profile);
}

export interface NewProfile {
  readonly name: string;
  readonly userName: string;
  readonly password: string;
}

/**
 * Writes a new profile.json with a fresh random database key wrapped by the password. Returns
 * the profile and the (unwrapped) key; the caller owns the key and zeroes it on lock.
 */
export async function createProfileFiles(
  dataDir: string,
  input: NewProfile,
  kdf: KdfParams,
  now: () => number,
): Promise<{ profile: ProfileFile; dbKey: Buffer }> {
  const wanted = input.name.toLocaleLowerCase('de');
  if (listProfiles(dataDir).some((p) => p.name.toLocaleLowerCase('de') === wanted)) {
    throw new KimError('PROFILE_EXISTS', 'Ein Profil mit diesem Namen gibt es auf diesem Gerät schon.', {
      fieldErrors: { name: 'Dieser Profilname ist schon vergeben.' },
    });
  }
  const id = uuidv7(now());
  const salt = newKdfSalt();
  const kek = await deriveKey(input.password, salt, kdf);
  const dbKey = newDatabaseKey();
  try {
    const profile: ProfileFile = {
      version: 1,
      id,
      name: input.name,
      userName: input.userName,
      createdAt: new Date(now()).toISOString(),
      kdf: { algorithm: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: salt.toString('base64') },
      wrappedKey: wrapKey(kek, dbKey, id),
      failedAttempts: 0,
      lastFailureAt: null,
    };
    mkdirSync(profileDir(dataDir, id), { recursive: true, mode: 0o700 });
    saveProfile(dataDir, profile);
    return { profile, dbKey };
  } catch (error) {
    dbKey.fill(0);
    throw error;
  } finally {
    kek.fill(0);
  }
}

/** Removes a profile folder that was just created and never held data (failed creation). */
export function discardNewProfile(dataDir: string, profileId: string): void {
  rmSync(profileDir(dataDir, profileId), { recursive: true, force: true });
}
