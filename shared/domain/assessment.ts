import { z } from 'zod';
import { idSchema, isoDateSchema, text } from './common';
import { lifeDomainSchema, needLevelSchema } from './life-domains';

/**
 * One assessment of one life domain at one date. A repeated assessment is a new row: the
 * history stays, so change over time can be shown.
 */
export const assessmentEntryInputSchema = z.object({
  lifeDomain: lifeDomainSchema,
  situation: text(4000).optional(),
  resources: text(4000).optional(),
  needLevel: needLevelSchema,
});

export const recordAssessmentInputSchema = z.object({
  caseId: idSchema,
  assessedAt: isoDateSchema,
  entries: z.array(assessmentEntryInputSchema).min(1, 'Bitte mindestens ein Handlungsfeld einschätzen').max(10),
});

export const assessmentSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  lifeDomain: lifeDomainSchema,
  situation: z.string().nullable(),
  resources: z.string().nullable(),
  needLevel: needLevelSchema,
  assessedAt: isoDateSchema,
  assessedBy: z.string(),
  createdAt: z.string(),
});
export type Assessment = z.infer<typeof assessmentSchema>;

/** Per life domain: the latest assessment first, then the earlier ones. */
export const assessmentHistorySchema = z.array(
  z.object({
    lifeDomain: lifeDomainSchema,
    current: assessmentSchema.nullable(),
    earlier: z.array(assessmentSchema),
    /** need level change from the previous to the current assessment: -3..3, null if none before */
    trend: z.number().int().nullable(),
  }),
);
export type AssessmentHistory = z.infer<typeof assessmentHistorySchema>;
