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
