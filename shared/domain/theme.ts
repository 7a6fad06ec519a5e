import { z } from 'zod';
import { idSchema, isoDateSchema, text } from './common';

/** Generative Themen: structural barriers a case shows, for the steering group (Lenkungsgruppe). */
export const caseThemeInputSchema = z
  .object({
    caseId: idSchema,
    /** key of the county's theme list (reference data); or free text */
    themeKey: z.string().max(64).optional(),
    freeText: text(300).optional(),
    note: text(2000).optional(),
    notedAt: isoDateSchema,
  })
  .refine((t) => (t.themeKey ?? '').length > 0 || (t.freeText ?? '').length > 0, {
    message: 'Bitte ein Thema wählen oder beschreiben',
    path: ['themeKey'],
  });

export const caseThemeSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  themeKey: z.string().nullable(),
  /** the theme's label from the list, or the free text */
  label: z.string(),
  note: z.string().nullable(),
  notedAt: isoDateSchema,
  notedBy: z.string(),
});
export type CaseTheme = z.infer<typeof caseThemeSchema>;
