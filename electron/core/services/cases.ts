import type { Case, CaseListItem } from '../../../shared/domain/case';
import { caseSchema, caseListItemSchema } from '../../../shared/domain/case';
import { KimError } from '../../../shared/ipc/errors';
import { uuidv7 } from '../../../shared/ids';
import type { Workspace } from '../session/session';
import { casesEntity, type RowValues } from '../write/entities';
import { writeEntity } from '../write/write-path';
import { findLivePersonRow, personNotFoundMessage } from './persons';
import { localIsoDate, writeContextOf } from './write-context';

/** A `cases` row → domain case, checked by the shared schema. */
export function rowToCase(row: RowValues): Case {
  return caseSchema.parse({
    id: row.id,
    personId: row.person_id,
    teamId: row.team_id ?? null,
    phase: row.phase,
    caseManager: row.case_manager,
    openedAt: row.opened_at,
    closedAt: row.closed_at ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** A new case starts in phase Zugang, run by the profile's user, opened today. */
export function openCase(ws: Workspace, personId: string): Case {
  const person = findLivePersonRow(ws, personId);
  if (!person) throw new KimError('NOT_FOUND', personNotFoundMessage);
  const { row } = writeEntity(writeContextOf(ws), {
    entity: casesEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: {
      // a child row belongs to its person's team (DESIGN.md, Sync: scope)
      team_id: person.team_id ?? null,
      person_id: personId,
      phase: 'zugang',
      case_manager: ws.profile.userName,
      opened_at: localIsoDate(ws.now()),
      closed_at: null,
      last_contact_at: null,
    },
  });
  return rowToCase(row);
}

export function casesForPerson(ws: Workspace, personId: string): Case[] {
  if (!findLivePersonRow(ws, personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  const rows = ws.db
    .prepare(
      `SELECT * FROM cases WHERE person_id = ? AND deleted_at IS NULL
       ORDER BY opened_at DESC, created_at DESC, id DESC`,
    )
    .all(personId) as RowValues[];
  return rows.map(rowToCase);
}

/** "Meine Fälle": open cases of this user, newest first. */
export function myCases(ws: Workspace): CaseListItem[] {
  const rows = ws.db
    .prepare(
      `SELECT c.id, c.person_id, c.phase, c.opened_at, c.last_contact_at, p.family_name, p.given_names
       FROM cases c JOIN persons p ON p.id = c.person_id
       WHERE c.case_manager = ? AND c.closed_at IS NULL AND c.deleted_at IS NULL AND p.deleted_at IS NULL
       ORDER BY c.opened_at DESC, c.created_at DESC, c.id DESC`,
    )
    .all(ws.profile.userName) as RowValues[];
  return rows.map((row) =>
    caseListItemSchema.parse({
      id: row.id,
      personId: row.person_id,
      personName: `${String(row.family_name)}, ${String(row.given_names)}`,
      phase: row.phase,
      openedAt: row.opened_at,
      lastContactAt: row.last_contact_at ?? null,
    }),
  );
}
