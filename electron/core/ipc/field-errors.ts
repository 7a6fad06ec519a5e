import { z } from 'zod';

/** German default messages for schema checks that carry no message of their own. */
export const germanErrorMap = z.locales.de().localeError;

export const invalidInputMessage = 'Die Eingaben sind unvollständig oder ungültig. Bitte die markierten Felder prüfen.';

/** Zod issues → `path → message`, first message per field; `$` stands for the input as a whole. */
export function toFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? '$' : issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
