import {
  DOCUMENT_CHUNK_BYTES,
  documentSchema,
  type DocumentInfo,
  type DocumentOwnerKind,
} from '../../../../shared/domain/document';
import type { ChannelParsedInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { uuidv7 } from '../../../../shared/ids';
import { appendAudit } from '../../audit/audit-log';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { documentsEntity, type RowValues } from '../../write/entities';
import { RowMissingError, writeEntity } from '../../write/write-path';
import { assembleContent, chunkCountFor, deleteChunks, sha256Hex, writeAllChunks } from './chunks';
import { decodeDocument, requireMatchingType } from './file-checks';
import { requireLivePerson, requireOwner, requireOwnerOnOpenCase } from './owner';

/**
 * Documents attached to a person, a case, a consent or a contact. The metadata is a synced row
 * (table `documents`, written through the write path); the content is stored in chunks in the
 * same encrypted database, written in the same transaction, and travels to the server over the
 * document sync (sync/documents). Reading content is audited like opening a person's file.
 */

export const documentNotFoundMessage = 'Dieses Dokument wurde nicht gefunden. Vielleicht wurde es gelöscht.';
export const contentNotHereMessage = 'Der Inhalt dieses Dokuments wurde noch nicht übertragen. Bitte synchronisieren.';
export const contentDamagedMessage =
  'Der Inhalt dieses Dokuments ist beschädigt und kann nicht angezeigt werden. Bitte wenden Sie sich an den IT-Support.';

export function addDocument(ws: Workspace, input: ChannelParsedInput<'documents.add'>): DocumentInfo {
  // Size and type first: nothing of a refused file is stored, and the person learns why at once.
  const content = decodeDocument(input.dataBase64);
  requireMatchingType(content, input.mimeType);
  return ws.db.transaction((): DocumentInfo => {
    requireOwner(ws, input.personId, input.ownerKind, input.ownerId);
    requireOwnerOnOpenCase(ws, input.ownerKind, input.ownerId);
    const id = uuidv7(ws.now());
    writeAllChunks(ws.db, id, content);
    const { row } = writeEntity(writeContextOf(ws), {
      entity: documentsEntity,
      kind: 'create',
      rowId: id,
      values: {
        person_id: input.personId,
        owner_kind: input.ownerKind,
        owner_id: input.ownerId,
        file_name: input.fileName,
        mime_type: input.mimeType,
        size_bytes: content.length,
        sha256: sha256Hex(content),
        chunk_size: DOCUMENT_CHUNK_BYTES,
        chunk_count: chunkCountFor(content.length),
        added_by: ws.profile.userName,
      },
    });
    const info = rowToDocument({ ...row, chunks_here: chunkCountFor(content.length) });
    if (!info) throw new Error('stored document row does not parse');
    return info;
  })();
}

export interface DocumentQuery {
  readonly personId: string;
  readonly ownerKind?: DocumentOwnerKind | undefined;
  readonly ownerId?: string | undefined;
}

/** A person's documents (optionally of one owner), newest first. Rows still incomplete from a pull are left out. */
export function listDocuments(ws: Workspace, query: DocumentQuery): DocumentInfo[] {
  const filters: string[] = [];
  const params: string[] = [query.personId];
  if (query.ownerKind !== undefined) {
    filters.push('AND d.owner_kind = ?');
    params.push(query.ownerKind);
  }
  if (query.ownerId !== undefined) {
    filters.push('AND d.owner_id = ?');
    params.push(query.ownerId);
  }
  const rows = prepared(
    ws.db,
    `SELECT d.*, (SELECT count(*) FROM document_chunks c WHERE c.document_id = d.id) AS chunks_here
     FROM documents d WHERE d.person_id = ? AND d.deleted_at IS NULL ${filters.join(' ')}
     ORDER BY d.created_at DESC, d.id DESC`,
  ).all(...params) as RowValues[];
  return rows.flatMap((row) => rowToDocument(row) ?? []);
}

/** The IPC channel: the person must exist (a stale screen gets NOT_FOUND, not an empty list). */
export function listDocumentsOfPerson(ws: Workspace, query: DocumentQuery): DocumentInfo[] {
  requireLivePerson(ws, query.personId);
  return listDocuments(ws, query);
}

/** The content for the preview; recorded in the audit log in the same transaction as the read. */
export function documentContent(ws: Workspace, id: string): ChannelOutput<'documents.content'> {
  return ws.db.transaction(() => {
    const row = liveDocumentRow(ws, id);
    const info = row ? rowToDocument({ ...row, chunks_here: 0 }) : null;
    if (!row || !info) throw new KimError('NOT_FOUND', documentNotFoundMessage);
    const content = assembleContent(ws.db, id, Number(row.chunk_count));
    if (!content) throw new KimError('NOT_FOUND', contentNotHereMessage);
    if (content.length !== info.sizeBytes || sha256Hex(content) !== info.sha256) throw new KimError('INTERNAL', contentDamagedMessage);
    appendAudit(ws.db, {
      at: new Date(ws.now()).toISOString(),
      actor: ws.profile.userName,
      action: 'read',
      entity: documentsEntity.name,
      rowId: id,
      details: {},
    });
    return { id, mimeType: info.mimeType, fileName: info.fileName, dataBase64: content.toString('base64') };
  })();
}

/**
 * A tombstone for the metadata (it syncs); the content leaves this device at once. A document
 * of a closed case (or of one of its contacts) stays as long as the case is closed.
 */
export function removeDocument(ws: Workspace, id: string): { removed: true } {
  return ws.db.transaction(() => {
    const row = liveDocumentRow(ws, id);
    if (row && (row.owner_kind === 'case' || row.owner_kind === 'contact') && typeof row.owner_id === 'string') {
      requireOwnerOnOpenCase(ws, row.owner_kind, row.owner_id);
    }
    try {
      writeEntity(writeContextOf(ws), { entity: documentsEntity, kind: 'delete', rowId: id, values: {} });
    } catch (error) {
      if (error instanceof RowMissingError) throw new KimError('NOT_FOUND', documentNotFoundMessage);
      throw error;
    }
    deleteChunks(ws.db, id);
    return { removed: true as const };
  })();
}

function liveDocumentRow(ws: Workspace, id: string): RowValues | null {
  const row = prepared(ws.db, 'SELECT * FROM documents WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  return row ?? null;
}

/** A `documents` row (with `chunks_here`) → DocumentInfo; null for a row a pull has not completed. */
function rowToDocument(row: RowValues): DocumentInfo | null {
  const parsed = documentSchema.safeParse(documentCandidate(row, row.chunk_count !== null && row.chunks_here === row.chunk_count));
  return parsed.success && row.chunk_count !== null ? parsed.data : null;
}

/**
 * A `documents` row → the document to check with documentSchema; whether its content is here
 * comes from the chunks and is given (the sync's row check uses this too).
 */
export function documentCandidate(row: RowValues, contentAvailable: boolean): unknown {
  return {
    id: row.id,
    personId: row.person_id,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    addedAt: row.created_at,
    addedBy: row.added_by,
    contentAvailable,
  };
}
