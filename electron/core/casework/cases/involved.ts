import { KimError } from '../../../../shared/ipc/errors';
import { findLivePersonRow, personNotFoundMessage } from '../../services/persons';
import type { Workspace } from '../../session/session';
import { canonicalJson } from '../../util/canonical-json';
import { casesEntity } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { writeContextOf } from '../../services/write-context';
import { requireOpenCase } from './case-guard';
import { linkedPersonIds } from './household';

export const notInHouseholdMessage =
  'Am Fall können nur Personen aus dem Haushalt oder der Familie beteiligt werden. Bitte die Person zuerst dort eintragen.';

/**
 * The persons a case of `personId` may involve: each must exist and be linked to the person in
 * the household (either direction). Duplicates are dropped, the order kept. Anything else is
 * refused as a whole, so a case never names a stranger.
 */
export function involvablePersonIds(ws: Workspace, personId: string, wanted: readonly string[]): string[] {
  const unique = [...new Set(wanted)];
  if (unique.length === 0) return [];
  const linked = linkedPersonIds(ws, personId);
  for (const id of unique) {
    if (!findLivePersonRow(ws, id)) throw new KimError('NOT_FOUND', personNotFoundMessage);
    if (!linked.has(id)) throw new KimError('NOT_FOUND', notInHouseholdMessage);
  }
  return unique;
}

/** `cases.setInvolved`: replaces the list of involved household members of an open case. */
export function setInvolvedPersons(ws: Workspace, caseId: string, personIds: readonly string[]): void {
  const row = requireOpenCase(ws, caseId);
  const involved = involvablePersonIds(ws, String(row.person_id), personIds);
  writeEntity(writeContextOf(ws), {
    entity: casesEntity,
    kind: 'update',
    rowId: caseId,
    values: { involved_person_ids: canonicalJson(involved) },
  });
}
