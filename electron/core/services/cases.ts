import type { Case, CaseListItem } from '../../../shared/domain/case';
import { caseSchema, caseListItemSchema } from '../../../shared/domain/case';
import { idSchema } from '../../../shared/domain/common';
import { targetGroupResultSchema, type TargetGroupResult } from '../../../shared/domain/target-group';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { KimError } from '../../../shared/ipc/errors';
import { uuidv7 } from '../../../shared/ids';
import { involvablePersonIds } from '../casework/cases/involved';
import { writePhaseEvent } from '../casework/cases/phase-events';
import { criteriaNotHeld } from '../casework/cases/target-group';
import { targetGroupCheckForPerson } from '../casework/cases/target-group-check';
import type { Workspace } from '../session/session';
import { canonicalJson } from '../util/canonical-json';
import { casesEntity, type RowValues, type SqlValue } from '../write/entities';
import { writeEntity } from '../write/write-path';
import { findLivePersonRow, personNotFoundMessage } from './persons';
import { localIsoDate, writeContextOf } from './write-context';

/**
 * A `cases` row → domain case, checked by the shared schema (throws on a row that is not a
 * case). The JSON columns are read leniently: a case opened before the target-group check
 * existed, or a value this version cannot read, shows as "no check" / "nobody involved"
 * rather than making the whole case unreadable.
 */
export function rowToCase(row: RowValues): Case {
  return caseSchema.parse({
    id: row.id,
    personId: row.person_id,
    teamId: row.team_id ?? null,
    phase: row.phase,
    caseManager: row.case_manager,
    openedAt: row.opened_at,
    closedAt: row.closed_at ?? null,
    closeReason: row.close_reason ?? null,
    closeNote: row.close_note ?? null,
    targetGroup: targetGroupOf(row.target_group),
    involvedPersonIds: personIdsOf(row.involved_person_ids),
    lastContactAt: row.last_contact_at ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Like rowToCase, but null for a row that is not (yet) a complete case: a sync page may end mid-row. */
export function caseFromRow(row: RowValues): Case | null {
  try {
    return rowToCase(row);
  } catch {
    return null;
  }
}

function parseJson(value: SqlValue | undefined): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

function targetGroupOf(value: SqlValue | undefined): TargetGroupResult | null {
  const parsed = targetGroupResultSchema.safeParse(parseJson(value));
  return parsed.success ? parsed.data : null;
}

function personIdsOf(value: SqlValue | undefined): string[] {
  const parsed = parseJson(value);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter((id): id is string => idSchema.safeParse(id).success);
}

/**
 * A new case: phase Zugang, run by the profile's user, opened today, with the target-group
 * check as it stood at intake. When a criterion does not hold (or is not known) the case is
 * only opened with a reason, which is stored with the check. The case and its 'open' phase
 * event are one transaction: there is never a case without its first event.
 */
export function openCase(ws: Workspace, input: ChannelParsedInput<'cases.open'>): Case {
  const person = findLivePersonRow(ws, input.personId);
  if (!person) throw new KimError('NOT_FOUND', personNotFoundMessage);
  const check = targetGroupCheckForPerson(ws, person, input.answers);
  const overrideReason = (input.overrideReason ?? '').trim();
  if (!check.met && overrideReason.length === 0) throw targetGroupNotMet(check);
  // A reason only means something when the check failed; a met check is stored without one.
  const targetGroup: TargetGroupResult = { ...check, overrideReason: check.met ? null : overrideReason };
  const involved = involvablePersonIds(ws, input.personId, input.involvedPersonIds);
  const today = localIsoDate(ws.now());
  const caseId = uuidv7(ws.now());

  return ws.db.transaction((): Case => {
    const { row } = writeEntity(writeContextOf(ws), {
      entity: casesEntity,
      kind: 'create',
      rowId: caseId,
      values: {
        // a child row belongs to its person's team (DESIGN.md, Sync: scope)
        team_id: person.team_id ?? null,
        person_id: input.personId,
        phase: 'zugang',
        case_manager: ws.profile.userName,
        opened_at: today,
        closed_at: null,
        last_contact_at: null,
        target_group: canonicalJson(targetGroup),
        involved_person_ids: canonicalJson(involved),
      },
    });
    writePhaseEvent(ws, { personId: input.personId, caseId, kind: 'open', from: null, to: 'zugang', movedAt: today });
    return rowToCase(row);
  })();
}

function targetGroupNotMet(check: TargetGroupResult): KimError {
  const missing = criteriaNotHeld(check).map(
    (outcome) => `„${outcome.label}“ (${outcome.held === false ? 'nicht erfüllt' : 'nicht geklärt'})`,
  );
  return new KimError(
    'TARGET_GROUP_NOT_MET',
    `Die Zielgruppenkriterien sind nicht alle erfüllt: ${missing.join(', ')}. ` +
      'Um den Fall trotzdem zu eröffnen, bitte einen Grund angeben.',
  );
}

export function casesForPerson(ws: Workspace, personId: string): Case[] {
  if (!findLivePersonRow(ws, personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  const rows = ws.db
    .prepare(
      `SELECT * FROM cases WHERE person_id = ? AND deleted_at IS NULL
       ORDER BY opened_at DESC, created_at DESC, id DESC`,
    )
    .all(personId) as RowValues[];
  return rows.map(caseFromRow).filter((item): item is Case => item !== null);
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
  return rows.flatMap((row) => {
    const item = caseListItemSchema.safeParse({
      id: row.id,
      personId: row.person_id,
      personName: `${String(row.family_name)}, ${String(row.given_names)}`,
      phase: row.phase,
      openedAt: row.opened_at,
      lastContactAt: row.last_contact_at ?? null,
    });
    return item.success ? [item.data] : [];
  });
}
