import { join } from 'node:path';

/** Where a profile's files live. Ids are checked first: they come over IPC and become paths. */
const profileIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isValidProfileId(id: string): boolean {
  return profileIdPattern.test(id);
}

export function profilesDir(dataDir: string): string {
  return join(dataDir, 'profiles');
}

export function profileDir(dataDir: string, profileId: string): string {
  if (!isValidProfileId(profileId)) throw new Error('invalid profile id');
  return join(profilesDir(dataDir), profileId);
}

export function profileFilePath(dataDir: string, profileId: string): string {
  return join(profileDir(dataDir, profileId), 'profile.json');
}

export function databasePath(dataDir: string, profileId: string): string {
  return join(profileDir(dataDir, profileId), 'case-store.db');
}

export function quarantineDir(dataDir: string): string {
  return join(dataDir, 'quarantine');
}
