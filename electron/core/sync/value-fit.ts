/**
 * Whether a value typed in the review list fits the field, for any record type: it must be of
 * the kind the field held in the two versions that met — a date stays a date, a number a
 * number, a list a list. (Every record is then checked as a whole against its entity's schema:
 * row-validators.ts.) Empty
 * (null) is for the column check to decide: required columns refuse it there.
 */
type Kind = 'date' | 'string' | 'number' | 'boolean' | 'array' | 'object';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function kindOf(value: unknown): Kind | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return isoDate.test(value) ? 'date' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return Array.isArray(value) ? 'array' : 'object';
}

export function fitsField(chosen: unknown, examples: readonly unknown[]): boolean {
  const chosenKind = kindOf(chosen);
  const kinds = examples.map(kindOf).filter((kind): kind is Kind => kind !== null);
  if (chosenKind === null || kinds.length === 0) return true;
  // a free text field may hold a date-like text; a date field only a date
  return kinds.some((kind) => kind === chosenKind || (kind === 'string' && chosenKind === 'date'));
}
