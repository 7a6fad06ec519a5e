import type { TFunction } from 'i18next';
import { schemaMessage } from '../../../../i18n/schema-messages';

/**
 * The shared schemas speak German. Their messages that the care forms can show are keyed here,
 * so the English UI gets a translation and the German UI the same words the core would use.
 */
const keyByMessage: Record<string, string> = {
  'Bitte die empfangende Stelle wählen': 'care.schema.recipient',
  'Bitte die Sprache der Dolmetschung angeben': 'care.schema.interpreterLanguage',
  'Gültig bis liegt vor dem Datum der Einwilligung': 'care.schema.validUntilBefore',
  'Bitte mindestens ein Handlungsfeld einschätzen': 'care.schema.oneDomain',
  'Fällig am liegt vor dem Vereinbarungsdatum': 'care.schema.dueBefore',
  'Bitte den Netzwerkpartner wählen': 'care.schema.partner',
  'Uhrzeit im Format HH:MM': 'care.schema.time',
  'Mindestens 1 Minute': 'care.schema.minMinutes',
  'Höchstens 600 Minuten': 'care.schema.maxMinutes',
  'Datum im Format JJJJ-MM-TT erwartet': 'care.schema.date',
  'Kein gültiges Datum': 'care.schema.date',
  'Nur PDF, JPEG oder PNG': 'care.schema.fileType',
};

/**
 * The text of one field error. `fixed` names fields whose generic zod message would puzzle
 * (an unchosen select: "expected one of …"): there the field says plainly what it wants.
 */
export function careMessage(path: string, message: string, t: TFunction, fixed: Readonly<Record<string, string>> = {}): string {
  const key = keyByMessage[message];
  if (key) return t(key);
  const plain = fixed[path];
  if (plain) return plain;
  return schemaMessage(message);
}
