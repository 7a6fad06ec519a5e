import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';

/**
 * Birth dates in the target group are often unknown or known only by year; "01.01." placeholders
 * are common and are not real dates (DOMAIN.md, Names). So the kind of knowledge is explicit.
 */
export const birthDateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), date: isoDateSchema }),
  z.object({ kind: z.literal('year'), year: z.number().int().min(1900).max(2100) }),
  z.object({ kind: z.literal('unknown') }),
]);
export type BirthDate = z.infer<typeof birthDateSchema>;

export const genderSchema = z.enum(['weiblich', 'maennlich', 'divers', 'unbekannt']);
export type Gender = z.infer<typeof genderSchema>;

export const languageSkillSchema = z.object({
  /** ISO 639 code or catalog key */
  language: requiredText(60),
  interpreterNeeded: z.boolean(),
});

export const residenceSchema = z.object({
  /** key of the residence-status catalog (shared/catalogs/residence.ts) */
  status: requiredText(80),
  /** free text like "§ 25 Abs. 2 AufenthG" where the title needs its paragraph */
  paragraph: text(80).optional(),
  validUntil: isoDateSchema.optional(),
});

export const addressSchema = z.object({
  street: text(120).optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'Postleitzahl: fünf Ziffern')
    .optional(),
  /** key of a municipality (Kommune) of the county */
  municipality: text(80).optional(),
});

/** The editable fields of a person (Klient:in). */
export const personInputSchema = z.object({
  familyName: requiredText(120),
  givenNames: requiredText(160),
  /** known other spellings of the full name (passport, BAMF, self-reported …) */
  otherSpellings: z.array(requiredText(200)).max(20).default([]),
  birthDate: birthDateSchema,
  gender: genderSchema,
  nationalities: z.array(requiredText(60)).max(5).default([]),
  languages: z.array(languageSkillSchema).max(10).default([]),
  residence: residenceSchema.optional(),
  arrivalDate: isoDateSchema.optional(),
  address: addressSchema.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+()\d\s/-]{0,40}$/, 'Telefonnummer: nur Ziffern, Leerzeichen und + ( ) / -')
    .optional(),
  email: z.union([z.string().trim().email('Keine gültige E-Mail-Adresse').max(200), z.literal('')]).optional(),
});
export type PersonInput = z.infer<typeof personInputSchema>;

export const personSchema = personInputSchema.extend({
  id: idSchema,
  teamId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personSummarySchema = z.object({
  id: idSchema,
  familyName: z.string(),
  givenNames: z.string(),
  birthDate: birthDateSchema,
  /** which stored spelling matched the query, if it was not the main name */
  matchedSpelling: z.string().optional(),
  /** 0..1, higher is better; how the match came about is in `matchKind` */
  score: z.number(),
  matchKind: z.enum(['exact', 'prefix', 'phonetic', 'all']),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;
