import { z } from 'zod';
import { text } from './common';

/**
 * The county's target-group criteria (Zielgruppe), defined by its steering group and delivered
 * as reference data. Some are checked from the person's data; 'question' criteria are answered
 * by the case manager at intake. Data, not code: a county adds its own.
 */
export const targetGroupCriterionSchema = z.discriminatedUnion('kind', [
  /** arrived in the county within the last `years` years (person.arrivalDate) */
  z.object({ kind: z.literal('arrival_within_years'), key: z.string().max(64), label: z.string().max(300), years: z.number().int().min(1).max(50) }),
  /** the person's residence status is one of these catalog keys */
  z.object({ kind: z.literal('residence_status_in'), key: z.string().max(64), label: z.string().max(300), statuses: z.array(z.string().max(80)).max(100) }),
  /** a yes/no question the case manager answers (e.g. "keine andere Fallbegleitung") */
  z.object({ kind: z.literal('question'), key: z.string().max(64), label: z.string().max(300) }),
]);
export type TargetGroupCriterion = z.infer<typeof targetGroupCriterionSchema>;

/** held: true / false, or null when it cannot be told (no arrival date, question not answered) */
export const criterionOutcomeSchema = z.object({
  key: z.string(),
  label: z.string(),
  held: z.boolean().nullable(),
  /** how it was decided: from the person's data, or the case manager's answer */
  source: z.enum(['person', 'answer']),
});

export const targetGroupResultSchema = z.object({
  checkedAt: z.string(),
  criteria: z.array(criterionOutcomeSchema),
  /** every criterion held */
  met: z.boolean(),
  /** why the case was opened although not every criterion held */
  overrideReason: z.string().nullable(),
});
export type TargetGroupResult = z.infer<typeof targetGroupResultSchema>;

export const targetGroupAnswersSchema = z.record(z.string().max(64), z.boolean().nullable());

export const openCaseInputSchema = z.object({
  personId: z.string().uuid(),
  answers: targetGroupAnswersSchema.default({}),
  /** required when the criteria are not all met */
  overrideReason: text(2000).optional(),
  involvedPersonIds: z.array(z.string().uuid()).max(30).default([]),
});
