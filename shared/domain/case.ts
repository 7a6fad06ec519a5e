import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';
import { targetGroupResultSchema } from './target-group';

/** DGCC phases (DOMAIN.md), in their order; the UI labels come from i18n. */
export const casePhases = ['zugang', 'clearing', 'hilfeplanung', 'umsetzung', 'abschluss'] as const;
export const casePhaseSchema = z.enum(casePhases);
export type CasePhase = z.infer<typeof casePhaseSchema>;

/** Close reasons (DOMAIN.md); 'sonstiges' needs a text. */
export const closeReasons = ['ziele_erreicht', 'regelangebote', 'wegzug', 'kontaktabbruch', 'ablehnung', 'sonstiges'] as const;
export const closeReasonSchema = z.enum(closeReasons);
export type CloseReason = z.infer<typeof closeReasonSchema>;

export const caseSchema = z.object({
  id: idSchema,
  personId: idSchema,
  teamId: z.string().nullable(),
  phase: casePhaseSchema,
  caseManager: z.string(),
  openedAt: isoDateSchema,
  closedAt: isoDateSchema.nullable(),
  closeReason: closeReasonSchema.nullable().default(null),
  closeNote: z.string().nullable().default(null),
  /** the target-group check made at intake (null for cases opened before the check existed) */
  targetGroup: targetGroupResultSchema.nullable().default(null),
  /** household members this case also concerns (ids of persons) */
  involvedPersonIds: z.array(idSchema).default([]),
  lastContactAt: isoDateSchema.nullable().default(null),
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

/** One move between phases: dated, with who did it; append-only (table case_phase_events). */
export const phaseEventKindSchema = z.enum(['open', 'move', 'close', 'reopen']);
export const phaseEventSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  kind: phaseEventKindSchema,
  fromPhase: casePhaseSchema.nullable(),
  toPhase: casePhaseSchema,
  /** the date the move took effect (may be back-dated to the real conversation) */
  movedAt: isoDateSchema,
  note: z.string().nullable(),
  closeReason: closeReasonSchema.nullable(),
  by: z.string(),
  createdAt: z.string(),
});
export type PhaseEvent = z.infer<typeof phaseEventSchema>;

export const movePhaseInputSchema = z.object({
  caseId: idSchema,
  to: casePhaseSchema.exclude(['abschluss']),
  movedAt: isoDateSchema.optional(),
  note: text(2000).optional(),
});

export const closeCaseInputSchema = z
  .object({
    caseId: idSchema,
    reason: closeReasonSchema,
    note: text(2000).optional(),
    closedAt: isoDateSchema.optional(),
    /** the user saw the open goals and tasks and closes anyway; open tasks are then set 'entfallen' */
    acknowledgeOpenItems: z.boolean().default(false),
  })
  .refine((input) => input.reason !== 'sonstiges' || (input.note ?? '').length > 0, {
    message: 'Bitte den Grund beschreiben',
    path: ['note'],
  });

export const reopenCaseInputSchema = z.object({
  caseId: idSchema,
  to: casePhaseSchema.exclude(['abschluss', 'zugang']).default('umsetzung'),
  reason: requiredText(2000),
});

/** What stands in the way of closing: the user sees them and may acknowledge. */
export const closeCheckSchema = z.object({
  openGoals: z.array(z.object({ id: idSchema, description: z.string(), status: z.string() })),
  openTasks: z.array(z.object({ id: idSchema, title: z.string(), dueAt: isoDateSchema.nullable() })),
});
export type CloseCheck = z.infer<typeof closeCheckSchema>;
