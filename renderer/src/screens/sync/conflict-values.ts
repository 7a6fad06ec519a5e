import type { TFunction } from 'i18next';
import type { Catalogs } from '../../../../shared/catalogs/catalogs';
import { birthDateSchema, languageSkillSchema } from '../../../../shared/domain/person';
import { z } from 'zod';
import { formatBirthDate, formatIsoDate } from '../../format/dates';

/** Fields whose value is a key from a fixed list: merging them by hand makes no sense. */
const keyFields = new Set(['team_id', 'person_id', 'gender', 'phase']);
const dateFields = new Set(['arrival_date', 'opened_at', 'closed_at', 'last_contact_at']);
const stringList = z.array(z.string());

/** "Telefon" for persons.phone; an unknown field keeps its raw name rather than vanishing. */
export function fieldLabel(entity: string, field: string, t: TFunction): string {
  return t(`conflicts.fields.${entity}.${field}`, { defaultValue: field });
}

export function entityLabel(entity: string, t: TFunction): string {
  return t(`conflicts.entity.${entity}`, { defaultValue: entity });
}

function catalogLabel(entries: { key: string; label: string }[] | undefined, key: string): string {
  return entries?.find((entry) => entry.key === key)?.label ?? key;
}

export interface ShownValue {
  text: string;
  /** JSON shown as formatted text (keep line breaks) */
  structured: boolean;
  empty: boolean;
}

/**
 * A conflict value as a person reads it: labels instead of keys, TT.MM.JJJJ dates, lists as
 * lists; anything else structured as indented JSON.
 */
export function showValue(entity: string, field: string, value: unknown, catalogs: Catalogs | null, t: TFunction): ShownValue {
  if (value === null || value === undefined || value === '') return { text: t('conflicts.emptyValue'), structured: false, empty: true };
  const plain = (text: string): ShownValue => ({ text, structured: false, empty: false });
  if (typeof value === 'string') {
    if (field === 'gender') return plain(t(`gender.${value}`, { defaultValue: value }));
    if (field === 'phase') return plain(t(`phase.${value}`, { defaultValue: value }));
    if (dateFields.has(field)) return plain(formatIsoDate(value));
    if (field === 'created_at' || field === 'deleted_at') return plain(formatIsoDate(value));
    return plain(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return plain(String(value));
  if (entity === 'persons') {
    if (field === 'birth_date') {
      const birth = birthDateSchema.safeParse(value);
      if (birth.success) return plain(formatBirthDate(birth.data, t));
    }
    if (field === 'other_spellings' || field === 'nationalities') {
      const list = stringList.safeParse(value);
      if (list.success) {
        const items = field === 'nationalities' ? list.data.map((key) => catalogLabel(catalogs?.nationalities, key)) : list.data;
        return items.length === 0 ? { text: t('conflicts.emptyValue'), structured: false, empty: true } : plain(items.join(', '));
      }
    }
    if (field === 'languages') {
      const list = z.array(languageSkillSchema).safeParse(value);
      if (list.success) {
        if (list.data.length === 0) return { text: t('conflicts.emptyValue'), structured: false, empty: true };
        return plain(
          list.data
            .map((skill) => catalogLabel(catalogs?.languages, skill.language) + (skill.interpreterNeeded ? ` (${t('detail.interpreterNeeded')})` : ''))
            .join(', '),
        );
      }
    }
  }
  return { text: JSON.stringify(value, null, 2), structured: true, empty: false };
}

/** Merging by hand is offered for free text: both sides plain strings (or empty). */
export function canMergeByHand(field: string, local: unknown, remote: unknown): boolean {
  if (keyFields.has(field)) return false;
  const textual = (value: unknown) => value === null || value === undefined || typeof value === 'string';
  return textual(local) && textual(remote) && (typeof local === 'string' || typeof remote === 'string');
}
