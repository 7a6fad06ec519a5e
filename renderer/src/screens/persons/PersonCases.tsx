import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../shared/domain/case';
import { call } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { ActionFeedback } from '../../components/ActionFeedback';
import { formatIsoDate } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';
import { errorText } from '../../i18n/error-text';

/** The person's cases, and "Fall eröffnen" (phase Zugang, the profile's user as case manager). */
export function PersonCases({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const cases = useKimQuery('cases.forPerson', { personId });
  const [opening, setOpening] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const openCase = async () => {
    setOpening(true);
    setFailure(null);
    setMessage(null);
    try {
      const opened: Case = await call('cases.open', { personId });
      setMessage(t('detail.caseOpened', { phase: t(`phase.${opened.phase}`) }));
      cases.reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setOpening(false);
    }
  };

  return (
    <section aria-labelledby="cases-title" className="panel">
      <div className="panel-head">
        <h2 id="cases-title">{t('detail.cases')}</h2>
        <button type="button" className="button button-primary" onClick={() => void openCase()} disabled={opening}>
          {opening ? t('detail.opening') : t('detail.openCase')}
        </button>
      </div>
      <ActionFeedback message={message} failure={failure} />
      {cases.status === 'error' ? <LoadError error={cases.error} onRetry={cases.reload} /> : null}
      {cases.data === undefined && cases.status === 'loading' ? <Loading /> : null}
      {cases.data && cases.data.length === 0 ? <p className="muted">{t('detail.noCases')}</p> : null}
      {cases.data && cases.data.length > 0 ? (
        // A list, not a table: the panel is narrow, and each case reads as one sentence.
        <ul className="case-list">
          {cases.data.map((item) => (
            <li key={item.id} className="case-item">
              <span className={`phase phase-${item.phase}`}>
                <span className="visually-hidden">{t('detail.casePhase')}: </span>
                {t(`phase.${item.phase}`)}
              </span>
              <span className="case-meta">
                {t('detail.caseOpenedAt')} {formatIsoDate(item.openedAt)}
                {item.closedAt ? ` · ${t('detail.caseClosedAt')} ${formatIsoDate(item.closedAt)}` : ''}
              </span>
              <span className="case-meta">
                {t('detail.caseManager')}: {item.caseManager}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
