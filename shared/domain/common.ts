import { z } from 'zod';

/** UUIDv7 (or any RFC 4122 id) as text: every synced row is keyed by one. */
export const idSchema = z.string().uuid();

/**
 * A real calendar day (`YYYY-MM-DD`): its parts survive a round trip through a UTC date. A
 * plain `Date.parse` is not enough: it rolls 2025-02-30 over into March.
 */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps the years 0–99 to 1900–1999
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Calendar date without time, ISO `YYYY-MM-DD`. The UI shows it as `TT.MM.JJJJ`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet')
  .refine(isCalendarDate, 'Kein gültiges Datum');

/** Trimmed text with a length cap: no field may be used to smuggle megabytes through IPC. */
export const text = (max: number) => z.string().trim().max(max);
export const requiredText = (max: number) => z.string().trim().min(1, 'Pflichtfeld').max(max);
