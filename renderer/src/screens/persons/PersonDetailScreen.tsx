import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { StatusMessage } from '../../components/StatusMessage';
import { birthLine } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSession } from '../../state/session-store';
import { flashOf } from './flash';
import { DocumentsPanel } from '../documents/DocumentsPanel';
import { PersonConsentsPanel } from '../casefile/care/PersonConsentsPanel';
import { HouseholdPanel } from './household/HouseholdPanel';
import { PersonCases } from './PersonCases';
import { PersonFacts } from './PersonFacts';

/** One person's file: the data, household, cases, consents and documents, and the ways on (edit, open a case). */
export function PersonDetailScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const catalogs = useSession((state) => state.catalogs);
  const person = useKimQuery('persons.get', { id });
  const name = person.data ? `${person.data.givenNames} ${person.data.familyName}` : t('detail.titleFallback');
  usePageTitle(name);
  const flash = flashOf(location.state);

  return (
    <>
      <p className="breadcrumb">
        <Link to="/persons">{t('detail.backToList')}</Link>
      </p>
      <div className="page-head">
        <PageHeading>
          {name}
          {person.data ? (
            <span className="heading-sub">
              <span className="visually-hidden">, </span>
              {birthLine(person.data.birthDate, t)}
            </span>
          ) : null}
        </PageHeading>
        {person.data ? (
          <Link to={`/persons/${person.data.id}/edit`} className="button button-secondary">
            {t('detail.edit')}
          </Link>
        ) : null}
      </div>
      <StatusMessage message={flash === 'created' ? t('person.created') : flash === 'saved' ? t('person.saved') : null} />
      {person.status === 'error' ? <LoadError error={person.error} onRetry={person.reload} /> : null}
      {person.status === 'loading' && !person.data ? <Loading /> : null}
      {person.data && catalogs ? (
        <>
          <div className="detail-grid">
            <div className="detail-column">
              <section aria-labelledby="facts-title" className="panel">
                <h2 id="facts-title">{t('detail.personalData')}</h2>
                <PersonFacts person={person.data} catalogs={catalogs} />
              </section>
              <HouseholdPanel personId={person.data.id} personName={name} />
            </div>
            <div className="detail-column">
              <PersonCases personId={person.data.id} />
              <PersonConsentsPanel personId={person.data.id} />
            </div>
          </div>
          <DocumentsPanel personId={person.data.id} ownerKind="person" ownerId={person.data.id} />
        </>
      ) : null}
    </>
  );
}
