/** Today's date on this computer as `YYYY-MM-DD` (the local day, not UTC's). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An empty input means "not given": the schemas want the key absent, not "". */
export function optionalText(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}
