import {
  documentChunkAckSchema,
  documentChunkDataSchema,
  documentEnvelopeKinds,
  documentPaths,
  documentStatusAnswerSchema,
  MAX_STATUS_DOCUMENTS,
  type DocumentHolding,
} from '../../../../shared/sync/documents-protocol';
import { deleteChunks, expectedChunkLength, presentChunkIndexes, readChunk, sha256Hex, storeChunk, assembleContent } from '../../casework/documents/chunks';
import type { Db } from '../../db-types';
import type { RunKeys } from '../exchange';
import { SyncFailure, type FetchLike } from '../transport';
import { documentExchange } from './document-exchange';
import {
  documentsToDownload,
  documentsToUpload,
  dropRemovedContent,
  markServerComplete,
  type DownloadTarget,
  type UploadTarget,
} from './transfer-queue';

/**
 * The content half of a sync run, after push and pull succeeded: upload the chunks the server
 * lacks, then download the chunks this device lacks. Every chunk is one request and, on arrival,
 * one short transaction of its own — an interrupted transfer loses at most the chunk on the
 * wire, and the next run asks the server what it holds and continues from there.
 */
export interface DocumentSyncContext {
  readonly db: Db;
  readonly keys: RunKeys;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** throws when the profile was locked meanwhile; called before every database step */
  readonly alive: () => void;
}

export const documentFailureMessages = {
  damagedDownload:
    'Ein Dokument kam vom Server verändert oder unvollständig an und wurde verworfen. Es wird bei der nächsten Synchronisation erneut geladen.',
} as const;

export async function syncDocuments(ctx: DocumentSyncContext): Promise<void> {
  try {
    ctx.alive();
    dropRemovedContent(ctx.db);
    await uploadDocuments(ctx);
    ctx.alive();
    await downloadDocuments(ctx);
  } catch (error) {
    // Shown in the status line: say that it is about documents (fields are synced by now).
    if (error instanceof SyncFailure && error.code !== 'LOCKED') throw new SyncFailure(error.code, `Dokumente: ${error.message}`, error.body);
    throw error;
  }
}

async function uploadDocuments(ctx: DocumentSyncContext): Promise<void> {
  const targets = documentsToUpload(ctx.db);
  for (let start = 0; start < targets.length; start += MAX_STATUS_DOCUMENTS) {
    const batch = targets.slice(start, start + MAX_STATUS_DOCUMENTS);
    const holdings = await askStatus(ctx, batch.map((target) => target.id));
    for (const target of batch) {
      const holding = holdings.get(target.id);
      // Unknown to the server in our teams (moved away, set aside for review): nothing to send.
      if (holding?.known) await uploadMissing(ctx, target, new Set(holding.held));
    }
  }
}

async function uploadMissing(ctx: DocumentSyncContext, target: UploadTarget, held: ReadonlySet<number>): Promise<void> {
  let complete = held.size === target.chunkCount;
  for (let idx = 0; idx < target.chunkCount; idx++) {
    if (held.has(idx)) continue;
    ctx.alive();
    const data = readChunk(ctx.db, target.id, idx);
    if (!data) return; // removed meanwhile
    const ack = await documentExchange(ctx.fetch, ctx.keys, ctx.now, {
      path: documentPaths.chunk,
      kind: documentEnvelopeKinds.chunk.request,
      answerKind: documentEnvelopeKinds.chunk.answer,
      body: {
        type: 'documents.chunk',
        deviceId: ctx.keys.deviceId,
        documentId: target.id,
        idx,
        chunkCount: target.chunkCount,
        sha256: sha256Hex(data),
        data: data.toString('base64url'),
      },
      answer: documentChunkAckSchema,
    });
    if (ack.documentId !== target.id || ack.idx !== idx) throw new SyncFailure('INVALID_ANSWER', 'Der Server hat einen anderen Teil bestätigt.');
    complete = ack.complete;
  }
  ctx.alive();
  if (complete) markServerComplete(ctx.db, target.id, new Date(ctx.now()).toISOString());
}

async function downloadDocuments(ctx: DocumentSyncContext): Promise<void> {
  const targets = documentsToDownload(ctx.db);
  let damaged = false;
  for (let start = 0; start < targets.length; start += MAX_STATUS_DOCUMENTS) {
    const batch = targets.slice(start, start + MAX_STATUS_DOCUMENTS);
    const holdings = await askStatus(ctx, batch.map((target) => target.id));
    for (const target of batch) {
      const holding = holdings.get(target.id);
      // The uploading device may not have finished: take what is there, the rest next time.
      if (holding?.known && !(await downloadMissing(ctx, target, holding))) damaged = true;
    }
  }
  // The other documents were still fetched: one damaged document does not hold up the rest.
  if (damaged) throw new SyncFailure('DOCUMENT_DAMAGED', documentFailureMessages.damagedDownload);
}

/** false when what arrived does not match the metadata (then nothing of it is kept). */
async function downloadMissing(ctx: DocumentSyncContext, target: DownloadTarget, holding: DocumentHolding): Promise<boolean> {
  ctx.alive();
  const present = new Set(presentChunkIndexes(ctx.db, target.id));
  for (const idx of holding.held) {
    if (present.has(idx) || idx >= target.chunkCount) continue;
    const chunk = await documentExchange(ctx.fetch, ctx.keys, ctx.now, {
      path: documentPaths.fetch,
      kind: documentEnvelopeKinds.fetch.request,
      answerKind: documentEnvelopeKinds.fetch.answer,
      body: { type: 'documents.fetch', deviceId: ctx.keys.deviceId, documentId: target.id, idx },
      answer: documentChunkDataSchema,
    });
    const data = Buffer.from(chunk.data, 'base64url');
    const fits =
      chunk.documentId === target.id &&
      chunk.idx === idx &&
      chunk.chunkCount === target.chunkCount &&
      data.length === expectedChunkLength(target.sizeBytes, idx) &&
      sha256Hex(data) === chunk.sha256;
    if (!fits) return false;
    ctx.alive();
    // Committed on its own (autocommit): the chunk is kept even if the next request fails.
    storeChunk(ctx.db, target.id, idx, data);
    present.add(idx);
  }
  if (present.size < target.chunkCount) return true;
  ctx.alive();
  return ctx.db.transaction(() => {
    const content = assembleContent(ctx.db, target.id, target.chunkCount);
    if (content && content.length === target.sizeBytes && sha256Hex(content) === target.sha256) {
      markServerComplete(ctx.db, target.id, new Date(ctx.now()).toISOString());
      return true;
    }
    deleteChunks(ctx.db, target.id);
    return false;
  })();
}

async function askStatus(ctx: DocumentSyncContext, documentIds: readonly string[]): Promise<Map<string, DocumentHolding>> {
  const answer = await documentExchange(ctx.fetch, ctx.keys, ctx.now, {
    path: documentPaths.status,
    kind: documentEnvelopeKinds.status.request,
    answerKind: documentEnvelopeKinds.status.answer,
    body: { type: 'documents.status', deviceId: ctx.keys.deviceId, documentIds },
    answer: documentStatusAnswerSchema,
  });
  return new Map(answer.documents.filter((holding) => documentIds.includes(holding.documentId)).map((holding) => [holding.documentId, holding]));
}
