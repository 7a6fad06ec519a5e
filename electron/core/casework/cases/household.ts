import { householdMemberSchema, type HouseholdMember, type RelationKind } from '../../../../shared/domain/household';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { uuidv7 } from '../../../../shared/ids';
import { findLivePersonRow, personNotFoundMessage } from '../../services/persons';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { householdLinksEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { textOrNull } from './values';

export const householdLinkNotFoundMessage = 'Diese Verbindung wurde nicht gefunden. Vielleicht wurde sie schon entfernt.';

/**
 * A link is stored once, as (A, B, relation) = "B is A's <relation>". Seen from B, A's relation
 * is the inverse: a child's parent, a parent's child; the others read the same both ways.
 */
const inverseRelation: Readonly<Record<RelationKind, RelationKind>> = {
  partner: 'partner',
  kind: 'elternteil',
  elternteil: 'kind',
  geschwister: 'geschwister',
  verwandt: 'verwandt',
  sonstige: 'sonstige',
};

/**
 * The person's household and family: every live link in either direction, each member with
 * their relation TO this person. Links whose other person is gone, or that a sync has not
 * completed yet, are left out.
 */
export function householdOf(ws: Workspace, personId: string): HouseholdMember[] {
  const rows = prepared(
    ws.db,
    `SELECT l.id AS link_id, l.person_id AS stored_person_id, l.relation, l.same_household, l.note,
            p.id AS member_id, p.family_name, p.given_names
     FROM household_links l
     JOIN persons p ON p.id = CASE WHEN l.person_id = ? THEN l.related_person_id ELSE l.person_id END
     WHERE (l.person_id = ? OR l.related_person_id = ?) AND l.deleted_at IS NULL AND p.deleted_at IS NULL
       AND p.id <> ?
     ORDER BY p.family_name, p.given_names, l.id`,
  ).all(personId, personId, personId, personId) as RowValues[];
  return rows.flatMap((row) => {
    const stored = row.relation as RelationKind;
    const seenFromOtherSide = row.stored_person_id !== personId;
    const parsed = householdMemberSchema.safeParse({
      linkId: row.link_id,
      personId: row.member_id,
      familyName: row.family_name,
      givenNames: row.given_names,
      relation: seenFromOtherSide ? (inverseRelation[stored] ?? stored) : stored,
      sameHousehold: row.same_household === 1,
      note: row.note ?? null,
    });
    return parsed.success ? [parsed.data] : [];
  });
}

/** Ids of the persons linked to this one (either direction), for checks. */
export function linkedPersonIds(ws: Workspace, personId: string): Set<string> {
  return new Set(householdOf(ws, personId).map((member) => member.personId));
}

/** `household.add`: a new link, then the person's household as it now stands. */
export function addHouseholdLink(ws: Workspace, input: ChannelParsedInput<'household.add'>): HouseholdMember[] {
  if (input.personId === input.relatedPersonId) {
    throw new KimError('INVALID_INPUT', 'Eine Person kann nicht mit sich selbst verbunden werden.', {
      fieldErrors: { relatedPersonId: 'Bitte eine andere Person wählen.' },
    });
  }
  const person = findLivePersonRow(ws, input.personId);
  if (!person || !findLivePersonRow(ws, input.relatedPersonId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  if (linkedPersonIds(ws, input.personId).has(input.relatedPersonId)) {
    throw new KimError('INVALID_INPUT', 'Diese beiden Personen sind bereits miteinander verbunden. Bitte die bestehende Verbindung ändern oder entfernen.', {
      fieldErrors: { relatedPersonId: 'Bereits verbunden.' },
    });
  }
  writeEntity(writeContextOf(ws), {
    entity: householdLinksEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: {
      person_id: input.personId,
      related_person_id: input.relatedPersonId,
      relation: input.relation,
      same_household: input.sameHousehold ? 1 : 0,
      note: textOrNull(input.note),
    },
  });
  return householdOf(ws, input.personId);
}

/** `household.remove`: a tombstone, so the removal syncs like any other change. */
export function removeHouseholdLink(ws: Workspace, linkId: string): { removed: true } {
  const row = prepared(ws.db, 'SELECT id FROM household_links WHERE id = ? AND deleted_at IS NULL').get(linkId);
  if (!row) throw new KimError('NOT_FOUND', householdLinkNotFoundMessage);
  writeEntity(writeContextOf(ws), { entity: householdLinksEntity, kind: 'delete', rowId: linkId, values: {} });
  return { removed: true };
}

/** `household.list`. */
export function listHousehold(ws: Workspace, personId: string): HouseholdMember[] {
  if (!findLivePersonRow(ws, personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  return householdOf(ws, personId);
}
