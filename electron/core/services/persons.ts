import type { Person, PersonInput, PersonSummary } from '../../../shared/domain/person';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { KimError } from '../../../shared/ipc/errors';
import { uuidv7 } from '../../../shared/ids';
import { appendAudit } from '../audit/audit-log';
import { findDuplicates, searchPersons } from '../search/query';
import type { Workspace } from '../session/session';
import { personsEntity, type RowValues } from '../write/entities';
import { RowMissingError, writeEntity } from '../write/write-path';
import { defaultTeamId } from '../sync/state';
import { personToRow, rowToPerson } from './person-mapping';
import { writeContextOf } from './write-context';

export const personNotFoundMessage = 'Diese Person wurde nicht gefunden. Vielleicht wurde sie gelöscht.';

export function createPerson(ws: Workspace, input: PersonInput): Person {
  const id = uuidv7(ws.now());
  // The user's first team once enrolled; before that none, and enrolment assigns it.
  const { row } = writeEntity(writeContextOf(ws), {
    entity: personsEntity,
    kind: 'create',
    rowId: id,
    values: { ...personToRow(input), team_id: defaultTeamId(ws.db) },
  });
  return rowToPerson(row);
}

export function updatePerson(ws: Workspace, id: string, input: PersonInput): Person {
  try {
    const { row } = writeEntity(writeContextOf(ws), {
      entity: personsEntity,
      kind: 'update',
      rowId: id,
      values: personToRow(input),
    });
    return rowToPerson(row);
  } catch (error) {
    if (error instanceof RowMissingError) throw new KimError('NOT_FOUND', personNotFoundMessage);
    throw error;
  }
}

export function findLivePersonRow(ws: Workspace, id: string): RowValues | null {
  const row = ws.db.prepare('SELECT * FROM persons WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  return row ?? null;
}

/** Opening a person's file is recorded in the audit log, in the same transaction as the read. */
export function getPerson(ws: Workspace, id: string): Person {
  return ws.db.transaction(() => {
    const row = findLivePersonRow(ws, id);
    if (!row) throw new KimError('NOT_FOUND', personNotFoundMessage);
    appendAudit(ws.db, {
      at: new Date(ws.now()).toISOString(),
      actor: ws.profile.userName,
      action: 'read',
      entity: personsEntity.name,
      rowId: id,
      details: {},
    });
    return rowToPerson(row);
  })();
}

export function searchPersonList(ws: Workspace, input: ChannelParsedInput<'persons.search'>): PersonSummary[] {
  return searchPersons(ws.db, input.query, input.limit);
}

export function findDuplicatePersons(ws: Workspace, input: ChannelParsedInput<'persons.findDuplicates'>): PersonSummary[] {
  return findDuplicates(
    ws.db,
    {
      familyName: input.familyName,
      givenNames: input.givenNames,
      otherSpellings: input.otherSpellings,
      birthDate: input.birthDate,
      excludeId: input.excludeId,
    },
    20,
  );
}
