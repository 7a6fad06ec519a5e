import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { CaseTable } from './CaseTable';

/** The cases this profile's case manager is responsible for. */
export function MyCasesScreen() {
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  const cases = useKimQuery('cases.mine', {});

  return (
    <>
      <PageHeading>{t('cases.title')}</PageHeading>
      {cases.status === 'error' ? <LoadError error={cases.error} onRetry={cases.reload} /> : null}
      {cases.status === 'loading' && !cases.data ? <Loading /> : null}
      {cases.data && cases.data.length === 0 ? <p className="muted">{t('cases.empty')}</p> : null}
      {cases.data && cases.data.length > 0 ? (
        <>
          <p className="results-count">
            {t('cases.count', { count: cases.data.length })}
            <span id="cases-keyboard-hint" className="hint-inline">
              {' '}
              · {t('cases.keyboardHint')}
            </span>
          </p>
          <CaseTable items={cases.data} />
        </>
      ) : null}
    </>
  );
}
