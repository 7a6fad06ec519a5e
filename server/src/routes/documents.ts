import type { FastifyInstance } from 'fastify';
import {
  documentChunkUploadSchema,
  documentEnvelopeKinds,
  documentFetchRequestSchema,
  documentPaths,
  documentStatusRequestSchema,
  documentSyncMessages,
  MAX_CHUNK_ENVELOPE_BYTES,
  MAX_DOCUMENT_REQUEST_ENVELOPE_BYTES,
  type DocumentChunkAck,
  type DocumentChunkData,
  type DocumentStatusAnswer,
} from '../../../shared/sync/documents-protocol';
import { accessibleDocument, accessibleDocuments } from '../documents/document-scope';
import { heldChunks, readChunk, storeChunk } from '../documents/chunk-store';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import { openDeviceRequest, sealToDevice, type OpenedRequest } from './device-envelope';

/**
 * Document content, chunk by chunk (shared/sync/documents-protocol.ts). Sealed like push and
 * pull, rate-limited per device like them, and only for documents whose metadata row is in a
 * team of the device's user. Content never reaches a log line (the app logs route and status).
 */
export function registerDocuments(app: FastifyInstance, ctx: AppContext): void {
  app.post(documentPaths.status, { bodyLimit: MAX_DOCUMENT_REQUEST_ENVELOPE_BYTES }, async (request) => {
    const kinds = documentEnvelopeKinds.status;
    const opened = await openDeviceRequest(ctx, request, kinds.request, documentStatusRequestSchema, 'documentsPerDevice');
    requireOwnDevice(opened);
    const ids = opened.body.documentIds;
    const accessible = await accessibleDocuments(ctx.db, opened.device.userId, ids);
    const held = await heldChunks(ctx.db, [...accessible.keys()]);
    const body: DocumentStatusAnswer = {
      type: 'documents.status',
      documents: ids.map((documentId) => ({ documentId, known: accessible.has(documentId), held: held.get(documentId) ?? [] })),
      serverTime: ctx.now(),
    };
    return sealToDevice(ctx, opened, kinds.answer, {}, body);
  });

  app.post(documentPaths.chunk, { bodyLimit: MAX_CHUNK_ENVELOPE_BYTES }, async (request) => {
    const kinds = documentEnvelopeKinds.chunk;
    const opened = await openDeviceRequest(ctx, request, kinds.request, documentChunkUploadSchema, 'documentsPerDevice');
    requireOwnDevice(opened);
    const upload = opened.body;
    const meta = await accessibleDocument(ctx.db, opened.device.userId, upload.documentId);
    if (!meta) throw new SyncError('OUT_OF_SCOPE', {}, documentSyncMessages.notInScope);
    const stored = await storeChunk(ctx.db, meta, upload, ctx.now());
    const body: DocumentChunkAck = {
      type: 'documents.chunk-stored',
      documentId: upload.documentId,
      idx: upload.idx,
      duplicate: stored.duplicate,
      complete: stored.complete,
      serverTime: ctx.now(),
    };
    return sealToDevice(ctx, opened, kinds.answer, {}, body);
  });

  app.post(documentPaths.fetch, { bodyLimit: MAX_DOCUMENT_REQUEST_ENVELOPE_BYTES }, async (request) => {
    const kinds = documentEnvelopeKinds.fetch;
    const opened = await openDeviceRequest(ctx, request, kinds.request, documentFetchRequestSchema, 'documentsPerDevice');
    requireOwnDevice(opened);
    const wanted = opened.body;
    const meta = await accessibleDocument(ctx.db, opened.device.userId, wanted.documentId);
    if (!meta) throw new SyncError('OUT_OF_SCOPE', {}, documentSyncMessages.notInScope);
    const chunk = meta.chunkCount === null ? null : await readChunk(ctx.db, wanted.documentId, wanted.idx);
    if (!chunk || meta.chunkCount === null) throw new SyncError('NOT_FOUND', {}, documentSyncMessages.chunkMissing);
    const body: DocumentChunkData = {
      type: 'documents.chunk-data',
      documentId: wanted.documentId,
      idx: wanted.idx,
      chunkCount: meta.chunkCount,
      sha256: chunk.sha256,
      data: chunk.data,
      serverTime: ctx.now(),
    };
    return sealToDevice(ctx, opened, kinds.answer, {}, body);
  });
}

/** The body names the device the envelope was signed by, as push and pull require. */
function requireOwnDevice(opened: OpenedRequest<{ deviceId: string }>): void {
  if (opened.body.deviceId !== opened.device.id) throw new SyncError('INVALID_REQUEST');
}
