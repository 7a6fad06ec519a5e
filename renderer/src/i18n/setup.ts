import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
// Only the two locales the app speaks, not zod's whole locale index.
import zodDe from 'zod/v4/locales/de.js';
import zodEn from 'zod/v4/locales/en.js';
import type { Locale } from '../../../shared/ipc/contract';
import { de } from './de';
import { en } from './en';

/** German first: the app starts in German until the profile's setting says otherwise. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: 'de',
  fallbackLng: 'de',
  // React escapes by itself; escaping twice would show "&amp;" in names like "Al-Hassan & Co".
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** Switches the UI language, the document language (screen readers) and zod's default messages. */
export function applyLocale(locale: Locale): void {
  void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  z.config(locale === 'de' ? zodDe() : zodEn());
}

applyLocale('de');
