/** Optional text from a form → column value: absent or empty (after the schema's trim) is NULL. */
export function textOrNull(value: string | undefined | null): string | null {
  return value === undefined || value === null || value.length === 0 ? null : value;
}
