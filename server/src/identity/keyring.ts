import { stat } from 'node:fs/promises';
import { importIdentity, type KeyIdentity, type PublicKeysText, type ServerKeyNotice } from '../../../shared/sync';
import { fingerprintOf, publicKeysOf, readIdentityFile, type IdentityFile, type StoredKey } from './store';

export interface ServerKey {
  readonly keyId: string;
  readonly identity: KeyIdentity;
  readonly publicKeys: PublicKeysText;
  readonly fingerprint: string;
  /** null for the current key */
  readonly validUntil: number | null;
}

/**
 * The server's keys in memory. After `admin rotate-key` rewrote the file, running instances
 * pick the change up on their next request (the file's mtime is checked at most once a second).
 */
export class Keyring {
  private keys = new Map<string, ServerKey>();
  private currentKey!: ServerKey;
  private mtimeMs = 0;
  private checkedAt = 0;

  private constructor(
    private readonly path: string | null,
    private readonly now: () => number,
  ) {}

  static async fromFile(path: string, now: () => number = Date.now): Promise<Keyring> {
    const keyring = new Keyring(path, now);
    await keyring.load(await readIdentityFile(path), (await stat(path)).mtimeMs);
    return keyring;
  }

  /** For tests that build identities in memory. */
  static async fromIdentityFile(file: IdentityFile, now: () => number = Date.now): Promise<Keyring> {
    const keyring = new Keyring(null, now);
    await keyring.load(file, 0);
    return keyring;
  }

  private async load(file: IdentityFile, mtimeMs: number): Promise<void> {
    const keys = new Map<string, ServerKey>();
    let current: ServerKey | undefined;
    for (const stored of file.keys) {
      const key = await toServerKey(stored);
      keys.set(key.keyId, key);
      if (stored.retiredAt === null) current = key;
    }
    if (!current) throw new Error('Die Schlüsseldatei enthält keinen aktuellen Schlüssel.');
    this.keys = keys;
    this.currentKey = current;
    this.mtimeMs = mtimeMs;
  }

  async refresh(): Promise<void> {
    if (!this.path || this.now() - this.checkedAt < 1000) return;
    this.checkedAt = this.now();
    const mtimeMs = (await stat(this.path)).mtimeMs;
    if (mtimeMs !== this.mtimeMs) await this.load(await readIdentityFile(this.path), mtimeMs);
  }

  current(): ServerKey {
    return this.currentKey;
  }

  /** A key a device may still use: the current one, or a retired one within its grace period. */
  usable(keyId: string): ServerKey | null {
    const key = this.keys.get(keyId);
    if (!key) return null;
    return key.validUntil === null || key.validUntil > this.now() ? key : null;
  }

  /** Sent along while a device still uses a retired key, signed with that (still trusted) key. */
  noticeFor(used: ServerKey): ServerKeyNotice | undefined {
    if (used.validUntil === null) return undefined;
    const current = this.currentKey;
    return { keyId: current.keyId, publicKeys: current.publicKeys, fingerprint: current.fingerprint, oldKeyValidUntil: used.validUntil };
  }
}

async function toServerKey(stored: StoredKey): Promise<ServerKey> {
  return {
    keyId: stored.keyId,
    identity: await importIdentity(stored),
    publicKeys: publicKeysOf(stored),
    fingerprint: await fingerprintOf(stored),
    validUntil: stored.retiredAt === null ? null : stored.validUntil,
  };
}
