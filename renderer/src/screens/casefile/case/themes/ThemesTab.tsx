import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseTheme } from '../../../../../../shared/domain/theme';
import { call } from '../../../../api';
import { ActionFeedback } from '../../../../components/ActionFeedback';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { formatIsoDate } from '../../../../format/dates';
import { useKimQuery } from '../../../../hooks/useKimQuery';
import { errorText } from '../../../../i18n/error-text';
import type { CaseTabProps } from '../../tab-props';
import { ThemeForm } from './ThemeForm';

/**
 * Generative Themen: the structural barriers this case shows, from the county's list or in
 * the case manager's words — what the steering group (Lenkungsgruppe) hears about.
 */
export function ThemesTab({ caseId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const themes = useKimQuery('themes.list', { caseId });
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async (theme: CaseTheme) => {
    setMessage(null);
    setFailure(null);
    try {
      await call('themes.remove', { id: theme.id });
      setMessage(t('caseFile.themes.removed', { label: theme.label }));
      themes.reload();
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <div className="tab-content">
      <h2 className="tab-title">{t('caseFile.tabs.themes')}</h2>
      <p className="muted">{t('caseFile.themes.intro')}</p>
      <ActionFeedback message={message} failure={failure} />
      {themes.status === 'error' ? <LoadError error={themes.error} onRetry={themes.reload} /> : null}
      {themes.status === 'loading' && !themes.data ? <Loading /> : null}
      {themes.data ? (
        <section aria-labelledby="themes-list-title" className="subpanel">
          <h3 id="themes-list-title">
            {t('caseFile.themes.listTitle')} <span className="count-badge">({themes.data.length})</span>
          </h3>
          {themes.data.length === 0 ? (
            <p className="muted">{t('caseFile.themes.empty')}</p>
          ) : (
            <ul className="record-list">
              {themes.data.map((theme) => (
                <li key={theme.id} className="record">
                  <div className="record-head">
                    <p className="record-title">
                      {theme.label}
                      {theme.themeKey ? null : <span className="tag tag-neutral">{t('caseFile.themes.freeTag')}</span>}
                    </p>
                    {closed ? null : (
                      <button type="button" className="button button-secondary button-small" onClick={() => void remove(theme)}>
                        {t('common.remove')}
                        <span className="visually-hidden">: {theme.label}</span>
                      </button>
                    )}
                  </div>
                  <p className="record-meta">{t('caseFile.themes.notedBy', { date: formatIsoDate(theme.notedAt), name: theme.notedBy })}</p>
                  {theme.note ? <p className="pre-line record-note">{theme.note}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {closed ? null : (
        <ThemeForm
          caseId={caseId}
          onSaved={(label) => {
            setFailure(null);
            setMessage(t('caseFile.themes.added', { label }));
            themes.reload();
          }}
        />
      )}
    </div>
  );
}
