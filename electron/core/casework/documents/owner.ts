import type { DocumentOwnerKind } from '../../../../shared/domain/document';
import { KimError } from '../../../../shared/ipc/errors';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { refuseIfCaseClosed } from '../cases/case-guard';

/**
 * A document belongs to a person, or to one of that person's cases, consents or contacts. The
 * owner must exist (not deleted) and belong to the same person: a document can never end up in
 * another person's file through a mistyped or stale id.
 */
const ownerTables: Record<Exclude<DocumentOwnerKind, 'person'>, string> = { case: 'cases', consent: 'consents', contact: 'contacts' };

const notFoundMessages: Record<DocumentOwnerKind, string> = {
  person: 'Diese Person wurde nicht gefunden. Vielleicht wurde sie gelöscht.',
  case: 'Der Fall, zu dem das Dokument gehören soll, wurde bei dieser Person nicht gefunden.',
  consent: 'Die Einwilligung, zu der das Dokument gehören soll, wurde bei dieser Person nicht gefunden.',
  contact: 'Der Kontakt, zu dem das Dokument gehören soll, wurde bei dieser Person nicht gefunden.',
};

export function requireLivePerson(ws: Workspace, personId: string): void {
  if (!prepared(ws.db, 'SELECT 1 FROM persons WHERE id = ? AND deleted_at IS NULL').get(personId)) {
    throw new KimError('NOT_FOUND', notFoundMessages.person);
  }
}

export function requireOwner(ws: Workspace, personId: string, ownerKind: DocumentOwnerKind, ownerId: string): void {
  requireLivePerson(ws, personId);
  if (ownerKind === 'person') {
    if (ownerId !== personId) throw new KimError('NOT_FOUND', notFoundMessages.person);
    return;
  }
  const table = ownerTables[ownerKind];
  const found = prepared(ws.db, `SELECT 1 FROM ${table} WHERE id = ? AND person_id = ? AND deleted_at IS NULL`).get(ownerId, personId);
  if (!found) throw new KimError('NOT_FOUND', notFoundMessages[ownerKind]);
}

/**
 * A document of a case, or of a contact of a case, is part of that case's file: while the case
 * is closed it is neither added nor removed (like every other write on a closed case). The
 * person's own documents and those of a consent (which belongs to the person) stay writable.
 */
export function requireOwnerOnOpenCase(ws: Workspace, ownerKind: DocumentOwnerKind, ownerId: string): void {
  if (ownerKind === 'case') refuseIfCaseClosed(ws, ownerId);
  if (ownerKind === 'contact') {
    const contact = prepared(ws.db, 'SELECT case_id FROM contacts WHERE id = ?').get(ownerId) as { case_id: unknown } | undefined;
    refuseIfCaseClosed(ws, typeof contact?.case_id === 'string' ? contact.case_id : null);
  }
}
