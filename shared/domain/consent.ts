import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';

/** Purposes a consent is given for; sharing purposes allow referrals to the named recipient. */
export const consentPurposes = ['verarbeitung', 'datenweitergabe', 'schweigepflichtentbindung', 'vermittlung'] as const;
export const consentPurposeSchema = z.enum(consentPurposes);
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;
/** purposes that allow a referral or data sharing with the consent's recipient */
export const sharingPurposes: readonly ConsentPurpose[] = ['datenweitergabe', 'schweigepflichtentbindung', 'vermittlung'];

export const consentFormSchema = z.enum(['schriftlich', 'muendlich', 'muendlich_dolmetschung']);
export type ConsentForm = z.infer<typeof consentFormSchema>;

export const consentInputSchema = z
  .object({
    personId: idSchema,
    caseId: idSchema.optional(),
    purpose: consentPurposeSchema,
    /** details of the purpose in the person's words, optional */
    purposeText: text(500).optional(),
    /** partner id from the reference data; required for sharing purposes */
    recipientPartnerId: z.string().max(64).optional(),
    givenAt: isoDateSchema,
    form: consentFormSchema,
    /** language of the interpreter, for form 'muendlich_dolmetschung' */
    interpreterLanguage: text(60).optional(),
    validUntil: isoDateSchema.optional(),
  })
  .refine((c) => !sharingPurposes.includes(c.purpose) || (c.recipientPartnerId ?? '').length > 0, {
    message: 'Bitte die empfangende Stelle wählen',
    path: ['recipientPartnerId'],
  })
  .refine((c) => c.form !== 'muendlich_dolmetschung' || (c.interpreterLanguage ?? '').length > 0, {
    message: 'Bitte die Sprache der Dolmetschung angeben',
    path: ['interpreterLanguage'],
  })
  .refine((c) => c.validUntil === undefined || c.validUntil >= c.givenAt, {
    message: 'Gültig bis liegt vor dem Datum der Einwilligung',
    path: ['validUntil'],
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const consentStatusSchema = z.enum(['gueltig', 'abgelaufen', 'widerrufen', 'noch_nicht_gueltig']);
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export const consentSchema = z.object({
  id: idSchema,
  personId: idSchema,
  caseId: idSchema.nullable(),
  purpose: consentPurposeSchema,
  purposeText: z.string().nullable(),
  recipientPartnerId: z.string().nullable(),
  /** the partner's name as it was when the consent was recorded */
  recipientName: z.string().nullable(),
  givenAt: isoDateSchema,
  form: consentFormSchema,
  interpreterLanguage: z.string().nullable(),
  validUntil: isoDateSchema.nullable(),
  withdrawnAt: isoDateSchema.nullable(),
  withdrawalNote: z.string().nullable(),
  recordedBy: z.string(),
  /** computed for today's date */
  status: consentStatusSchema,
  /** ids of documents attached to it (the signed form) */
  documentIds: z.array(idSchema),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof consentSchema>;

export const withdrawConsentInputSchema = z.object({
  id: idSchema,
  withdrawnAt: isoDateSchema,
  note: text(1000).optional(),
});

export const withdrawReasonRequired = requiredText;
