import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';

/** DGCC phases (DOMAIN.md); the UI labels come from i18n. */
export const casePhaseSchema = z.enum(['zugang', 'clearing', 'hilfeplanung', 'umsetzung', 'abschluss']);
export type CasePhase = z.infer<typeof casePhaseSchema>;

export const caseSchema = z.object({
  id: idSchema,
  personId: idSchema,
  teamId: z.string().nullable(),
  phase: casePhaseSchema,
  caseManager: z.string(),
  openedAt: isoDateSchema,
  closedAt: isoDateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof caseSchema>;

export const caseListItemSchema = z.object({
  id: idSchema,
  personId: idSchema,
  personName: z.string(),
  phase: casePhaseSchema,
  openedAt: isoDateSchema,
  lastContactAt: isoDateSchema.nullable(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;
