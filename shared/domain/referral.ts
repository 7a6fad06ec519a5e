import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';
import { lifeDomainSchema } from './life-domains';

/** Vermittlungen to network partners; each needs a valid consent for the partner. */
export const referralStatuses = ['angefragt', 'angenommen', 'abgelehnt', 'abgeschlossen'] as const;
export const referralStatusSchema = z.enum(referralStatuses);

export const referralInputSchema = z.object({
  caseId: idSchema,
  partnerId: z.string().min(1, 'Pflichtfeld').max(64),
  lifeDomain: lifeDomainSchema,
  reason: requiredText(2000),
  /**
   * when the referral was made: today or earlier (the core refuses a later day against its own
   * clock). The consent must be valid on this day and today: the data is shared now.
   */
  referredAt: isoDateSchema,
  /** chosen consent; when absent the core looks for a valid one for the partner */
  consentId: idSchema.optional(),
  /** only for a role allowed to override: why it goes ahead without consent (audited) */
  overrideReason: text(2000).optional(),
});

export const referralUpdateInputSchema = z.object({
  id: idSchema,
  status: referralStatusSchema,
  outcome: text(2000).optional(),
});

export const referralSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  partnerId: z.string(),
  partnerName: z.string(),
  lifeDomain: lifeDomainSchema,
  reason: z.string(),
  referredAt: isoDateSchema,
  consentId: idSchema.nullable(),
  overrideReason: z.string().nullable(),
  status: referralStatusSchema,
  outcome: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Referral = z.infer<typeof referralSchema>;
