/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Done in UTC on purpose: a date here is a day,
 * not an instant, so daylight-saving changes must not move it. ISO dates compare as strings.
 */
const dayMs = 86_400_000;

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** `TT.MM.JJJJ`, as the UI shows dates (DOMAIN.md, Words in the UI). */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}
