import type { TFunction } from 'i18next';
import type { BirthDate } from '../../../shared/domain/person';

/** `2024-03-05` → `05.03.2024` (DOMAIN.md: dates as TT.MM.JJJJ in every UI language). */
export function formatIsoDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** A timestamp (ISO with time) as date and 24-hour time, in local time. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}, ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Birth dates are often partial: "Jahrgang 1990" or "unbekannt" rather than a fake 01.01. */
export function formatBirthDate(birthDate: BirthDate, t: TFunction): string {
  switch (birthDate.kind) {
    case 'full':
      return formatIsoDate(birthDate.date);
    case 'year':
      return t('birth.year', { year: birthDate.year });
    case 'unknown':
      return t('birth.unknown');
  }
}

export function fullName(person: { familyName: string; givenNames: string }): string {
  return [person.familyName, person.givenNames].filter(Boolean).join(', ');
}

/** The birth date standing alone next to a name, where a bare "unbekannt" would not say what. */
export function birthLine(birthDate: BirthDate, t: TFunction): string {
  switch (birthDate.kind) {
    case 'full':
      return t('birth.bornOn', { date: formatIsoDate(birthDate.date) });
    case 'year':
      return t('birth.year', { year: birthDate.year });
    case 'unknown':
      return t('birth.unknownLong');
  }
}

/** Today's calendar date in local time, as `YYYY-MM-DD` (what a date input holds). */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Given names first, as a person is addressed: "Amina Testperson". */
export function displayName(person: { familyName: string; givenNames: string }): string {
  return [person.givenNames, person.familyName].filter(Boolean).join(' ');
}
