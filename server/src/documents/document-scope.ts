import type { Queryable, Row } from '../db/adapter';
import { str, strOrNull } from '../db/values';

/**
 * What the server knows of a document from field sync, and whether a device's user may touch
 * its content: only when the document's metadata row is in one of the user's teams (read on
 * every request, so a user taken out of a team loses access at once) and not deleted. A
 * deleted document (its `deleted_at` field set) is unknown to every route; its chunks are
 * dropped in the push that brings the tombstone (chunk-store.ts, dropDeletedContent).
 */

/** SQL: the document whose id is `rowIdSql` carries a tombstone (deleted_at not null). */
export function deletedDocumentSql(rowIdSql: string): string {
  return `EXISTS (SELECT 1 FROM field_state d WHERE d.entity = 'documents' AND d.row_id = ${rowIdSql}
    AND d.field = 'deleted_at' AND d.value_json <> 'null')`;
}
export interface DocumentMeta {
  readonly documentId: string;
  /** null while the metadata row is incomplete on the server (a field still on its way) */
  readonly chunkCount: number | null;
  readonly sizeBytes: number | null;
  readonly sha256: string | null;
}

/** The documents among `documentIds` that the user may access, with their metadata. */
export async function accessibleDocuments(db: Queryable, userId: string, documentIds: readonly string[]): Promise<Map<string, DocumentMeta>> {
  const rows = await db.query(
    `SELECT s.row_id,
       (SELECT f.value_json FROM field_state f WHERE f.entity = 'documents' AND f.row_id = s.row_id AND f.field = 'chunk_count') AS chunk_count,
       (SELECT f.value_json FROM field_state f WHERE f.entity = 'documents' AND f.row_id = s.row_id AND f.field = 'size_bytes') AS size_bytes,
       (SELECT f.value_json FROM field_state f WHERE f.entity = 'documents' AND f.row_id = s.row_id AND f.field = 'sha256') AS sha256
     FROM sync_row s
     WHERE s.entity = 'documents' AND s.row_id = ANY($1::text[])
       AND s.team_id IN (SELECT team_id FROM user_team WHERE user_id = $2)
       AND NOT ${deletedDocumentSql('s.row_id')}`,
    [documentIds, userId],
  );
  const found = new Map<string, DocumentMeta>();
  for (const row of rows) {
    const documentId = str(row, 'row_id');
    found.set(documentId, {
      documentId,
      chunkCount: jsonCount(row, 'chunk_count'),
      sizeBytes: jsonCount(row, 'size_bytes'),
      sha256: jsonText(row, 'sha256'),
    });
  }
  return found;
}

export async function accessibleDocument(db: Queryable, userId: string, documentId: string): Promise<DocumentMeta | null> {
  return (await accessibleDocuments(db, userId, [documentId])).get(documentId) ?? null;
}

/** A field value as the device pushed it (JSON text); anything unexpected counts as missing. */
function parsed(row: Row, column: string): unknown {
  const text = strOrNull(row, column);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function jsonCount(row: Row, column: string): number | null {
  const value = parsed(row, column);
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function jsonText(row: Row, column: string): string | null {
  const value = parsed(row, column);
  return typeof value === 'string' ? value : null;
}
