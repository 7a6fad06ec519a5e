import { z } from 'zod';
import { DOCUMENT_CHUNK_BYTES, MAX_DOCUMENT_BYTES } from '../domain/document';
import { base64UrlSchema, uuidSchema, type EnvelopeKind } from './protocol';

/**
 * Document content between a device and the county server. Field sync carries a document's
 * metadata (table `documents`); its bytes travel here, one chunk per request, so that an
 * interrupted transfer resumes at the first chunk the other side lacks. Every message is sealed
 * with the same envelope as push and pull (gzip + HPKE + Ed25519, header as AAD).
 *
 * Each body names its message `type`: the body is inside the authenticated ciphertext, so a
 * document message can never be taken for a push batch or a pull page (their schemas are strict
 * and have no `type`), even though the envelope header reuses the kinds push and pull already
 * have — a write to the server travels as 'push', a read as 'pull' (see documentEnvelopeKinds).
 */

/** A document of the maximum size has this many chunks. */
export const MAX_DOCUMENT_CHUNKS = Math.ceil(MAX_DOCUMENT_BYTES / DOCUMENT_CHUNK_BYTES);
/** Document ids per status request. */
export const MAX_STATUS_DOCUMENTS = 100;

const chunkDataChars = Math.ceil(DOCUMENT_CHUNK_BYTES / 3) * 4;
/** HTTP body of a chunk envelope: base64url (4/3) of a gzip that never grows much beyond its input. */
export const MAX_CHUNK_ENVELOPE_BYTES = Math.ceil(((chunkDataChars + 64 * 1024) * 4) / 3) + 16 * 1024;
/** HTTP body of a status or fetch request: a list of ids at most. */
export const MAX_DOCUMENT_REQUEST_ENVELOPE_BYTES = 32 * 1024;

export const documentPaths = {
  status: '/v1/documents/status',
  chunk: '/v1/documents/chunk',
  fetch: '/v1/documents/fetch',
} as const;
export type DocumentPath = (typeof documentPaths)[keyof typeof documentPaths];

/** Which envelope kinds carry each exchange (request from the device, answer from the server). */
export const documentEnvelopeKinds = {
  status: { request: 'pull', answer: 'pull-page' },
  chunk: { request: 'push', answer: 'push-ack' },
  fetch: { request: 'pull', answer: 'pull-page' },
} as const satisfies Record<keyof typeof documentPaths, { request: EnvelopeKind; answer: EnvelopeKind }>;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 (hex) erwartet');
export const chunkIndexSchema = z.number().int().min(0).max(MAX_DOCUMENT_CHUNKS - 1);
export const chunkCountSchema = z.number().int().min(1).max(MAX_DOCUMENT_CHUNKS);
/** One chunk's bytes, base64url; at most DOCUMENT_CHUNK_BYTES. */
export const chunkDataSchema = base64UrlSchema(chunkDataChars).min(1);

const distinctIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** Which chunks does the server hold of these documents? */
export const documentStatusRequestSchema = z
  .object({
    type: z.literal('documents.status'),
    deviceId: uuidSchema,
    documentIds: z.array(uuidSchema).min(1).max(MAX_STATUS_DOCUMENTS).refine(distinctIds, 'Dokument doppelt genannt'),
  })
  .strict();
export type DocumentStatusRequest = z.infer<typeof documentStatusRequestSchema>;

export const documentHoldingSchema = z
  .object({
    documentId: uuidSchema,
    /** false: the server knows no metadata of this document in the device's teams; nothing is held for it */
    known: z.boolean(),
    /** chunk indexes the server holds, ascending */
    held: z.array(chunkIndexSchema).max(MAX_DOCUMENT_CHUNKS),
  })
  .strict();
export type DocumentHolding = z.infer<typeof documentHoldingSchema>;

export const documentStatusAnswerSchema = z
  .object({
    type: z.literal('documents.status'),
    documents: z.array(documentHoldingSchema).max(MAX_STATUS_DOCUMENTS),
    serverTime: z.number().int(),
  })
  .strict();
export type DocumentStatusAnswer = z.infer<typeof documentStatusAnswerSchema>;

/** Upload of one chunk. Sent again after an interruption: stored once, acknowledged again. */
export const documentChunkUploadSchema = z
  .object({
    type: z.literal('documents.chunk'),
    deviceId: uuidSchema,
    documentId: uuidSchema,
    idx: chunkIndexSchema,
    chunkCount: chunkCountSchema,
    /** of this chunk's bytes; the server refuses the chunk when they do not match */
    sha256: sha256HexSchema,
    data: chunkDataSchema,
  })
  .strict()
  .refine((chunk) => chunk.idx < chunk.chunkCount, { message: 'Teil außerhalb des Dokuments', path: ['idx'] });
export type DocumentChunkUpload = z.infer<typeof documentChunkUploadSchema>;

export const documentChunkAckSchema = z
  .object({
    type: z.literal('documents.chunk-stored'),
    documentId: uuidSchema,
    idx: chunkIndexSchema,
    /** true: the server had this chunk already (a resent chunk) */
    duplicate: z.boolean(),
    /** true: with this chunk the server holds the whole document, checked against its sha256 */
    complete: z.boolean(),
    serverTime: z.number().int(),
  })
  .strict();
export type DocumentChunkAck = z.infer<typeof documentChunkAckSchema>;

/** Download of one chunk the status said the server holds. */
export const documentFetchRequestSchema = z
  .object({
    type: z.literal('documents.fetch'),
    deviceId: uuidSchema,
    documentId: uuidSchema,
    idx: chunkIndexSchema,
  })
  .strict();
export type DocumentFetchRequest = z.infer<typeof documentFetchRequestSchema>;

export const documentChunkDataSchema = z
  .object({
    type: z.literal('documents.chunk-data'),
    documentId: uuidSchema,
    idx: chunkIndexSchema,
    chunkCount: chunkCountSchema,
    sha256: sha256HexSchema,
    data: chunkDataSchema,
    serverTime: z.number().int(),
  })
  .strict();
export type DocumentChunkData = z.infer<typeof documentChunkDataSchema>;

/** Refusals of the document routes carry these messages (with the protocol codes of errors.ts). */
export const documentSyncMessages = {
  notInScope: 'Dieses Dokument ist dem Server nicht bekannt oder gehört nicht zu Ihren Teams.',
  chunkDamaged: 'Ein Teil eines Dokuments ist beschädigt angekommen und wurde nicht gespeichert. Er wird erneut gesendet.',
  chunkMismatch: 'Ein Teil eines Dokuments passt nicht zu seinen Angaben und wurde nicht gespeichert.',
  documentDamaged: 'Ein Dokument kam auf dem Server unvollständig oder verändert an und wird erneut gesendet.',
  chunkMissing: 'Dieser Teil des Dokuments liegt auf dem Server (noch) nicht vor.',
} as const;
