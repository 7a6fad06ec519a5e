import { z } from 'zod';
import { idSchema, text } from './common';

/** Relation of `relatedPersonId` to `personId` ("… ist Kind von …"); the inverse is derived. */
export const relationKinds = ['partner', 'kind', 'elternteil', 'geschwister', 'verwandt', 'sonstige'] as const;
export const relationKindSchema = z.enum(relationKinds);
export type RelationKind = z.infer<typeof relationKindSchema>;

export const householdLinkInputSchema = z.object({
  personId: idSchema,
  relatedPersonId: idSchema,
  relation: relationKindSchema,
  /** lives in the same household (not only family) */
  sameHousehold: z.boolean(),
  note: text(500).optional(),
});

export const householdMemberSchema = z.object({
  linkId: idSchema,
  personId: idSchema,
  familyName: z.string(),
  givenNames: z.string(),
  /** the relation of this member to the person whose household is listed */
  relation: relationKindSchema,
  sameHousehold: z.boolean(),
  note: z.string().nullable(),
});
export type HouseholdMember = z.infer<typeof householdMemberSchema>;
