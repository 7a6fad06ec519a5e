import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText } from './common';
import { lifeDomainSchema } from './life-domains';

/** Hilfeplan: goals agreed with the person (Zielvereinbarung) per life domain, steps under them. */
export const goalStatuses = ['offen', 'in_arbeit', 'erreicht', 'teilweise_erreicht', 'nicht_erreicht', 'verworfen'] as const;
export const goalStatusSchema = z.enum(goalStatuses);
export type GoalStatus = z.infer<typeof goalStatusSchema>;
/** statuses that count as open when a case is closed */
export const openGoalStatuses: readonly GoalStatus[] = ['offen', 'in_arbeit'];

export const goalInputSchema = z
  .object({
    caseId: idSchema,
    lifeDomain: lifeDomainSchema,
    description: requiredText(2000),
    agreedAt: isoDateSchema,
    dueAt: isoDateSchema.optional(),
    status: goalStatusSchema.default('offen'),
  })
  .refine((g) => g.dueAt === undefined || g.dueAt >= g.agreedAt, { message: 'Fällig am liegt vor dem Vereinbarungsdatum', path: ['dueAt'] });
export type GoalInput = z.infer<typeof goalInputSchema>;

export const stepResponsibleSchema = z.enum(['klient', 'fallmanagement', 'partner']);

export const stepInputSchema = z
  .object({
    goalId: idSchema,
    description: requiredText(1000),
    responsible: stepResponsibleSchema,
    /** partner id from the reference data, when a partner does it */
    partnerId: z.string().max(64).optional(),
    dueAt: isoDateSchema.optional(),
  })
  .refine((s) => s.responsible !== 'partner' || (s.partnerId ?? '').length > 0, { message: 'Bitte den Netzwerkpartner wählen', path: ['partnerId'] });

export const stepSchema = z.object({
  id: idSchema,
  goalId: idSchema,
  description: z.string(),
  responsible: stepResponsibleSchema,
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  dueAt: isoDateSchema.nullable(),
  doneAt: isoDateSchema.nullable(),
});
export type Step = z.infer<typeof stepSchema>;

export const goalSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  lifeDomain: lifeDomainSchema,
  description: z.string(),
  agreedAt: isoDateSchema,
  dueAt: isoDateSchema.nullable(),
  status: goalStatusSchema,
  steps: z.array(stepSchema),
  createdAt: z.string(),
});
export type Goal = z.infer<typeof goalSchema>;
