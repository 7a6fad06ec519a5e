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
import { germanErrorMap } from '../ipc/field-errors';
import { rowToCase } from '../services/cases';
import { rowToPerson } from '../services/person-mapping';
import type { RowValues, SqlValue } from '../write/entities';

/**
 * Whether a stored row is a valid record of its entity, checked with the entity's shared domain
 * schema — for the review list, where a value typed by hand must leave a record the screens can
 * still read (a goal with the status "xyz" would silently vanish from the plan). The candidates
 * follow the row mappers of the case-work services (electron/core/casework/**); what those
 * compute from other tables (a consent's status and documents, a goal's steps, a contact's
 * notes, a task's person name) is not the row's and is filled with a neutral value.
 *
 * Kept apart from write/entities.ts, which nearly everything imports: the person and case
 * mappers import the write path themselves.
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

function jsonOf(value: SqlValue | undefined): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
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
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        kind: row.kind,
        fromPhase: row.from_phase ?? null,
        toPhase: row.to_phase,
        movedAt: row.moved_at,
        note: row.note ?? null,
        closeReason: row.close_reason ?? null,
        by: row.by_user,
        createdAt: row.created_at,
      }),
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
      candidate: (row) => ({
        id: row.id,
        personId: row.person_id,
        caseId: row.case_id ?? null,
        purpose: row.purpose,
        purposeText: row.purpose_text ?? null,
        recipientPartnerId: row.recipient_partner_id ?? null,
        recipientName: row.recipient_name ?? null,
        givenAt: row.given_at,
        form: row.form,
        interpreterLanguage: row.interpreter_language ?? null,
        validUntil: row.valid_until ?? null,
        withdrawnAt: row.withdrawn_at ?? null,
        withdrawalNote: row.withdrawal_note ?? null,
        recordedBy: row.recorded_by,
        status: 'gueltig',
        documentIds: [],
        createdAt: row.created_at,
      }),
    },
  ],
  [
    'assessments',
    {
      schema: assessmentSchema,
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        lifeDomain: row.life_domain,
        situation: row.situation ?? null,
        resources: row.resources ?? null,
        needLevel: row.need_level,
        assessedAt: row.assessed_at,
        assessedBy: row.assessed_by,
        createdAt: row.created_at,
      }),
    },
  ],
  [
    'goals',
    {
      schema: goalSchema,
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        lifeDomain: row.life_domain,
        description: row.description,
        agreedAt: row.agreed_at,
        dueAt: row.due_at ?? null,
        status: row.status,
        steps: [],
        createdAt: row.created_at,
      }),
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
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        contactDate: row.contact_date,
        startTime: row.start_time ?? null,
        durationMinutes: row.duration_minutes,
        mode: row.mode,
        participants: jsonOf(row.participants),
        interpreter: row.interpreter === null ? null : jsonOf(row.interpreter),
        topics: jsonOf(row.topics),
        createdBy: row.created_by,
        createdAt: row.created_at,
        notes: [],
      }),
    },
  ],
  [
    'contact_notes',
    {
      schema: contactNoteSchema,
      candidate: (row) => ({
        id: row.id,
        contactId: row.contact_id,
        version: row.version,
        text: row.text,
        reason: row.reason ?? null,
        writtenBy: row.written_by,
        writtenAt: row.written_at,
      }),
    },
  ],
  [
    'legal_domains',
    {
      schema: legalDomainSchema,
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        domain: row.domain,
        office: row.office,
        fileNumber: row.file_number ?? null,
        contactPerson: row.contact_person ?? null,
        contactDetails: row.contact_details ?? null,
        note: row.note ?? null,
      }),
    },
  ],
  [
    'deadlines',
    {
      schema: deadlineSchema,
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        legalDomainId: row.legal_domain_id ?? null,
        kind: row.kind,
        dueAt: row.due_at,
        note: row.note ?? null,
        doneAt: row.done_at ?? null,
      }),
    },
  ],
  [
    'referrals',
    {
      schema: referralSchema,
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        partnerId: row.partner_id,
        partnerName: row.partner_name,
        lifeDomain: row.life_domain,
        reason: row.reason,
        referredAt: row.referred_at,
        consentId: row.consent_id ?? null,
        overrideReason: row.override_reason ?? null,
        status: row.status,
        outcome: row.outcome ?? null,
        createdBy: row.created_by,
        createdAt: row.created_at,
      }),
    },
  ],
  [
    'tasks',
    {
      schema: taskSchema,
      candidate: (row) => ({
        id: row.id,
        personId: row.person_id,
        personName: '',
        caseId: row.case_id ?? null,
        title: row.title,
        dueAt: row.due_at ?? null,
        source: row.source,
        rule: row.rule ?? null,
        ruleRef: row.rule_ref ?? null,
        status: row.status,
        doneAt: row.done_at ?? null,
        assignee: row.assignee ?? null,
        note: row.note ?? null,
        createdAt: row.created_at,
      }),
    },
  ],
  [
    'case_themes',
    {
      schema: caseThemeSchema,
      candidate: (row) => ({
        id: row.id,
        caseId: row.case_id,
        themeKey: row.theme_key ?? null,
        label: row.label,
        note: row.note ?? null,
        notedAt: row.noted_at,
        notedBy: row.noted_by,
      }),
    },
  ],
  [
    'documents',
    {
      schema: documentSchema,
      candidate: (row) => ({
        id: row.id,
        personId: row.person_id,
        ownerKind: row.owner_kind,
        ownerId: row.owner_id,
        fileName: row.file_name,
        mimeType: row.mime_type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        addedAt: row.created_at,
        addedBy: row.added_by,
        contentAvailable: true,
      }),
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
