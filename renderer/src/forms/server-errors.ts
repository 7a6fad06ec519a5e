import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { KimApiError } from '../api';
import { errorText } from '../i18n/error-text';

/**
 * Puts the core's answer to a failed save where the person looks: field errors next to their
 * fields (the core validated with the same schema, so the paths match), the rest as a message
 * for the form. Returns that message, or null when everything landed on a field.
 */
export function applyServerError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  knownFields: readonly string[],
  mapPath: (path: string) => string = (path) => path,
): string | null {
  if (error instanceof KimApiError && Object.keys(error.fieldErrors).length > 0) {
    let unplaced = false;
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const root = path.split('.')[0] ?? path;
      if (knownFields.includes(root)) setError(mapPath(path) as Path<T>, { type: 'server', message });
      else unplaced = true;
    }
    return unplaced ? errorText(error) : null;
  }
  return errorText(error);
}
