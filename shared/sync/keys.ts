import { Aes256Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { asBufferSource, concatBytes, fromBase64Url, toBase64Url, utf8 } from './encoding';
import type { PublicKeysText } from './protocol';

/**
 * Key material of one party (a device or the server): X25519 for HPKE (others seal to it) and
 * Ed25519 for signatures (it signs what it sends). Both come from well-kept implementations —
 * @hpke/* and WebCrypto — nothing home-made.
 */

/**
 * RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. The KEM is @hpke/core's, on
 * the platform's WebCrypto X25519 (Node ≥ 20, Electron): about four times faster than the
 * pure-JS one of @hpke/dhkem-x25519, and the same raw 32-byte keys, so stored keys stay valid.
 */
export const hpkeSuite = new CipherSuite({
  kem: new DhkemX25519HkdfSha256(),
  kdf: new HkdfSha256(),
  aead: new Aes256Gcm(),
});

const subtle = () => globalThis.crypto.subtle;
const ed25519 = { name: 'Ed25519' } as const;

export interface KeyIdentity {
  readonly x25519: CryptoKeyPair;
  readonly ed25519: CryptoKeyPair;
}

/** Base64url text of every key: what is stored (private parts only ever wrapped or mode 0600). */
export interface ExportedIdentity {
  readonly x25519Private: string;
  readonly x25519Public: string;
  /** PKCS#8, the only private format WebCrypto exports for Ed25519 everywhere */
  readonly ed25519Private: string;
  readonly ed25519Public: string;
}

export interface PublicKeySet {
  readonly x25519: CryptoKey;
  readonly ed25519: CryptoKey;
}

export async function generateIdentity(): Promise<KeyIdentity> {
  const x25519 = await hpkeSuite.kem.generateKeyPair();
  const signing = (await subtle().generateKey(ed25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  return { x25519, ed25519: signing };
}

export async function exportPublicKeys(identity: KeyIdentity): Promise<PublicKeysText> {
  return {
    x25519: toBase64Url(await hpkeSuite.kem.serializePublicKey(identity.x25519.publicKey)),
    ed25519: toBase64Url(await subtle().exportKey('raw', identity.ed25519.publicKey)),
  };
}

export async function exportIdentity(identity: KeyIdentity): Promise<ExportedIdentity> {
  const publicKeys = await exportPublicKeys(identity);
  return {
    x25519Private: toBase64Url(await hpkeSuite.kem.serializePrivateKey(identity.x25519.privateKey)),
    x25519Public: publicKeys.x25519,
    ed25519Private: toBase64Url(await subtle().exportKey('pkcs8', identity.ed25519.privateKey)),
    ed25519Public: publicKeys.ed25519,
  };
}

export async function importIdentity(exported: ExportedIdentity): Promise<KeyIdentity> {
  const publicKeys = await importPublicKeys({ x25519: exported.x25519Public, ed25519: exported.ed25519Public });
  const x25519Private = await hpkeSuite.kem.deserializePrivateKey(asBufferSource(fromBase64Url(exported.x25519Private)));
  const ed25519Private = await subtle().importKey(
    'pkcs8',
    asBufferSource(fromBase64Url(exported.ed25519Private)),
    ed25519,
    true,
    ['sign'],
  );
  return {
    x25519: { publicKey: publicKeys.x25519, privateKey: x25519Private },
    ed25519: { publicKey: publicKeys.ed25519, privateKey: ed25519Private },
  };
}

export async function importPublicKeys(text: PublicKeysText): Promise<PublicKeySet> {
  const x25519 = await hpkeSuite.kem.deserializePublicKey(asBufferSource(fromBase64Url(text.x25519)));
  const signing = await subtle().importKey('raw', asBufferSource(fromBase64Url(text.ed25519)), ed25519, true, ['verify']);
  return { x25519, ed25519: signing };
}

export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(ed25519, privateKey, asBufferSource(data)));
}

/** False for any malformed input: a bad signature is an answer, not an exception. */
export async function verify(publicKey: CryptoKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return await subtle().verify(ed25519, publicKey, asBufferSource(signature), asBufferSource(data));
  } catch {
    return false;
  }
}

async function digest(label: string, keys: PublicKeysText): Promise<Uint8Array> {
  const input = concatBytes(utf8(label), fromBase64Url(keys.x25519), fromBase64Url(keys.ed25519));
  return new Uint8Array(await subtle().digest('SHA-256', asBufferSource(input)));
}

/**
 * SHA-256 of both public keys as six groups of five digits ("12345 67890 …", about 100 bits):
 * digits read aloud on the phone survive accents and bad lines better than letters.
 */
export async function keyFingerprint(keys: PublicKeysText): Promise<string> {
  const hash = await digest('KIM-Fallakte fingerprint v1\0', keys);
  const groups: string[] = [];
  for (let group = 0; group < 6; group++) {
    let number = 0;
    for (let i = 0; i < 5; i++) number = number * 256 + hash[group * 5 + i]!;
    groups.push(String(number % 100_000).padStart(5, '0'));
  }
  return groups.join(' ');
}

/** A short stable name for a key pair, for headers and rotation (not a security check). */
export async function keyIdOf(keys: PublicKeysText): Promise<string> {
  return toBase64Url((await digest('KIM-Fallakte key id v1\0', keys)).subarray(0, 12));
}
