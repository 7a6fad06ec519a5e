import type { z } from 'zod';
import { uuidv7 } from '../../../../shared/ids';
import { EnvelopeError, openEnvelope, PROTOCOL_VERSION, sealEnvelope, verifyErrorProof, type EnvelopeKind } from '../../../../shared/sync';
import type { DocumentPath } from '../../../../shared/sync/documents-protocol';
import { DeviceRevokedError, type RunKeys } from '../exchange';
import { syncMessages } from '../messages';
import { nodeCompression } from '../node-compression';
import { failureFromReply, requestJson, SyncFailure, type FetchLike } from '../transport';

const compression = nodeCompression();

export interface DocumentExchangeRequest<T> {
  readonly path: DocumentPath;
  readonly kind: EnvelopeKind;
  readonly answerKind: EnvelopeKind;
  readonly body: unknown;
  readonly answer: z.ZodType<T>;
}

/**
 * One sealed document request and its sealed answer, with exactly the checks of `exchange`
 * (../exchange.ts): the answer must be signed by the enrolled server key, sealed to this device
 * and name this request's id; a "revoked" counts only with the server's signed proof. A separate
 * function only because `exchange` types its paths as push and pull and requires a batch number
 * or cursor in the header, which a document request has not.
 */
export async function documentExchange<T>(fetchFn: FetchLike, keys: RunKeys, now: () => number, request: DocumentExchangeRequest<T>): Promise<T> {
  const requestId = uuidv7(now());
  const envelope = await sealEnvelope({
    header: { v: PROTOCOL_VERSION, kind: request.kind, deviceId: keys.deviceId, keyId: keys.serverKeyId, time: now(), requestId },
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
