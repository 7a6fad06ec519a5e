import { Fragment } from 'react';
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
import { PersonOpenTasks } from './PersonOpenTasks';
import { PersonRecentContacts } from './PersonRecentContacts';

/**
 * One person's file: the data, household, cases, recent contacts, open tasks, consents and
 * documents, and the ways on (edit, open a case). It is loaded with one call (`persons.file`,
 * one transaction, one audited read); the panels show its parts, and a change in any of them
 * loads the whole file afresh, so the parts always agree.
 */
export function PersonDetailScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const catalogs = useSession((state) => state.catalogs);
  const file = useKimQuery('persons.file', { personId: id });
  // Following a household link keeps the previous person's file until the new one is there: not shown.
  const data = file.data?.person.id === id ? file.data : undefined;
  const person = data?.person;
  const name = person ? `${person.givenNames} ${person.familyName}` : t('detail.titleFallback');
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
          {person ? (
            <span className="heading-sub">
              <span className="visually-hidden">, </span>
              {birthLine(person.birthDate, t)}
            </span>
          ) : null}
        </PageHeading>
        {person ? (
          <Link to={`/persons/${person.id}/edit`} className="button button-secondary">
            {t('detail.edit')}
          </Link>
        ) : null}
      </div>
      <StatusMessage message={flash === 'created' ? t('person.created') : flash === 'saved' ? t('person.saved') : null} />
      {file.status === 'error' ? <LoadError error={file.error} onRetry={file.reload} /> : null}
      {file.status === 'loading' && !data ? <Loading /> : null}
      {data && person && catalogs ? (
        <Fragment key={person.id}>
          <div className="detail-grid">
            <div className="detail-column">
              <section aria-labelledby="facts-title" className="panel">
                <h2 id="facts-title">{t('detail.personalData')}</h2>
                <PersonFacts person={person} catalogs={catalogs} />
              </section>
              <PersonRecentContacts contacts={data.contacts} />
              <HouseholdPanel personId={person.id} personName={name} members={data.household} onChanged={file.reload} />
            </div>
            <div className="detail-column">
              <PersonCases personId={person.id} cases={data.cases} />
              <PersonOpenTasks tasks={data.openTasks} onChanged={file.reload} />
              <PersonConsentsPanel personId={person.id} consents={data.consents} onChanged={file.reload} />
            </div>
          </div>
          <DocumentsPanel
            personId={person.id}
            ownerKind="person"
            ownerId={person.id}
            documents={data.documents.filter((info) => info.ownerKind === 'person' && info.ownerId === person.id)}
            onChanged={file.reload}
          />
        </Fragment>
      ) : null}
    </>
  );
}
