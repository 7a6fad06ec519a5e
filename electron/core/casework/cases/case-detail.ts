import type { CaseDetail } from '../../../../shared/ipc/casework-contract';
import { KimError } from '../../../../shared/ipc/errors';
import { caseFromRow } from '../../services/cases';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import type { RowValues } from '../../write/entities';
import { caseNotFoundMessage, requireCase } from './case-guard';
import { phaseEventsOf } from './phase-events';

type PersonName = CaseDetail['person'];

/** `cases.get`: the case, whose it is, who else it concerns, and how it moved through the phases. */
export function caseDetail(ws: Workspace, caseId: string): CaseDetail {
  const found = caseFromRow(requireCase(ws, caseId));
  // a row a sync has not completed yet is not a case to show
  if (!found) throw new KimError('NOT_FOUND', caseNotFoundMessage);
  const person = personName(ws, found.personId);
  if (!person) throw new KimError('NOT_FOUND', caseNotFoundMessage);
  return {
    case: found,
    person,
    involvedPersons: found.involvedPersonIds.flatMap((id) => {
      const involved = personName(ws, id);
      return involved ? [involved] : [];
    }),
    phaseEvents: phaseEventsOf(ws, caseId),
  };
}

function personName(ws: Workspace, personId: string): PersonName | null {
  const row = prepared(ws.db, 'SELECT id, family_name, given_names FROM persons WHERE id = ? AND deleted_at IS NULL').get(personId) as
    | RowValues
    | undefined;
  if (!row || typeof row.family_name !== 'string' || typeof row.given_names !== 'string') return null;
  return { id: String(row.id), familyName: row.family_name, givenNames: row.given_names };
}
