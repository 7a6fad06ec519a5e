import { z } from 'zod';
import { idSchema, isoDateSchema, requiredText, text } from './common';
import { lifeDomainSchema } from './life-domains';

/** Beratungskontakte. The note is append-only: a correction is a new version; nothing is overwritten. */
export const contactModes = ['persoenlich', 'telefonisch', 'video', 'aufsuchend', 'email_messenger'] as const;
export const contactModeSchema = z.enum(contactModes);
export type ContactMode = z.infer<typeof contactModeSchema>;

export const interpreterKindSchema = z.enum(['professionell', 'ehrenamtlich', 'angehoerige', 'telefon_video']);

export const interpreterSchema = z.object({ language: requiredText(60), kind: interpreterKindSchema });

export const contactInputSchema = z.object({
  caseId: idSchema,
  contactDate: isoDateSchema,
  /** `HH:MM`, optional */
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Uhrzeit im Format HH:MM').optional(),
  durationMinutes: z.number().int().min(1, 'Mindestens 1 Minute').max(600, 'Höchstens 600 Minuten'),
  mode: contactModeSchema,
  participants: z.array(requiredText(120)).max(20).default([]),
  interpreter: interpreterSchema.optional(),
  topics: z.array(lifeDomainSchema).max(10).default([]),
  note: requiredText(20_000),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export const noteVersionSchema = z.object({
  id: idSchema,
  version: z.number().int().min(1),
  text: z.string(),
  /** why this version corrects the previous one (null for the first version) */
  reason: z.string().nullable(),
  writtenBy: z.string(),
  writtenAt: z.string(),
});
export type NoteVersion = z.infer<typeof noteVersionSchema>;

export const contactSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  contactDate: isoDateSchema,
  startTime: z.string().nullable(),
  durationMinutes: z.number().int(),
  mode: contactModeSchema,
  participants: z.array(z.string()),
  interpreter: interpreterSchema.nullable(),
  topics: z.array(lifeDomainSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  /** all versions of the note, newest first; [0] is the current text */
  notes: z.array(noteVersionSchema),
});
export type Contact = z.infer<typeof contactSchema>;

export const correctNoteInputSchema = z.object({
  contactId: idSchema,
  text: requiredText(20_000),
  /** why the note is corrected (shown with the version) */
  reason: text(500).optional(),
});
