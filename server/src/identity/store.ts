import { chmod, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { exportIdentity, generateIdentity, keyFingerprint, keyIdOf } from '../../../shared/sync';

/**
 * The server identity on disk: X25519 + Ed25519 key pairs, readable only by the server's user
 * (mode 0600). It holds the current key and, after a rotation, the retired ones until their grace
 * period ends. Instances that share one PostgreSQL must share this file too (a mounted secret).
 */
const storedKeySchema = z
  .object({
    keyId: z.string(),
    createdAt: z.number().int(),
    /** set when a newer key took over; devices may still use this key until `validUntil` */
    retiredAt: z.number().int().nullable(),
    validUntil: z.number().int().nullable(),
    x25519Private: z.string(),
    x25519Public: z.string(),
    ed25519Private: z.string(),
    ed25519Public: z.string(),
  })
  .strict();
export type StoredKey = z.infer<typeof storedKeySchema>;

export const identityFileSchema = z.object({ version: z.literal(1), keys: z.array(storedKeySchema).min(1) }).strict();
export type IdentityFile = z.infer<typeof identityFileSchema>;

async function newStoredKey(now: number): Promise<StoredKey> {
  const exported = await exportIdentity(await generateIdentity());
  const keyId = await keyIdOf({ x25519: exported.x25519Public, ed25519: exported.ed25519Public });
  return { keyId, createdAt: now, retiredAt: null, validUntil: null, ...exported };
}

export async function readIdentityFile(path: string): Promise<IdentityFile> {
  const parsed = identityFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) throw new Error(`Die Schlüsseldatei ${path} ist beschädigt.`);
  return parsed.data;
}

/**
 * Loads the identity, or creates it on first start. `wx` makes creation exclusive: when two
 * instances start at once, one writes and the other reads what it wrote.
 */
export async function loadOrCreateIdentity(path: string, now = Date.now()): Promise<{ file: IdentityFile; created: boolean }> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    return { file: await readIdentityFile(path), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const file: IdentityFile = { version: 1, keys: [await newStoredKey(now)] };
  try {
    await writeFile(path, JSON.stringify(file, null, 2), { flag: 'wx', mode: 0o600 });
    return { file, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // The other instance won; give it a moment to finish writing.
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { file: await readIdentityFile(path), created: false };
  }
}

/** Writes a new file beside the old and renames it over: a crash never leaves half a key file. */
async function writeIdentityFile(path: string, file: IdentityFile): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(file, null, 2), { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

export async function rotateIdentity(path: string, graceMs: number, now = Date.now()): Promise<{ current: StoredKey; retired: StoredKey[] }> {
  const file = await readIdentityFile(path);
  const fresh = await newStoredKey(now);
  const keys = file.keys
    // keys whose grace period is over are dropped for good
    .filter((key) => key.validUntil === null || key.validUntil > now)
    .map((key) => (key.retiredAt === null ? { ...key, retiredAt: now, validUntil: now + graceMs } : key));
  await writeIdentityFile(path, { version: 1, keys: [fresh, ...keys] });
  return { current: fresh, retired: keys };
}

export async function fileMode(path: string): Promise<number> {
  return (await stat(path)).mode & 0o777;
}

export async function fingerprintOf(key: StoredKey): Promise<string> {
  return keyFingerprint({ x25519: key.x25519Public, ed25519: key.ed25519Public });
}

export function publicKeysOf(key: StoredKey) {
  return { x25519: key.x25519Public, ed25519: key.ed25519Public };
}
