import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeSchema, type Locale } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { ActionFeedback } from '../../components/ActionFeedback';
import { errorText } from '../../i18n/error-text';
import { applyLocale } from '../../i18n/setup';
import { useSession } from '../../state/session-store';

/** Language of the UI, saved with the profile; it applies at once. */
export function LanguageSettings() {
  const { t, i18n } = useTranslation();
  const settings = useSession((state) => state.settings);
  const setSettings = useSession((state) => state.setSettings);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async (locale: Locale) => {
    setFailure(null);
    try {
      const saved = await call('settings.update', { locale });
      applyLocale(saved.locale);
      setSettings(saved);
      // Confirmed in the language just chosen.
      setMessage(i18n.getFixedT(saved.locale)('settings.languageChanged'));
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section aria-labelledby="language-title" className="panel">
      <h2 id="language-title">{t('settings.languageTitle')}</h2>
      <fieldset className="field field-group">
        <legend className="field-label">{t('settings.languageLegend')}</legend>
        <div className="choice-row">
          {localeSchema.options.map((locale) => (
            <div className="choice" key={locale}>
              <input
                type="radio"
                id={`locale-${locale}`}
                name="locale"
                value={locale}
                className="choice-input"
                checked={settings?.locale === locale}
                onChange={() => void choose(locale)}
              />
              {/* each language names itself, in itself */}
              <label htmlFor={`locale-${locale}`} className="choice-label" lang={locale}>
                {t(`locale.${locale}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <ActionFeedback message={message} failure={failure} />
    </section>
  );
}
