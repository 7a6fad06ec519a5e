import { KimError } from '../../../../shared/ipc/errors';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import type { RowValues } from '../../write/entities';

export const caseNotFoundMessage = 'Dieser Fall wurde nicht gefunden.';
export const caseClosedMessage = 'Der Fall ist abgeschlossen. Bitte zuerst den Fall wieder öffnen.';

/** The live row of a case (not deleted) with its person still there, or NOT_FOUND. */
export function requireCase(ws: Workspace, caseId: string): RowValues {
  const row = prepared(
    ws.db,
    `SELECT c.* FROM cases c JOIN persons p ON p.id = c.person_id
     WHERE c.id = ? AND c.deleted_at IS NULL AND p.deleted_at IS NULL`,
  ).get(caseId) as RowValues | undefined;
  if (!row) throw new KimError('NOT_FOUND', caseNotFoundMessage);
  return row;
}

/** Like requireCase, and refuses work on a closed case (INVALID_TRANSITION). */
export function requireOpenCase(ws: Workspace, caseId: string): RowValues {
  const row = requireCase(ws, caseId);
  if (row.closed_at !== null || row.phase === 'abschluss') throw new KimError('INVALID_TRANSITION', caseClosedMessage);
  return row;
}

/**
 * Refuses a write that belongs to a closed case (INVALID_TRANSITION), for rows that hang on a
 * case only indirectly (a document of the case or of one of its contacts, a task). A case that
 * is not there (deleted, not synced yet) is not refused here: whether the row itself may be
 * written is its own service's check.
 */
export function refuseIfCaseClosed(ws: Workspace, caseId: string | null): void {
  if (caseId === null) return;
  const row = prepared(ws.db, 'SELECT closed_at, phase FROM cases WHERE id = ? AND deleted_at IS NULL').get(caseId) as RowValues | undefined;
  if (row && (row.closed_at !== null || row.phase === 'abschluss')) throw new KimError('INVALID_TRANSITION', caseClosedMessage);
}
