import type { TFunction } from 'i18next';

/**
 * "vor 5 Minuten", "vor 2 Stunden", "gestern": how long ago, in the UI language. Under a minute
 * it says "gerade eben" rather than a second count that is stale by the time it is read.
 */
export function relativeTime(iso: string, now: number, locale: string, t: TFunction): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 60) return t('sync.justNow');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.floor(hours / 24), 'day');
}
