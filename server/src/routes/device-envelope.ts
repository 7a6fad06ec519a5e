import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  EnvelopeError,
  importPublicKeys,
  openEnvelope,
  PROTOCOL_VERSION,
  readEnvelopeHeader,
  sealEnvelope,
  type Envelope,
  type EnvelopeHeader,
  type EnvelopeKind,
  type EnvelopeFailure,
  type PublicKeySet,
  type SyncErrorCode,
} from '../../../shared/sync';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import type { ServerKey } from '../identity/keyring';
import { findDevice, type DeviceRecord } from '../sync/devices';
import { nodeCompression } from '../sync/node-compression';

export interface OpenedRequest<T> {
  readonly device: DeviceRecord;
  readonly header: EnvelopeHeader;
  readonly body: T;
  readonly serverKey: ServerKey;
}

/**
 * Devices' public keys, imported once: every request would otherwise import both keys twice
 * (open and seal). Keyed by the key text itself, so a changed or new key is simply a new entry.
 */
const deviceKeyCache = new Map<string, Promise<PublicKeySet>>();
const deviceKeyCacheSize = 1000;

function deviceKeysOf(device: DeviceRecord): Promise<PublicKeySet> {
  const cacheKey = `${device.x25519Public}.${device.ed25519Public}`;
  let keys = deviceKeyCache.get(cacheKey);
  if (!keys) {
    if (deviceKeyCache.size >= deviceKeyCacheSize) deviceKeyCache.clear();
    keys = importPublicKeys({ x25519: device.x25519Public, ed25519: device.ed25519Public });
    deviceKeyCache.set(cacheKey, keys);
    keys.catch(() => deviceKeyCache.delete(cacheKey));
  }
  return keys;
}

const compression = nodeCompression();

const failureCodes: Record<EnvelopeFailure, SyncErrorCode> = {
  malformed: 'INVALID_REQUEST',
  'bad-signature': 'BAD_SIGNATURE',
  'decrypt-failed': 'DECRYPT_FAILED',
  'too-large': 'PAYLOAD_TOO_LARGE',
  'unexpected-header': 'INVALID_REQUEST',
};

/**
 * Authenticates a device's enveloped request. Order matters: the claimed device must exist, its
 * signature must hold — only then are we sure it is really that device and tell it whether it is
 * revoked — and only then is anything decrypted, inflated and parsed.
 */
export async function openDeviceRequest<T>(
  ctx: AppContext,
  request: FastifyRequest,
  kind: EnvelopeKind,
  schema: z.ZodType<T>,
  /** which per-device bucket the request draws from (document chunks have their own) */
  bucket: 'perDevice' | 'documentsPerDevice' = 'perDevice',
): Promise<OpenedRequest<T>> {
  let header: EnvelopeHeader;
  try {
    header = readEnvelopeHeader(request.body).header;
  } catch {
    throw new SyncError('INVALID_REQUEST');
  }
  if (header.v !== PROTOCOL_VERSION) throw new SyncError('PROTOCOL_VERSION');
  request.sync = { deviceId: header.deviceId, requestId: header.requestId, keyId: header.keyId };

  await ctx.keyring.refresh();
  const device = await findDevice(ctx.db, header.deviceId);
  if (!device) throw new SyncError('UNKNOWN_DEVICE');
  const deviceKeys = await deviceKeysOf(device);
  const serverKey = ctx.keyring.usable(header.keyId);

  let opened: { header: EnvelopeHeader; body: unknown };
  try {
    opened = await openEnvelope({
      envelope: request.body,
      senderVerifyKey: deviceKeys.ed25519,
      // An unknown key still gets its signature checked first (with any key; decryption then fails).
      recipientPrivateKey: (serverKey ?? ctx.keyring.current()).identity.x25519.privateKey,
      expect: { kind },
      compression,
    });
  } catch (error) {
    if (!(error instanceof EnvelopeError)) throw error;
    if (error.reason === 'bad-signature') throw new SyncError('BAD_SIGNATURE');
    if (device.revokedAt !== null) throw new SyncError('DEVICE_REVOKED');
    if (!serverKey) throw new SyncError('SERVER_KEY_UNKNOWN');
    throw new SyncError(failureCodes[error.reason]);
  }
  if (device.revokedAt !== null) throw new SyncError('DEVICE_REVOKED');
  if (!serverKey) throw new SyncError('SERVER_KEY_UNKNOWN');
  // Counted only once the signature held: nobody can use up a device's budget by naming it.
  const retryAfterMs = ctx.limiters[bucket].take(device.id);
  if (retryAfterMs > 0) throw new SyncError('RATE_LIMITED', { retryAfterMs });

  const body = schema.safeParse(opened.body);
  if (!body.success) throw new SyncError('INVALID_REQUEST');
  return { device, header: opened.header, body: body.data, serverKey };
}

/** The answer, sealed to the device and signed with the server key the device used. */
export async function sealToDevice(
  ctx: AppContext,
  opened: OpenedRequest<unknown>,
  kind: EnvelopeKind,
  position: { batchSeq?: number; cursor?: string },
  body: unknown,
): Promise<Envelope> {
  const deviceKeys = await deviceKeysOf(opened.device);
  return sealEnvelope({
    header: {
      v: PROTOCOL_VERSION,
      kind,
      deviceId: opened.device.id,
      keyId: opened.serverKey.keyId,
      ...position,
      time: ctx.now(),
      requestId: opened.header.requestId,
    },
    body,
    recipientPublicKey: deviceKeys.x25519,
    senderSigningKey: opened.serverKey.identity.ed25519.privateKey,
    compression,
  });
}
