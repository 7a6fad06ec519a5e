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
