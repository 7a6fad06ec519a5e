import type { TFunction } from 'i18next';
import { schemaMessage } from '../../../i18n/schema-messages';

/**
 * Error texts of the person form. Where zod's generic message would puzzle ("expected number,
 * received NaN"), the field says plainly what it wants.
 */
export function personErrorText(path: string, message: string, t: TFunction): string {
  if (path === 'birthDate.date') return t('person.birthDateError');
  if (path === 'birthDate.year') return t('person.birthYearError');
  if (path === 'gender') return t('person.genderError');
  if (path === 'nationalities') return t('person.nationalitiesMax');
  return schemaMessage(message);
}

/** The label a summary entry starts with, so "Pflichtfeld" says which field. */
export function personFieldLabel(path: string, t: TFunction): string {
  const spelling = /^otherSpellings\.(\d+)/.exec(path);
  if (spelling) return t('person.otherSpelling', { number: Number(spelling[1]) + 1 });
  if (path.startsWith('languages')) return t('person.languages');
  if (path.startsWith('birthDate')) return t('person.birthDate');
  const labels: Record<string, string> = {
    familyName: t('person.familyName'),
    givenNames: t('person.givenNames'),
    gender: t('person.gender'),
    nationalities: t('person.nationalities'),
    'residence.status': t('person.residenceStatus'),
    'residence.paragraph': t('person.paragraph'),
    'residence.validUntil': `${t('person.residenceStatus')}: ${t('person.validUntil')}`,
    arrivalDate: t('person.arrivalDate'),
    'address.street': t('person.street'),
    'address.postalCode': t('person.postalCode'),
    'address.municipality': t('person.municipality'),
    phone: t('person.phone'),
    email: t('person.email'),
  };
  return labels[path] ?? path;
}

/** Which control a summary entry jumps to: list errors go to the list's add control. */
export function personFieldTarget(path: string): string {
  if (path.startsWith('languages')) return 'languages';
  if (path.startsWith('birthDate.kind')) return 'birthDate.kind.full';
  return path;
}
