import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../util/atomic-write';

/**
 * profile.json: everything needed to unlock a profile, and nothing derived from the password
 * except the wrapped key. The failure counter lives here so a restart does not reset it.
 */
export const profileFileSchema = z.object({
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  userName: z.string(),
  createdAt: z.string(),
  kdf: z.object({
    algorithm: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.string(),
  }),
  wrappedKey: z.object({
    algorithm: z.literal('aes-256-gcm'),
    iv: z.string(),
    ciphertext: z.string(),
    tag: z.string(),
  }),
  failedAttempts: z.number().int().nonnegative(),
  lastFailureAt: z.string().nullable(),
  /** set by a remote wipe (device revoked): the wrapped key above is random bytes now */
  wipedAt: z.string().optional(),
});
export type ProfileFile = z.infer<typeof profileFileSchema>;

export function readProfileFile(path: string): ProfileFile | null {
  if (!existsSync(path)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null; // a torn or hand-edited file is treated like a missing one
  }
  const parsed = profileFileSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export function writeProfileFile(path: string, profile: ProfileFile): void {
  writeFileAtomic(path, `${JSON.stringify(profile, null, 2)}\n`);
}
