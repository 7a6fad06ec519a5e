import { DOCUMENT_CHUNK_BYTES } from '../../../../shared/domain/document';
import { MAX_DOCUMENT_CHUNKS } from '../../../../shared/sync/documents-protocol';
import type { Db } from '../../db-types';
import { prepared } from '../../store/prepared';

/**
 * Which documents still have content to move, read from the tables themselves: a document's
 * chunks on this device, its outbox rows (metadata not yet acknowledged) and whether the server
 * was seen to hold it completely (migration 005).
 */

export interface UploadTarget {
  readonly id: string;
  readonly chunkCount: number;
}

export interface DownloadTarget {
  readonly id: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly chunkCount: number;
}

const chunksHere = '(SELECT count(*) FROM document_chunks c WHERE c.document_id = d.id)';
const notConfirmed = 'NOT EXISTS (SELECT 1 FROM document_server_complete s WHERE s.document_id = d.id)';
/** The server can authorise a chunk only once it has the metadata: no field of the row may still wait in the outbox. */
const metadataAcknowledged = `NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'documents' AND o.row_id = d.id)`;

/** Complete here, not yet known complete on the server, metadata acknowledged. */
export function documentsToUpload(db: Db): UploadTarget[] {
  const rows = prepared(
    db,
    `SELECT d.id, d.chunk_count FROM documents d
     WHERE d.deleted_at IS NULL AND d.chunk_count > 0 AND ${chunksHere} = d.chunk_count AND ${notConfirmed} AND ${metadataAcknowledged}
     ORDER BY d.id`,
  ).all() as { id: string; chunk_count: number }[];
  return rows.map((row) => ({ id: row.id, chunkCount: row.chunk_count }));
}

/**
 * Known from a pull, content incomplete here. Rows a pull has not completed yet, or whose
 * numbers do not fit together, wait (a later page brings the rest).
 */
export function documentsToDownload(db: Db): DownloadTarget[] {
  const rows = prepared(
    db,
    `SELECT d.id, d.size_bytes, d.sha256, d.chunk_size, d.chunk_count FROM documents d
     WHERE d.deleted_at IS NULL AND d.chunk_count > 0 AND ${chunksHere} < d.chunk_count
     ORDER BY d.id`,
  ).all() as { id: string; size_bytes: unknown; sha256: unknown; chunk_size: unknown; chunk_count: number }[];
  return rows.flatMap((row) => {
    const size = row.size_bytes;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || typeof row.sha256 !== 'string') return [];
    if (row.chunk_size !== DOCUMENT_CHUNK_BYTES || row.chunk_count > MAX_DOCUMENT_CHUNKS) return [];
    if (Math.ceil(size / DOCUMENT_CHUNK_BYTES) !== row.chunk_count) return [];
    return [{ id: row.id, sizeBytes: size, sha256: row.sha256, chunkCount: row.chunk_count }];
  });
}

export interface DocumentTransferCounts {
  /** content here that the server does not hold completely yet (including metadata still waiting to be pushed) */
  readonly waitingToUpload: number;
  /** documents known here whose content has not fully arrived */
  readonly waitingToDownload: number;
}

export function documentTransferCounts(db: Db): DocumentTransferCounts {
  const count = (sql: string) => (prepared(db, sql).get() as { n: number }).n;
  return {
    waitingToUpload: count(
      `SELECT count(*) AS n FROM documents d WHERE d.deleted_at IS NULL AND d.chunk_count > 0 AND ${chunksHere} = d.chunk_count AND ${notConfirmed}`,
    ),
    waitingToDownload: count(`SELECT count(*) AS n FROM documents d WHERE d.deleted_at IS NULL AND d.chunk_count > 0 AND ${chunksHere} < d.chunk_count`),
  };
}

export function markServerComplete(db: Db, documentId: string, at: string): void {
  prepared(db, 'INSERT OR IGNORE INTO document_server_complete (document_id, confirmed_at) VALUES (?, ?)').run(documentId, at);
}

/**
 * Content of documents removed elsewhere (a pulled tombstone) leaves this device too. Runs over
 * the few removed documents, never over the chunk table itself.
 */
export function dropRemovedContent(db: Db): void {
  prepared(
    db,
    `DELETE FROM document_chunks WHERE document_id IN (
       SELECT d.id FROM documents d WHERE d.deleted_at IS NOT NULL AND EXISTS (SELECT 1 FROM document_chunks c WHERE c.document_id = d.id))`,
  ).run();
}
