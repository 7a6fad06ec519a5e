import { fromBase64Url, fromUtf8, lengthPrefixed, toBase64Url, utf8, asBufferSource, ownBufferSource } from './encoding';
import { streamCompression, DecompressedTooLargeError, type Compression } from './gzip';
import { hpkeSuite, sign, verify } from './keys';
import { MAX_BODY_BYTES } from './limits';
import { envelopeHeaderSchema, envelopeSchema, type Envelope, type EnvelopeHeader, type EnvelopeKind } from './protocol';

/**
 * The end-to-end envelope (DESIGN.md, Sync): gzip, then HPKE sealed to the recipient's static
 * X25519 key with the header bytes as associated data, and the whole signed by the sender's
 * Ed25519 key. Opening runs the other way round and checks the cheapest thing first: the
 * signature, so that unauthenticated bytes never reach the decryptor or the inflater.
 */

/** HPKE `info`: binds every key schedule to this application and protocol version. */
const hpkeInfo = utf8('KIM-Fallakte sync v1');
const signatureLabel = utf8('KIM-Fallakte envelope v1');

export type EnvelopeFailure = 'malformed' | 'bad-signature' | 'decrypt-failed' | 'too-large' | 'unexpected-header';

export class EnvelopeError extends Error {
  constructor(readonly reason: EnvelopeFailure) {
    super(`Umschlag abgelehnt: ${reason}`);
    this.name = 'EnvelopeError';
  }
}

function signingInput(headerBytes: Uint8Array, enc: Uint8Array, ct: Uint8Array): Uint8Array {
  return lengthPrefixed(signatureLabel, headerBytes, enc, ct);
}

/**
 * A body that is JSON text already (the server builds pull pages from the JSON it stores):
 * sealed as it is instead of being serialised again. The text must be one JSON value.
 */
export class JsonText {
  constructor(readonly json: string) {}
}

export interface SealParams {
  readonly header: EnvelopeHeader;
  /** any JSON-serialisable value, or its text as a `JsonText` */
  readonly body: unknown;
  /** the recipient's X25519 public key */
  readonly recipientPublicKey: CryptoKey;
  /** the sender's Ed25519 private key */
  readonly senderSigningKey: CryptoKey;
  readonly compression?: Compression;
}

export async function sealEnvelope(params: SealParams): Promise<Envelope> {
  const header = envelopeHeaderSchema.parse(params.header);
  const headerBytes = utf8(JSON.stringify(header));
  const compression = params.compression ?? streamCompression;
  const json = params.body instanceof JsonText ? params.body.json : JSON.stringify(params.body);
  const plaintext = await compression.gzip(utf8(json));
  const sealed = await hpkeSuite.seal(
    { recipientPublicKey: params.recipientPublicKey, info: asBufferSource(hpkeInfo) },
    // the compressor's fresh output: not copied once more
    ownBufferSource(plaintext),
    asBufferSource(headerBytes),
  );
  const enc = new Uint8Array(sealed.enc);
  const ct = new Uint8Array(sealed.ct);
  const sig = await sign(params.senderSigningKey, signingInput(headerBytes, enc, ct));
  return { h: toBase64Url(headerBytes), enc: toBase64Url(enc), ct: toBase64Url(ct), sig: toBase64Url(sig) };
}

/**
 * The header, NOT yet authenticated: the recipient needs it to find the sender's key. Nothing in
 * it may be acted upon before `openEnvelope` succeeded.
 */
export function readEnvelopeHeader(raw: unknown): { envelope: Envelope; header: EnvelopeHeader } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) throw new EnvelopeError('malformed');
  try {
    const header = envelopeHeaderSchema.safeParse(JSON.parse(fromUtf8(fromBase64Url(envelope.data.h))));
    if (!header.success) throw new EnvelopeError('malformed');
    return { envelope: envelope.data, header: header.data };
  } catch {
    throw new EnvelopeError('malformed');
  }
}

export interface OpenParams {
  readonly envelope: unknown;
  /** the sender's Ed25519 public key */
  readonly senderVerifyKey: CryptoKey;
  /** the recipient's X25519 private key */
  readonly recipientPrivateKey: CryptoKey;
  /** what the header must say; a mismatch is refused even if the signature holds */
  readonly expect?: { kind?: EnvelopeKind; deviceId?: string; requestId?: string; keyId?: string };
  readonly maxBytes?: number;
  readonly compression?: Compression;
}

export interface OpenedEnvelope {
  readonly header: EnvelopeHeader;
  /** parsed JSON; the caller validates it with the message's schema */
  readonly body: unknown;
}

export async function openEnvelope(params: OpenParams): Promise<OpenedEnvelope> {
  const { envelope, header } = readEnvelopeHeader(params.envelope);
  const headerBytes = fromBase64Url(envelope.h);
  const enc = fromBase64Url(envelope.enc);
  const ct = fromBase64Url(envelope.ct);
  if (!(await verify(params.senderVerifyKey, fromBase64Url(envelope.sig), signingInput(headerBytes, enc, ct)))) {
    throw new EnvelopeError('bad-signature');
  }
  const expect = params.expect ?? {};
  if (
    (expect.kind !== undefined && header.kind !== expect.kind) ||
    (expect.deviceId !== undefined && header.deviceId !== expect.deviceId) ||
    (expect.requestId !== undefined && header.requestId !== expect.requestId) ||
    (expect.keyId !== undefined && header.keyId !== expect.keyId)
  ) {
    throw new EnvelopeError('unexpected-header');
  }
  let compressed: ArrayBuffer;
  try {
    compressed = await hpkeSuite.open(
      { recipientKey: params.recipientPrivateKey, enc: asBufferSource(enc), info: asBufferSource(hpkeInfo) },
      // `ct` came fresh from base64url: no copy of the largest part needed.
      ownBufferSource(ct),
      asBufferSource(headerBytes),
    );
  } catch {
    throw new EnvelopeError('decrypt-failed');
  }
  const compression = params.compression ?? streamCompression;
  let json: string;
  try {
    json = fromUtf8(await compression.gunzip(new Uint8Array(compressed), params.maxBytes ?? MAX_BODY_BYTES));
  } catch (error) {
    throw new EnvelopeError(error instanceof DecompressedTooLargeError ? 'too-large' : 'malformed');
  }
  try {
    return { header, body: JSON.parse(json) as unknown };
  } catch {
    throw new EnvelopeError('malformed');
  }
}
