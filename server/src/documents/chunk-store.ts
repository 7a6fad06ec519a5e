import { createHash } from 'node:crypto';
import { DOCUMENT_CHUNK_BYTES } from '../../../shared/domain/document';
import { documentSyncMessages, type DocumentChunkUpload } from '../../../shared/sync/documents-protocol';
import type { Db, Queryable, Row } from '../db/adapter';
import { num, str } from '../db/values';
import { SyncError } from '../http/sync-error';
import { deletedDocumentSql, type DocumentMeta } from './document-scope';

/**
 * The server's copy of document content, chunk by chunk. A chunk is stored only when its bytes
 * match its SHA-256 and its place in the document (index, count, length) matches the metadata;
 * a chunk sent again is acknowledged again and stored once. When the last chunk arrives, the
 * whole document is checked against the metadata's SHA-256: a mismatch drops every chunk of it,
 * so devices never download a document that cannot be right.
 */

/** Advisory lock space for documents (any constant all instances share; cf. sync/locks.ts). */
const documentLockSpace = 0x4b494d10;

export async function heldChunks(db: Queryable, documentIds: readonly string[]): Promise<Map<string, number[]>> {
  const rows = await db.query('SELECT document_id, idx FROM document_chunk WHERE document_id = ANY($1::text[]) ORDER BY document_id, idx', [documentIds]);
  const held = new Map<string, number[]>();
  for (const row of rows) {
    const id = str(row, 'document_id');
    const list = held.get(id) ?? [];
    list.push(num(row, 'idx'));
    held.set(id, list);
  }
  return held;
}

export interface StoredChunk {
  readonly duplicate: boolean;
  readonly complete: boolean;
}

export async function storeChunk(db: Db, meta: DocumentMeta, upload: DocumentChunkUpload, now: number): Promise<StoredChunk> {
  const bytes = Buffer.from(upload.data, 'base64url');
  if (sha256Hex(bytes) !== upload.sha256) throw new SyncError('INVALID_REQUEST', {}, documentSyncMessages.chunkDamaged);
  if (!fitsMetadata(meta, upload.idx, upload.chunkCount, bytes.length)) {
    throw new SyncError('INVALID_REQUEST', {}, documentSyncMessages.chunkMismatch);
  }
  const outcome = await db.transaction(async (tx) => {
    // Two devices finishing the same document at once must not both skip the completion check.
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [documentLockSpace, upload.documentId]);
    // Deleted since the request was checked: the push that deleted it has dropped its chunks
    // under this lock; none may come back after it.
    if (await isDeleted(tx, upload.documentId)) return 'deleted' as const;
    const inserted = await tx.query(
      `INSERT INTO document_chunk (document_id, idx, data, sha256, received_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (document_id, idx) DO NOTHING RETURNING idx`,
      [upload.documentId, upload.idx, bytes, upload.sha256, now],
    );
    const duplicate = inserted.length === 0;
    if (duplicate) {
      const existing = await tx.query('SELECT sha256 FROM document_chunk WHERE document_id = $1 AND idx = $2', [upload.documentId, upload.idx]);
      // Content never changes (a new version is a new document): a different chunk here is wrong.
      if (existing[0] && str(existing[0], 'sha256') !== upload.sha256) return 'mismatch' as const;
    }
    const held = num((await tx.query('SELECT count(*) AS n FROM document_chunk WHERE document_id = $1', [upload.documentId]))[0]!, 'n');
    if (held < upload.chunkCount) return { duplicate, complete: false };
    if (duplicate) return { duplicate, complete: true }; // checked when it became complete
    if (await wholeMatches(tx, upload.documentId, meta.sha256)) return { duplicate, complete: true };
    await tx.query('DELETE FROM document_chunk WHERE document_id = $1', [upload.documentId]);
    return 'damaged' as const;
  });
  // Refused only after the commit: the dropped chunks of a damaged document stay dropped.
  if (outcome === 'deleted') throw new SyncError('OUT_OF_SCOPE', {}, documentSyncMessages.notInScope);
  if (outcome === 'mismatch') throw new SyncError('INVALID_REQUEST', {}, documentSyncMessages.chunkMismatch);
  if (outcome === 'damaged') throw new SyncError('INVALID_REQUEST', {}, documentSyncMessages.documentDamaged);
  return outcome;
}

/**
 * A push brought tombstones: the content of each of these documents that is deleted now goes,
 * in the push's transaction, so no chunk is served after the tombstone is committed. Each
 * document under its lock, so an upload running at the same time cannot put a chunk back.
 */
export async function dropDeletedContent(tx: Queryable, documentIds: readonly string[]): Promise<void> {
  for (const documentId of [...new Set(documentIds)].sort()) {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [documentLockSpace, documentId]);
    await tx.query(`DELETE FROM document_chunk WHERE document_id = $1 AND ${deletedDocumentSql('$1')}`, [documentId]);
  }
}

async function isDeleted(tx: Queryable, documentId: string): Promise<boolean> {
  return (await tx.query(`SELECT 1 AS deleted WHERE ${deletedDocumentSql('$1')}`, [documentId])).length > 0;
}

export interface ChunkOut {
  readonly sha256: string;
  readonly data: string;
}

export async function readChunk(db: Queryable, documentId: string, idx: number): Promise<ChunkOut | null> {
  const row = (await db.query('SELECT data, sha256 FROM document_chunk WHERE document_id = $1 AND idx = $2', [documentId, idx]))[0];
  if (!row) return null;
  return { sha256: str(row, 'sha256'), data: asBuffer(bytesOf(row, 'data')).toString('base64url') };
}

/** Every chunk but the last is full; the last holds the rest of the document's size. */
function fitsMetadata(meta: DocumentMeta, idx: number, chunkCount: number, length: number): boolean {
  if (meta.chunkCount === null || meta.sizeBytes === null || meta.sha256 === null) return false;
  if (meta.chunkCount !== chunkCount || Math.ceil(meta.sizeBytes / DOCUMENT_CHUNK_BYTES) !== chunkCount) return false;
  const expected = idx < chunkCount - 1 ? DOCUMENT_CHUNK_BYTES : meta.sizeBytes - idx * DOCUMENT_CHUNK_BYTES;
  return length === expected;
}

async function wholeMatches(tx: Queryable, documentId: string, expectedSha256: string | null): Promise<boolean> {
  const hash = createHash('sha256');
  for (const row of await tx.query('SELECT data FROM document_chunk WHERE document_id = $1 ORDER BY idx', [documentId])) {
    hash.update(bytesOf(row, 'data'));
  }
  return hash.digest('hex') === expectedSha256;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `pg` gives bytea as a Buffer, PGlite as a Uint8Array. */
function bytesOf(row: Row, column: string): Uint8Array {
  const value = row[column];
  if (!(value instanceof Uint8Array)) throw new Error(`Spalte ${column}: Bytes erwartet`);
  return value;
}
