import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import {
  EnvelopeError,
  fromBase64Url,
  fromUtf8,
  generateIdentity,
  openEnvelope,
  ownBufferSource,
  sealEnvelope,
  toBase64Url,
  utf8,
  type Compression,
} from '../../../shared/sync';

/**
 * On Node, UTF-8 is checked and decoded by node:buffer instead of a fatal TextDecoder (faster
 * for a pull page). It must give the same text for every valid input and refuse every invalid
 * one, as the TextDecoder does in the browser.
 */
const reference = new TextDecoder('utf-8', { fatal: true });

function decodeBoth(bytes: Uint8Array): { mine: string | 'refused'; theirs: string | 'refused' } {
  const attempt = (decode: () => string) => {
    try {
      return decode();
    } catch {
      return 'refused' as const;
    }
  };
  return { mine: attempt(() => fromUtf8(bytes)), theirs: attempt(() => reference.decode(bytes)) };
}

const samples: number[][] = [
  [],
  [0x7b, 0x7d],
  [...utf8('Müller-Lüdenscheidt 😀 ق \u2028')],
  [0xef, 0xbb, 0xbf, 0x7b, 0x7d], // byte order mark: dropped, as TextDecoder does
  [0xef, 0xbb, 0xbf],
  [0xef, 0xbb],
  [0x80], // lone continuation byte
  [0xc3], // truncated sequence
  [0xc0, 0xaf], // overlong
  [0xe0, 0x80, 0xaf], // overlong
  [0xed, 0xa0, 0x80], // a surrogate, encoded
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xff],
  [0x61, 0x00, 0x62], // NUL is valid
];

describe('fromUtf8', () => {
  it('decodes and refuses exactly like a fatal TextDecoder', () => {
    const outcomes = { decoded: 0, refused: 0 };
    for (const sample of samples) {
      const { mine, theirs } = decodeBoth(new Uint8Array(sample));
      expect({ sample, mine }).toEqual({ sample, mine: theirs });
    }
    // random bytes, mostly ASCII with some high ones: both valid and invalid sequences
    let seed = 11;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    for (let round = 0; round < 3000; round++) {
      const bytes = Uint8Array.from({ length: random(12) }, () => (random(3) === 0 ? 0x80 + random(0x80) : random(0x80)));
      const { mine, theirs } = decodeBoth(bytes);
      expect({ bytes, mine }).toEqual({ bytes, mine: theirs });
      outcomes[mine === 'refused' ? 'refused' : 'decoded']++;
    }
    expect(outcomes.decoded).toBeGreaterThan(300);
    expect(outcomes.refused).toBeGreaterThan(300);
  });

  it('reads only the view it is given, not the rest of its buffer', () => {
    const buffer = utf8('xx{"a":"ä"}yy');
    expect(fromUtf8(buffer.subarray(2, buffer.length - 2))).toBe('{"a":"ä"}');
    const bom = new Uint8Array([0x41, 0xef, 0xbb, 0xbf, 0x42]);
    expect(fromUtf8(bom.subarray(1))).toBe(reference.decode(bom.subarray(1)));
  });
});

describe('base64url bytes', () => {
  it('decodes small and large texts into an ArrayBuffer of their own, the same bytes as encoded', () => {
    for (const length of [0, 1, 2, 3, 100, 5000, 300_000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 7919) % 256);
      const decoded = fromBase64Url(toBase64Url(bytes));
      expect(decoded).toEqual(bytes);
      expect(decoded.byteOffset).toBe(0);
      expect(decoded.buffer.byteLength).toBe(length);
      // so it passes to WebCrypto as it is
      expect(ownBufferSource(decoded)).toBe(decoded);
    }
    const pooled = new Uint8Array(new ArrayBuffer(16), 4, 8);
    const copy = ownBufferSource(pooled);
    expect(copy).not.toBe(pooled);
    expect(copy).toEqual(pooled);
  });
});

describe('opening an envelope whose body is not UTF-8', () => {
  it('refuses it as malformed', async () => {
    const [device, server] = await Promise.all([generateIdentity(), generateIdentity()]);
    // A sender that compresses nothing and sends bytes that are not UTF-8 (signed and sealed all the same).
    const raw: Compression = { gzip: async () => new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), gunzip: async (data) => data };
    const envelope = await sealEnvelope({
      header: { v: 1, kind: 'pull-page', deviceId: uuidv7(), keyId: 'k', time: Date.now(), requestId: uuidv7() },
      body: {},
      recipientPublicKey: device.x25519.publicKey,
      senderSigningKey: server.ed25519.privateKey,
      compression: raw,
    });
    const opening = openEnvelope({ envelope, senderVerifyKey: server.ed25519.publicKey, recipientPrivateKey: device.x25519.privateKey, compression: raw });
    await expect(opening).rejects.toEqual(new EnvelopeError('malformed'));
  });
});
