import { z } from 'zod';
import { idSchema, isoDateSchema, text } from '../domain/common';
import { assessmentHistorySchema, recordAssessmentInputSchema } from '../domain/assessment';
import {
  caseSchema,
  closeCaseInputSchema,
  closeCheckSchema,
  movePhaseInputSchema,
  phaseEventSchema,
  reopenCaseInputSchema,
} from '../domain/case';
import { consentInputSchema, consentSchema, withdrawConsentInputSchema } from '../domain/consent';
import { contactInputSchema, contactSchema, correctNoteInputSchema } from '../domain/contact';
import { addDocumentInputSchema, documentContentSchema, documentOwnerKindSchema, documentSchema } from '../domain/document';
import { householdLinkInputSchema, householdMemberSchema } from '../domain/household';
import { deadlineInputSchema, deadlineSchema, legalDomainInputSchema, legalDomainSchema } from '../domain/legal';
import { personSchema } from '../domain/person';
import { goalInputSchema, goalSchema, goalStatusSchema, stepInputSchema } from '../domain/plan';
import { referralInputSchema, referralSchema, referralUpdateInputSchema } from '../domain/referral';
import { openCaseInputSchema, targetGroupAnswersSchema, targetGroupResultSchema } from '../domain/target-group';
import { taskInputSchema, taskRuleSettingsSchema, taskSchema, todaySchema } from '../domain/task';
import { caseThemeInputSchema, caseThemeSchema } from '../domain/theme';
import { partnerSchema, themeEntrySchema } from '../reference/reference-data';
import { targetGroupCriterionSchema } from '../domain/target-group';

/**
 * The case-work part of the IPC contract (issue 4). Every record type here is a synced table
 * written through the one write path, so it syncs, merges and is audited like persons and cases.
 */
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();
const byId = z.object({ id: idSchema });
const byCase = z.object({ caseId: idSchema });
const byPerson = z.object({ personId: idSchema });

/** Who may do what: 'teamleitung' may override a missing consent (with an audited reason). */
export const roleSchema = z.enum(['fallmanagement', 'teamleitung']);
export type Role = z.infer<typeof roleSchema>;

export const referenceViewSchema = z.object({
  role: roleSchema,
  version: z.number().int(),
  partners: z.array(partnerSchema),
  targetGroupCriteria: z.array(targetGroupCriterionSchema),
  themes: z.array(themeEntrySchema),
});
export type ReferenceView = z.infer<typeof referenceViewSchema>;

