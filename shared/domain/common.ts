import { z } from 'zod';

/** UUIDv7 (or any RFC 4122 id) as text: every synced row is keyed by one. */
export const idSchema = z.string().uuid();

/** Calendar date without time, ISO `YYYY-MM-DD`. The UI shows it as `TT.MM.JJJJ`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Kein gültiges Datum');

/** Trimmed text with a length cap: no field may be used to smuggle megabytes through IPC. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'Pflichtfeld').max(max);
