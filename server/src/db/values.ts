import type { Row } from './adapter';

/**
 * Typed reads of database rows. `pg` gives bigint as text and PGlite as number; a value of any
 * other type is a programming error and fails loudly instead of travelling on as `unknown`.
 */
export function str(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`Spalte ${column}: Text erwartet`);
  return value;
}

export function strOrNull(row: Row, column: string): string | null {
  return row[column] === null || row[column] === undefined ? null : str(row, column);
}

export function num(row: Row, column: string): number {
  const value = row[column];
  const number = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new Error(`Spalte ${column}: Zahl erwartet`);
  return number;
}

export function numOrNull(row: Row, column: string): number | null {
  return row[column] === null || row[column] === undefined ? null : num(row, column);
}

/** A json column holding an array (`json_agg`, `json_build_array`); its elements are read with the helpers below. */
export function jsonArray(row: Row, column: string): unknown[] {
  const value = row[column];
  if (!Array.isArray(value)) throw new Error(`Spalte ${column}: JSON-Liste erwartet`);
  return value;
}

/** Element `index` of a JSON array from the database, as text. */
export function textAt(items: unknown, index: number): string {
  const value = Array.isArray(items) ? (items as unknown[])[index] : undefined;
  if (typeof value !== 'string') throw new Error(`JSON-Element ${index}: Text erwartet`);
  return value;
}

/** Element `index` of a JSON array from the database, as a safe integer. */
export function integerAt(items: unknown, index: number): number {
  const value = Array.isArray(items) ? (items as unknown[])[index] : undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Error(`JSON-Element ${index}: Zahl erwartet`);
  return value;
}

/** Element `index` of a JSON array from the database, as a boolean. */
export function booleanAt(items: unknown, index: number): boolean {
  const value = Array.isArray(items) ? (items as unknown[])[index] : undefined;
  if (typeof value !== 'boolean') throw new Error(`JSON-Element ${index}: Wahrheitswert erwartet`);
  return value;
}

/** A json column holding an array of text (`json_agg` of a text column). */
export function textList(row: Row, column: string): string[] {
  return jsonArray(row, column).map((value) => {
    if (typeof value !== 'string') throw new Error(`Spalte ${column}: Text erwartet`);
    return value;
  });
}
