import { z } from 'zod';
import { assessmentSchema } from '../../../shared/domain/assessment';
import { phaseEventSchema } from '../../../shared/domain/case';
import { idSchema } from '../../../shared/domain/common';
import { consentSchema } from '../../../shared/domain/consent';
import { contactSchema, noteVersionSchema } from '../../../shared/domain/contact';
import { documentSchema } from '../../../shared/domain/document';
import { relationKindSchema } from '../../../shared/domain/household';
import { deadlineSchema, legalDomainSchema } from '../../../shared/domain/legal';
import { goalSchema, stepSchema } from '../../../shared/domain/plan';
import { referralSchema } from '../../../shared/domain/referral';
import { taskSchema } from '../../../shared/domain/task';
import { caseThemeSchema } from '../../../shared/domain/theme';
import { assessmentCandidate } from '../casework/care/assessments';
import { consentCandidate } from '../casework/care/consents';
import { contactCandidate, noteCandidate } from '../casework/care/contacts';
import { goalCandidate } from '../casework/care/plan';
import { referralCandidate } from '../casework/care/referrals';
import { deadlineCandidate, legalDomainCandidate } from '../casework/cases/legal';
import { phaseEventCandidate } from '../casework/cases/phase-events';
import { caseThemeCandidate } from '../casework/cases/themes';
import { documentCandidate } from '../casework/documents/documents';
import { taskCandidate } from '../casework/tasks/task-rows';
import { germanErrorMap } from '../ipc/field-errors';
import { rowToCase } from '../services/cases';
import { rowToPerson } from '../services/person-mapping';
import type { RowValues } from '../write/entities';

/**
 * Whether a stored row is a valid record of its entity, checked with the entity's shared domain
 * schema — for the review list, where a value typed by hand must leave a record the screens can
 * still read (a goal with the status "xyz" would silently vanish from the plan). The candidates
 * are built by the row mappers of the case-work services (electron/core/casework/**), so the
 * check and the screens read a row's columns the same way; what those take from elsewhere (a
 * consent's status and documents, a goal's steps, a contact's notes, a task's person name,
 * whether a document's content is here) is not the row's and is given a neutral value. Goal
 * steps and household links keep their own candidates: the plan names a step's partner from
 * the county's directory and reads a partner column that is not text as none (this check
 * refuses it), and the household screen maps a joined row to another shape.
 *
 * Kept apart from write/entities.ts, which nearly everything imports: the person and case
 * mappers and the case-work services import the write path themselves.
 */
export interface RowIssue {
  /** the column at fault; '' when the check does not say (persons, cases) */
  readonly path: string;
  readonly message: string;
}
export type RowCheck = { ok: true } | { ok: false; issues: RowIssue[] };

interface RowValidator {
  readonly candidate: (row: RowValues) => unknown;
  readonly schema: z.ZodType;
}

const householdLinkSchema = z.object({
  id: idSchema,
  personId: idSchema,
  relatedPersonId: idSchema,
  relation: relationKindSchema,
  sameHousehold: z.union([z.literal(0), z.literal(1)]),
  note: z.string().nullable(),
});

const contactNoteSchema = noteVersionSchema.extend({ contactId: idSchema });

const validators: ReadonlyMap<string, RowValidator> = new Map<string, RowValidator>([
  [
    'case_phase_events',
    {
      schema: phaseEventSchema,
      candidate: phaseEventCandidate,
    },
  ],
  [
    'household_links',
    {
      schema: householdLinkSchema,
      candidate: (row) => ({
        id: row.id,
        personId: row.person_id,
        relatedPersonId: row.related_person_id,
        relation: row.relation,
        sameHousehold: row.same_household,
        note: row.note ?? null,
      }),
    },
  ],
  [
    'consents',
    {
      schema: consentSchema,
      candidate: (row) => consentCandidate(row, 'gueltig', []),
    },
  ],
  [
    'assessments',
    {
      schema: assessmentSchema,
      candidate: assessmentCandidate,
    },
  ],
  [
    'goals',
    {
      schema: goalSchema,
      candidate: (row) => goalCandidate(row, []),
    },
  ],
  [
    'goal_steps',
    {
      schema: stepSchema,
      candidate: (row) => ({
        id: row.id,
        goalId: row.goal_id,
        description: row.description,
        responsible: row.responsible,
        partnerId: row.partner_id ?? null,
        partnerName: row.partner_name ?? null,
        dueAt: row.due_at ?? null,
        doneAt: row.done_at ?? null,
      }),
    },
  ],
  [
    'contacts',
    {
      schema: contactSchema,
      candidate: (row) => contactCandidate(row, []),
    },
  ],
  [
    'contact_notes',
    {
      schema: contactNoteSchema,
      candidate: (row) => ({ ...noteCandidate(row), contactId: row.contact_id }),
    },
  ],
  [
    'legal_domains',
    {
      schema: legalDomainSchema,
      candidate: legalDomainCandidate,
    },
  ],
  [
    'deadlines',
    {
      schema: deadlineSchema,
      candidate: deadlineCandidate,
    },
  ],
  [
    'referrals',
    {
      schema: referralSchema,
      candidate: referralCandidate,
    },
  ],
  [
    'tasks',
    {
      schema: taskSchema,
      candidate: (row) => taskCandidate(row, ''),
    },
  ],
  [
    'case_themes',
    {
      schema: caseThemeSchema,
      candidate: caseThemeCandidate,
    },
  ],
  [
    'documents',
    {
      schema: documentSchema,
      candidate: (row) => documentCandidate(row, true),
    },
  ],
]);

/** Persons and cases have mappers that throw on a row that is not a valid record. */
const throwingMappers: ReadonlyMap<string, (row: RowValues) => unknown> = new Map<string, (row: RowValues) => unknown>([
  ['persons', rowToPerson],
  ['cases', rowToCase],
]);

/** The column a candidate key comes from (`lifeDomain` → `life_domain`), for naming the field. */
function columnOf(path: readonly PropertyKey[]): string {
  const first = path[0];
  return typeof first === 'string' ? first.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) : '';
}

/** The row checked against its entity's schema; an entity without a check passes. */
export function checkRow(entity: string, row: RowValues): RowCheck {
  const mapper = throwingMappers.get(entity);
  if (mapper) {
    try {
      mapper(row);
      return { ok: true };
    } catch (error) {
      return { ok: false, issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
    }
  }
  const validator = validators.get(entity);
  if (!validator) return { ok: true };
  const parsed = validator.schema.safeParse(validator.candidate(row), { error: germanErrorMap });
  if (parsed.success) return { ok: true };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: columnOf(issue.path), message: issue.message })) };
}

/**
 * What a value written into `field` did to the record: null when it is fine, else the issue to
 * name. A record that was valid must stay valid; one that was not yet (a pull ended in the
 * middle of the row, data of an older version) must at least not be wrong in this field.
 */
export function issueOfWrite(entity: string, field: string, before: RowValues, after: RowValues): RowIssue | null {
  const check = checkRow(entity, after);
  if (check.ok) return null;
  const own = check.issues.find((issue) => issue.path === field || issue.path === '');
  if (own) return own;
  return checkRow(entity, before).ok ? check.issues[0]! : null;
}

/** The entities with a row check (for tests: every synced entity has one). */
export function checkedEntities(): string[] {
  return [...throwingMappers.keys(), ...validators.keys()];
}
