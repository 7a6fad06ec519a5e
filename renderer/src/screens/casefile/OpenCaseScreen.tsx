import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { displayName } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { OpenCaseForm } from './case/open/OpenCaseForm';

/** Opening a case: the county's target-group check first, then the case file. */
export function OpenCaseScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = useKimQuery('persons.get', { id });
  const household = useKimQuery('household.list', { personId: id });
  const name = person.data ? displayName(person.data) : '';
  usePageTitle(t('caseFile.open.pageTitle', { name }));
  const failed = [person, household].find((query) => query.status === 'error');

  return (
    <>
      <p className="breadcrumb">
        <Link to={`/persons/${id}`}>{person.data ? t('caseFile.file.toPerson', { name }) : t('detail.titleFallback')}</Link>
      </p>
      <PageHeading>{person.data ? t('caseFile.open.title', { name }) : t('caseFile.open.titleFallback')}</PageHeading>
      <p className="lead">{t('caseFile.open.intro')}</p>
      {failed ? (
        <LoadError
          error={failed.error}
          onRetry={() => {
            person.reload();
            household.reload();
          }}
        />
      ) : null}
      {!person.data || !household.data ? failed ? null : <Loading /> : <OpenCaseForm personId={id} household={household.data} />}
    </>
  );
}
