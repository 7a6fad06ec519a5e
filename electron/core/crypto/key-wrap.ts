import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The database key lives on disk only wrapped (AES-256-GCM) by the password-derived key. GCM's
 * tag doubles as the password check: a wrong password fails authentication, and nothing else
 * derived from the password is stored.
 */
export interface WrappedKey {
  readonly algorithm: 'aes-256-gcm';
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

export const databaseKeyBytes = 32;

/** Binds the wrapped key to its profile, so a profile.json copied over another one fails. */
function associatedData(profileId: string): Buffer {
  return Buffer.from(`kim-fallakte/db-key/v1/${profileId}`, 'utf8');
}

export function newDatabaseKey(): Buffer {
  return randomBytes(databaseKeyBytes);
}

export function wrapKey(kek: Buffer, dbKey: Buffer, profileId: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(associatedData(profileId));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return {
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The database key, or null when the tag does not verify (wrong password or tampered file). */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, profileId: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(associatedData(profileId));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
    if (key.length !== databaseKeyBytes) {
      key.fill(0);
      return null;
    }
    return key;
  } catch {
    return null;
  }
}
