import { uuidv7 } from '../../../shared/ids';
import {
  EnvelopeError,
  importIdentity,
  importPublicKeys,
  openEnvelope,
  PROTOCOL_VERSION,
  sealEnvelope,
  verifyErrorProof,
  type EnvelopeKind,
  type KeyIdentity,
  type PublicKeySet,
} from '../../../shared/sync';
import type { auditPath } from '../../../shared/sync/audit-protocol';
import type { DocumentPath } from '../../../shared/sync/documents-protocol';
import { syncMessages } from './messages';
import { nodeCompression } from './node-compression';
import type { Enrollment } from './state';
import { failureFromReply, requestJson, SyncFailure, type FetchLike } from './transport';

const compression = nodeCompression();

/** The keys of one sync run, imported once from the stored enrolment. */
export interface RunKeys {
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly identity: KeyIdentity;
  readonly server: PublicKeySet;
  readonly serverKeyId: string;
}

export async function importRunKeys(enrollment: Enrollment): Promise<RunKeys> {
  return {
    serverUrl: enrollment.serverUrl,
    deviceId: enrollment.deviceId,
    identity: await importIdentity(enrollment.deviceKeys),
    server: await importPublicKeys(enrollment.serverKeys),
    serverKeyId: enrollment.serverKeyId,
  };
}

/** The server said, in a statement signed with the key this device enrolled with, that it is revoked. */
export class DeviceRevokedError extends Error {
  constructor() {
    super('device revoked (verified)');
    this.name = 'DeviceRevokedError';
  }
}

export interface ExchangeRequest<T> {
  readonly path: '/v1/push' | '/v1/pull' | DocumentPath | typeof auditPath;
  readonly kind: EnvelopeKind;
  readonly answerKind: EnvelopeKind;
  /** push names its batch, pull its cursor; a document request neither */
  readonly position?: { batchSeq: number } | { cursor: string };
  readonly body: unknown;
  /**
   * a zod schema, or a hand-written check with the same rules; the pull page's check also hands
   * back the grouped page expanded to its changes in full (shared/sync/pull-page-check.ts)
   */
  readonly answer: AnswerCheck<T>;
}

export interface AnswerCheck<T> {
  safeParse(input: unknown): { readonly success: true; readonly data: T } | { readonly success: false };
}

/**
 * One sealed request and its sealed answer. The answer must be signed by the enrolled server
 * key, sealed to this device, and name this request's id — else nothing of it is used. A
 * refusal that would make the device wipe itself counts only with a valid server proof.
 */
export async function exchange<T>(fetchFn: FetchLike, keys: RunKeys, now: () => number, request: ExchangeRequest<T>): Promise<T> {
  const requestId = uuidv7(now());
  const envelope = await sealEnvelope({
    header: { v: PROTOCOL_VERSION, kind: request.kind, deviceId: keys.deviceId, keyId: keys.serverKeyId, ...request.position, time: now(), requestId },
    body: request.body,
    recipientPublicKey: keys.server.x25519,
    senderSigningKey: keys.identity.ed25519.privateKey,
    compression,
  });
  const reply = await requestJson(fetchFn, `${keys.serverUrl}${request.path}`, { method: 'POST', body: envelope });
  if (reply.status !== 200) {
    const failure = failureFromReply(reply);
    if (failure.code === 'DEVICE_REVOKED') {
      const proof = failure.body?.proof;
      const verified =
        proof !== undefined &&
        (await verifyErrorProof(proof, keys.server.ed25519, { code: 'DEVICE_REVOKED', deviceId: keys.deviceId, requestId }));
      if (verified) throw new DeviceRevokedError();
      // An unsigned "revoked" may come from anyone on the path: never wipe on it.
      throw new SyncFailure('UNTRUSTED_ANSWER', syncMessages.untrustedAnswer);
    }
    throw failure;
  }
  let opened: { body: unknown };
  try {
    opened = await openEnvelope({
      envelope: reply.body,
      senderVerifyKey: keys.server.ed25519,
      recipientPrivateKey: keys.identity.x25519.privateKey,
      expect: { kind: request.answerKind, deviceId: keys.deviceId, requestId, keyId: keys.serverKeyId },
      compression,
    });
  } catch (error) {
    if (error instanceof EnvelopeError) throw new SyncFailure('UNTRUSTED_ANSWER', syncMessages.untrustedAnswer);
    throw error;
  }
  const parsed = request.answer.safeParse(opened.body);
  if (!parsed.success) throw new SyncFailure('INVALID_ANSWER', syncMessages.invalidAnswer);
  return parsed.data;
}
