import { minPasswordLength, passwordProblem } from '../../../shared/password-policy';
import { de } from './de';
import { en } from './en';
import { i18n } from './setup';

/**
 * The shared zod schemas and the core speak German (DESIGN.md: German user messages come from the
 * core). In the English UI the few fixed schema messages are translated here; anything unknown
 * is shown as it came, German being better than nothing.
 */
const english: Record<string, string> = {
  Pflichtfeld: 'Required',
  'Bitte Passwort eingeben': 'Please enter the password',
  'Datum im Format JJJJ-MM-TT erwartet': 'Date expected as YYYY-MM-DD',
  'Kein gültiges Datum': 'Not a valid date',
  'Postleitzahl: fünf Ziffern': 'Postal code: five digits',
  'Telefonnummer: nur Ziffern, Leerzeichen und + ( ) / -': 'Phone number: digits, spaces and + ( ) / - only',
  'Keine gültige E-Mail-Adresse': 'Not a valid e-mail address',
  [de.password.mismatch]: en.password.mismatch,
};
// The policy's messages are derived from the policy itself, so a reworded rule stays translated.
const tooShort = passwordProblem('x');
const repeated = passwordProblem('x'.repeat(64));
if (tooShort) english[tooShort] = `The password is too short: at least ${minPasswordLength} characters. Tip: a passphrase of several words.`;
if (repeated) english[repeated] = 'The password must not consist of one repeated character.';

export function schemaMessage(message: string): string {
  if (i18n.language === 'en') return english[message] ?? message;
  return message;
}
