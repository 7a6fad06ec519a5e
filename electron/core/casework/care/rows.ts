import type { z } from 'zod';
import type { RowValues, SqlValue } from '../../write/entities';

/**
 * Rows of synced tables may be incomplete for a moment (a pull page can end in the middle of a
 * row's fields). Readers map each row, check it with the shared schema, and skip what does not
 * pass yet instead of failing the whole screen.
 */
export function parseRows<T>(rows: readonly RowValues[], toCandidate: (row: RowValues) => unknown, schema: z.ZodType<T>): T[] {
  const result: T[] = [];
  for (const row of rows) {
    const parsed = parseRow(row, toCandidate, schema);
    if (parsed !== undefined) result.push(parsed);
  }
  return result;
}

export function parseRow<T>(row: RowValues, toCandidate: (row: RowValues) => unknown, schema: z.ZodType<T>): T | undefined {
  const parsed = schema.safeParse(toCandidate(row));
  return parsed.success ? parsed.data : undefined;
}

/** A JSON column's value; undefined when it is missing or not JSON (the schema then refuses the row). */
export function jsonColumn(value: SqlValue | undefined): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** An optional text from a form: empty means "none", stored as NULL. */
export function orNull(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** A text column's value, or null when it is empty or not text. */
export function textOrNull(value: SqlValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