/** A case with what its overview shows. */
export const caseDetailSchema = z.object({
  case: caseSchema,
  person: z.object({ id: idSchema, familyName: z.string(), givenNames: z.string() }),
  involvedPersons: z.array(z.object({ id: idSchema, familyName: z.string(), givenNames: z.string() })),
  phaseEvents: z.array(phaseEventSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** Opening a person's file: everything the person screen shows, in one call (bench: p95 < 50 ms). */
export const personFileSchema = z.object({
  person: personSchema,
  cases: z.array(caseSchema),
  household: z.array(householdMemberSchema),
  consents: z.array(consentSchema),
  documents: z.array(documentSchema),
  /** contacts of all the person's cases, newest first */
  contacts: z.array(contactSchema),
  openTasks: z.array(taskSchema),
});
export type PersonFile = z.infer<typeof personFileSchema>;

export const caseworkChannels = {
  'reference.get': channel(empty, referenceViewSchema),

  /** replaces the issue-2 `cases.open`: opening now records the target-group check */
  'cases.open': channel(openCaseInputSchema, caseSchema),
  'cases.targetGroupCheck': channel(z.object({ personId: idSchema, answers: targetGroupAnswersSchema.default({}) }), targetGroupResultSchema),
  'cases.get': channel(byId, caseDetailSchema),
  'cases.movePhase': channel(movePhaseInputSchema, caseDetailSchema),
  'cases.closeCheck': channel(byCase, closeCheckSchema),
  'cases.close': channel(closeCaseInputSchema, caseDetailSchema),
  'cases.reopen': channel(reopenCaseInputSchema, caseDetailSchema),
  'cases.setInvolved': channel(z.object({ caseId: idSchema, personIds: z.array(idSchema).max(30) }), caseDetailSchema),

  'persons.file': channel(byPerson, personFileSchema),

  'household.list': channel(byPerson, z.array(householdMemberSchema)),
  'household.add': channel(householdLinkInputSchema, z.array(householdMemberSchema)),
  'household.remove': channel(byId, z.object({ removed: z.literal(true) })),

  'consents.list': channel(byPerson, z.array(consentSchema)),
  'consents.create': channel(consentInputSchema, consentSchema),
  'consents.withdraw': channel(withdrawConsentInputSchema, consentSchema),

  'assessments.history': channel(byCase, assessmentHistorySchema),
  'assessments.record': channel(recordAssessmentInputSchema, assessmentHistorySchema),

  'goals.list': channel(byCase, z.array(goalSchema)),
  'goals.create': channel(goalInputSchema, goalSchema),
  'goals.update': channel(
    z.object({ id: idSchema, status: goalStatusSchema.optional(), dueAt: isoDateSchema.nullable().optional(), description: text(2000).min(1).optional() }),
    goalSchema,
  ),
  'steps.create': channel(stepInputSchema, goalSchema),
  'steps.setDone': channel(z.object({ id: idSchema, doneAt: isoDateSchema.nullable() }), goalSchema),

  'contacts.list': channel(byCase, z.array(contactSchema)),
  'contacts.create': channel(contactInputSchema, contactSchema),
  /** a correction is a new version of the note; the old one stays visible */
  'contacts.correctNote': channel(correctNoteInputSchema, contactSchema),

  'legal.list': channel(byCase, z.object({ domains: z.array(legalDomainSchema), deadlines: z.array(deadlineSchema) })),
  'legal.saveDomain': channel(legalDomainInputSchema.extend({ id: idSchema.optional() }), legalDomainSchema),
  'legal.removeDomain': channel(byId, z.object({ removed: z.literal(true) })),
  'deadlines.save': channel(deadlineInputSchema.extend({ id: idSchema.optional() }), deadlineSchema),
  'deadlines.setDone': channel(z.object({ id: idSchema, doneAt: isoDateSchema.nullable() }), deadlineSchema),

  'referrals.list': channel(byCase, z.array(referralSchema)),
  /** refused with CONSENT_REQUIRED without a valid consent for the partner (unless overridden) */
  'referrals.create': channel(referralInputSchema, referralSchema),
  'referrals.update': channel(referralUpdateInputSchema, referralSchema),

  'tasks.list': channel(z.object({ caseId: idSchema.optional(), personId: idSchema.optional(), includeDone: z.boolean().default(false) }), z.array(taskSchema)),
  'tasks.create': channel(taskInputSchema, taskSchema),
  'tasks.setStatus': channel(z.object({ id: idSchema, status: z.enum(['offen', 'erledigt', 'entfallen']) }), taskSchema),
  /** the dashboard "Heute"; runs the task rules first when they have not run today */
  'tasks.today': channel(empty, todaySchema),
  'tasks.ruleSettings.get': channel(empty, taskRuleSettingsSchema),
  'tasks.ruleSettings.update': channel(taskRuleSettingsSchema.partial(), taskRuleSettingsSchema),

  'themes.list': channel(byCase, z.array(caseThemeSchema)),
  'themes.add': channel(caseThemeInputSchema, caseThemeSchema),
  'themes.remove': channel(byId, z.object({ removed: z.literal(true) })),

  'documents.list': channel(z.object({ personId: idSchema, ownerKind: documentOwnerKindSchema.optional(), ownerId: idSchema.optional() }), z.array(documentSchema)),
  'documents.add': channel(addDocumentInputSchema, documentSchema),
  'documents.content': channel(byId, documentContentSchema),
  'documents.remove': channel(byId, z.object({ removed: z.literal(true) })),
} as const;
