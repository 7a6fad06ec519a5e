import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import {
  EnvelopeError,
  exportIdentity,
  exportPublicKeys,
  fromBase64Url,
  generateIdentity,
  importIdentity,
  keyFingerprint,
  keyIdOf,
  openEnvelope,
  readEnvelopeHeader,
  sealEnvelope,
  signErrorStatement,
  toBase64Url,
  utf8,
  verifyErrorProof,
  type Envelope,
  type EnvelopeHeader,
  type KeyIdentity,
} from '../../../shared/sync';

const [device, server, stranger] = await Promise.all([generateIdentity(), generateIdentity(), generateIdentity()]);
const deviceId = uuidv7();

function header(overrides: Partial<EnvelopeHeader> = {}): EnvelopeHeader {
  return { v: 1, kind: 'push', deviceId, keyId: 'server-key', batchSeq: 1, time: Date.now(), requestId: uuidv7(), ...overrides };
}

const body = { deviceId, note: 'Vermerk: Termin beim Jobcenter am 12.03. – Ärztin, Übersetzung Tigrinya' };

async function seal(to: KeyIdentity = server, from: KeyIdentity = device, h = header()): Promise<Envelope> {
  return sealEnvelope({ header: h, body, recipientPublicKey: to.x25519.publicKey, senderSigningKey: from.ed25519.privateKey });
}

async function open(envelope: unknown, to: KeyIdentity = server, from: KeyIdentity = device) {
  return openEnvelope({ envelope, senderVerifyKey: from.ed25519.publicKey, recipientPrivateKey: to.x25519.privateKey });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EnvelopeError) return error.reason;
    throw error;
  }
  return 'accepted';
}

/** Flip one bit in a base64url part. */
function flip(text: string, at = 5): string {
  const bytes = fromBase64Url(text);
  bytes[at % bytes.length]! ^= 0x01;
  return toBase64Url(bytes);
}

describe('envelope', () => {
  it('round-trips body and header, and the body is not readable on the wire', async () => {
    const h = header({ batchSeq: 7 });
    const envelope = await seal(server, device, h);
    expect(JSON.stringify(envelope)).not.toContain('Jobcenter');
    const opened = await open(envelope);
    expect(opened.body).toEqual(body);
    expect(opened.header).toEqual(h);
  });

  it('refuses tampered ciphertext, header, enc and signature', async () => {
    const envelope = await seal();
    expect(await refusal(open({ ...envelope, ct: flip(envelope.ct) }))).toBe('bad-signature');
    expect(await refusal(open({ ...envelope, enc: flip(envelope.enc) }))).toBe('bad-signature');
    expect(await refusal(open({ ...envelope, sig: flip(envelope.sig) }))).toBe('bad-signature');
    const forgedHeader = toBase64Url(utf8(JSON.stringify({ ...readEnvelopeHeader(envelope).header, batchSeq: 2 })));
    expect(await refusal(open({ ...envelope, h: forgedHeader }))).toBe('bad-signature');
    expect(await refusal(open({ ...envelope, h: 'not json' }))).toBe('malformed');
  });

  it('refuses a re-signed envelope whose header was changed: the header is HPKE associated data', async () => {
    const envelope = await seal();
    const forged = utf8(JSON.stringify({ ...readEnvelopeHeader(envelope).header, batchSeq: 9 }));
    // An attacker holding a signing key (here: the device's own) still cannot move the ciphertext under another header.
    const { lengthPrefixed } = await import('../../../shared/sync/encoding');
    const { sign } = await import('../../../shared/sync/keys');
    const sig = await sign(
      device.ed25519.privateKey,
      lengthPrefixed(utf8('KIM-Fallakte envelope v1'), forged, fromBase64Url(envelope.enc), fromBase64Url(envelope.ct)),
    );
    expect(await refusal(open({ ...envelope, h: toBase64Url(forged), sig: toBase64Url(sig) }))).toBe('decrypt-failed');
  });

  it('refuses the wrong recipient and the wrong sender', async () => {
    const envelope = await seal();
    expect(await refusal(open(envelope, stranger))).toBe('decrypt-failed');
    expect(await refusal(open(envelope, server, stranger))).toBe('bad-signature');
  });

  it('refuses a header that does not say what the recipient expects', async () => {
    const envelope = await seal();
    const result = openEnvelope({
      envelope,
      senderVerifyKey: device.ed25519.publicKey,
      recipientPrivateKey: server.x25519.privateKey,
      expect: { kind: 'pull' },
    });
    expect(await refusal(result)).toBe('unexpected-header');
  });

  it('stops inflating at the size limit', async () => {
    const big = await sealEnvelope({
      header: header(),
      body: { filler: 'a'.repeat(100_000) },
      recipientPublicKey: server.x25519.publicKey,
      senderSigningKey: device.ed25519.privateKey,
    });
    expect(big.ct.length).toBeLessThan(5_000);
    const result = openEnvelope({
      envelope: big,
      senderVerifyKey: device.ed25519.publicKey,
      recipientPrivateKey: server.x25519.privateKey,
      maxBytes: 10_000,
    });
    expect(await refusal(result)).toBe('too-large');
  });
});

describe('keys', () => {
  it('export and import keep the identity working', async () => {
    const exported = await exportIdentity(device);
    const again = await importIdentity(JSON.parse(JSON.stringify(exported)) as typeof exported);
    const envelope = await sealEnvelope({
      header: header(),
      body,
      recipientPublicKey: again.x25519.publicKey,
      senderSigningKey: again.ed25519.privateKey,
    });
    expect((await open(envelope, device, device)).body).toEqual(body);
    expect(await exportPublicKeys(again)).toEqual(await exportPublicKeys(device));
  });

  it('gives a fingerprint of six five-digit groups, stable and distinct per key', async () => {
    const keys = await exportPublicKeys(server);
    const fingerprint = await keyFingerprint(keys);
    expect(fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(await keyFingerprint(keys)).toBe(fingerprint);
    expect(await keyFingerprint(await exportPublicKeys(stranger))).not.toBe(fingerprint);
    expect(await keyIdOf(keys)).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});

describe('signed refusals', () => {
  it('verifies only for the right key, code, device and request', async () => {
    const requestId = uuidv7();
    const proof = await signErrorStatement({ code: 'DEVICE_REVOKED', deviceId, requestId, time: Date.now() }, server.ed25519.privateKey, 'k');
    const expected = { code: 'DEVICE_REVOKED' as const, deviceId, requestId };
    expect(await verifyErrorProof(proof, server.ed25519.publicKey, expected)).toBe(true);
    expect(await verifyErrorProof(proof, stranger.ed25519.publicKey, expected)).toBe(false);
    expect(await verifyErrorProof(proof, server.ed25519.publicKey, { ...expected, requestId: uuidv7() })).toBe(false);
    expect(await verifyErrorProof({ ...proof, statement: flip(proof.statement) }, server.ed25519.publicKey, expected)).toBe(false);
  });
});
