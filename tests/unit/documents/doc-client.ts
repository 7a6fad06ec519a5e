import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DOCUMENT_CHUNK_BYTES } from '../../../shared/domain/document';
import { uuidv7 } from '../../../shared/ids';
import { openEnvelope, sealEnvelope, syncErrorBodySchema, type EnvelopeKind } from '../../../shared/sync';
import {
  documentChunkAckSchema,
  documentChunkDataSchema,
  documentEnvelopeKinds,
  documentPaths,
  documentStatusAnswerSchema,
  type DocumentChunkAck,
  type DocumentChunkData,
  type DocumentStatusAnswer,
} from '../../../shared/sync/documents-protocol';
import type { Reply, TestDevice } from '../server/test-device';

/**
 * The document protocol spoken by hand, for tests that must send what the app never would:
 * a wrong hash, another team's document, a body on the wrong route.
 */
export async function sendDocumentRequest<T>(
  device: TestDevice,
  path: string,
  kinds: { request: EnvelopeKind; answer: EnvelopeKind },
  body: unknown,
  answer: z.ZodType<T>,
): Promise<Reply<T>> {
  const requestId = uuidv7();
  const envelope = await sealEnvelope({
    header: { v: 1, kind: kinds.request, deviceId: device.id, keyId: device.enrollment.server.keyId, time: Date.now(), requestId },
    body,
    recipientPublicKey: device.serverKeys.x25519,
    senderSigningKey: device.identity.ed25519.privateKey,
  });
  const response = await fetch(`${device.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
  const raw = (await response.json()) as unknown;
  if (response.status !== 200) return { ok: false, status: response.status, error: syncErrorBodySchema.parse(raw) };
  const opened = await openEnvelope({
    envelope: raw,
    senderVerifyKey: device.serverKeys.ed25519,
    recipientPrivateKey: device.identity.x25519.privateKey,
    expect: { kind: kinds.answer, deviceId: device.id, requestId },
  });
  return { ok: true, status: 200, value: answer.parse(opened.body) };
}

export function status(device: TestDevice, documentIds: string[]): Promise<Reply<DocumentStatusAnswer>> {
  return sendDocumentRequest(device, documentPaths.status, documentEnvelopeKinds.status, { type: 'documents.status', deviceId: device.id, documentIds }, documentStatusAnswerSchema);
}

export function uploadChunk(
  device: TestDevice,
  chunk: { documentId: string; idx: number; chunkCount: number; data: Buffer; sha256?: string },
): Promise<Reply<DocumentChunkAck>> {
  return sendDocumentRequest(
    device,
    documentPaths.chunk,
    documentEnvelopeKinds.chunk,
    {
      type: 'documents.chunk',
      deviceId: device.id,
      documentId: chunk.documentId,
      idx: chunk.idx,
      chunkCount: chunk.chunkCount,
      sha256: chunk.sha256 ?? createHash('sha256').update(chunk.data).digest('hex'),
      data: chunk.data.toString('base64url'),
    },
    documentChunkAckSchema,
  );
}

export function fetchChunk(device: TestDevice, documentId: string, idx: number): Promise<Reply<DocumentChunkData>> {
  return sendDocumentRequest(device, documentPaths.fetch, documentEnvelopeKinds.fetch, { type: 'documents.fetch', deviceId: device.id, documentId, idx }, documentChunkDataSchema);
}

export function chunksOf(content: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < content.length; offset += DOCUMENT_CHUNK_BYTES) chunks.push(content.subarray(offset, offset + DOCUMENT_CHUNK_BYTES));
  return chunks;
}
