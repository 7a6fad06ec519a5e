import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { Tabs } from '../../components/Tabs';
import { displayName, formatIsoDate } from '../../format/dates';
import { keepFocusState } from '../../hooks/useFocusOnNavigate';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { CaseTabPanel } from './CaseTabPanel';
import { caseTabKeys, isCaseTabKey } from './case/case-tabs';
import { PhaseStepper } from './PhaseStepper';

/** The case file: who, which phase, and the tabs with everything the case holds. */
export function CaseFileScreen() {
  const { t } = useTranslation();
  const { id = '', tab } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const detail = useKimQuery('cases.get', { id });
  const data = detail.data;
  const name = data ? displayName(data.person) : '';
  usePageTitle(data ? t('caseFile.file.pageTitle', { name }) : t('caseFile.file.titleFallback'));
  const selected = isCaseTabKey(tab) ? tab : 'overview';
  const flash = (location.state as { flash?: unknown } | null)?.flash;
  const closed = data ? data.case.closedAt !== null : false;

  return (
    <>
      {data ? (
        <p className="breadcrumb">
          <Link to={`/persons/${data.person.id}`}>{t('caseFile.file.toPerson', { name })}</Link>
        </p>
      ) : null}
      <div className="page-head">
        <PageHeading>
          {data ? t('caseFile.file.title', { name }) : t('caseFile.file.titleFallback')}
          {data ? (
            <span className="heading-sub">
              <span className="visually-hidden">, </span>
              {t('caseFile.file.openedAt', { date: formatIsoDate(data.case.openedAt) })}
              {data.case.closedAt ? ` · ${t('caseFile.file.closedAt', { date: formatIsoDate(data.case.closedAt) })}` : ''}
              {` · ${t('caseFile.file.caseManager', { name: data.case.caseManager })}`}
            </span>
          ) : null}
        </PageHeading>
        {closed ? <span className="case-closed-badge">{t('caseFile.file.closedBadge')}</span> : null}
      </div>
      <StatusMessage message={flash === 'opened' ? t('caseFile.open.opened', { phase: t('phase.zugang') }) : null} />
      {detail.status === 'error' ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {detail.status === 'loading' && !data ? <Loading /> : null}
      {data ? (
        <>
          <PhaseStepper phase={data.case.phase} />
          <Tabs
            idPrefix="case"
            label={t('caseFile.tabs.label')}
            tabs={caseTabKeys.map((key) => ({ key, label: t(`caseFile.tabs.${key}`) }))}
            selected={selected}
            onSelect={(key) => navigate(`/cases/${id}/${key}`, { replace: true, state: keepFocusState })}
          >
            <CaseTabPanel tab={selected} detail={data} onChanged={detail.reload} />
          </Tabs>
        </>
      ) : null}
    </>
  );
}
