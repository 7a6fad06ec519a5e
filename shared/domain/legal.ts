import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';

/** Rechtskreise (DOMAIN.md). */
export const legalDomains = ['sgb2', 'sgb3', 'sgb8', 'sgb9', 'sgb12', 'asylblg', 'aufenthg', 'stag', 'wogg_bkgg', 'sonstige'] as const;
export const legalDomainKeySchema = z.enum(legalDomains);
export type LegalDomainKey = z.infer<typeof legalDomainKeySchema>;

export const legalDomainInputSchema = z.object({
  caseId: idSchema,
  domain: legalDomainKeySchema,
  /** responsible office (Jobcenter Mettmann, Ausländerbehörde …) */
  office: requiredText(200),
  fileNumber: text(100).optional(),
  contactPerson: text(200).optional(),
  contactDetails: text(300).optional(),
  note: text(2000).optional(),
});

export const legalDomainSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  domain: legalDomainKeySchema,
  office: z.string(),
  fileNumber: z.string().nullable(),
  contactPerson: z.string().nullable(),
  contactDetails: z.string().nullable(),
  note: z.string().nullable(),
});
export type LegalDomainEntry = z.infer<typeof legalDomainSchema>;

/** Deadlines that matter (Fristen): permit expiry, § 25a/§ 25b requirements, naturalisation … */
export const deadlineKinds = ['aufenthaltstitel_ablauf', 'p25a', 'p25b', 'einbuergerung', 'widerspruch', 'sonstige'] as const;
export const deadlineKindSchema = z.enum(deadlineKinds);

export const deadlineInputSchema = z.object({
  caseId: idSchema,
  legalDomainId: idSchema.optional(),
  kind: deadlineKindSchema,
  dueAt: isoDateSchema,
  note: text(1000).optional(),
});

export const deadlineSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  legalDomainId: idSchema.nullable(),
  kind: deadlineKindSchema,
  dueAt: isoDateSchema,
  note: z.string().nullable(),
  doneAt: isoDateSchema.nullable(),
});
export type Deadline = z.infer<typeof deadlineSchema>;
