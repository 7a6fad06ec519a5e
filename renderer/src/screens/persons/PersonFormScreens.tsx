import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { fullName } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSession } from '../../state/session-store';
import { PersonEditor } from './PersonEditor';

export function PersonCreateScreen() {
  const { t } = useTranslation();
  usePageTitle(t('person.createTitle'));
  const catalogs = useSession((state) => state.catalogs);
  return (
    <>
      <PageHeading>{t('person.createTitle')}</PageHeading>
      {catalogs ? <PersonEditor catalogs={catalogs} /> : <Loading />}
    </>
  );
}

export function PersonEditScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const catalogs = useSession((state) => state.catalogs);
  const person = useKimQuery('persons.get', { id });
  usePageTitle(t('person.editTitle'));

  return (
    <>
      <PageHeading>
        {t('person.editTitle')}
        {person.data ? (
          <span className="heading-sub">
            <span className="visually-hidden">: </span>
            {fullName(person.data)}
          </span>
        ) : null}
      </PageHeading>
      {person.status === 'error' ? <LoadError error={person.error} onRetry={person.reload} /> : null}
      {person.status === 'loading' || !catalogs ? <Loading /> : null}
      {/* keyed by id: the form's defaults are read once, on mount */}
      {person.status === 'success' && catalogs ? <PersonEditor key={person.data.id} catalogs={catalogs} person={person.data} /> : null}
    </>
  );
}
