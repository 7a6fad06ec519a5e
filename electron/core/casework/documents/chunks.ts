import { createHash } from 'node:crypto';
import { DOCUMENT_CHUNK_BYTES } from '../../../../shared/domain/document';
import type { Db } from '../../db-types';
import { prepared } from '../../store/prepared';

/**
 * Document content on this device: table `document_chunks` (migration 004) inside the encrypted
 * store, DOCUMENT_CHUNK_BYTES per chunk. The same chunks are the unit of sync, so a download
 * stores each chunk as it arrives and an interrupted one resumes at the first missing index.
 */

export function chunkCountFor(sizeBytes: number): number {
  return Math.ceil(sizeBytes / DOCUMENT_CHUNK_BYTES);
}

/** The bytes the chunk at `idx` must have in a document of `sizeBytes`. */
export function expectedChunkLength(sizeBytes: number, idx: number): number {
  return Math.min(DOCUMENT_CHUNK_BYTES, sizeBytes - idx * DOCUMENT_CHUNK_BYTES);
}

/** Call inside the transaction that also writes the document's metadata row. */
export function writeAllChunks(db: Db, documentId: string, content: Buffer): void {
  const insert = prepared(db, 'INSERT INTO document_chunks (document_id, idx, data) VALUES (?, ?, ?)');
  for (let idx = 0; idx * DOCUMENT_CHUNK_BYTES < content.length; idx++) {
    insert.run(documentId, idx, content.subarray(idx * DOCUMENT_CHUNK_BYTES, (idx + 1) * DOCUMENT_CHUNK_BYTES));
  }
}

/** One chunk as it arrived (the caller checked it); a chunk stored twice stays as it was. */
export function storeChunk(db: Db, documentId: string, idx: number, data: Uint8Array): void {
  prepared(db, 'INSERT OR IGNORE INTO document_chunks (document_id, idx, data) VALUES (?, ?, ?)').run(documentId, idx, data);
}

export function readChunk(db: Db, documentId: string, idx: number): Buffer | null {
  const row = prepared(db, 'SELECT data FROM document_chunks WHERE document_id = ? AND idx = ?').get(documentId, idx) as
    | { data: Buffer }
    | undefined;
  return row?.data ?? null;
}

/** Indexes present, ascending (reads the keys only: the primary key holds them). */
export function presentChunkIndexes(db: Db, documentId: string): number[] {
  const rows = prepared(db, 'SELECT idx FROM document_chunks WHERE document_id = ? ORDER BY idx').all(documentId) as { idx: number }[];
  return rows.map((row) => row.idx);
}

/** The whole content, or null when a chunk is missing. */
export function assembleContent(db: Db, documentId: string, chunkCount: number): Buffer | null {
  const rows = prepared(db, 'SELECT idx, data FROM document_chunks WHERE document_id = ? ORDER BY idx').all(documentId) as {
    idx: number;
    data: Buffer;
  }[];
  if (rows.length !== chunkCount || rows.some((row, position) => row.idx !== position)) return null;
  return Buffer.concat(rows.map((row) => row.data));
}

export function deleteChunks(db: Db, documentId: string): void {
  prepared(db, 'DELETE FROM document_chunks WHERE document_id = ?').run(documentId);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
