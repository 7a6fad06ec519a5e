import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../shared/domain/case';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { formatIsoDate } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';

interface PersonCasesProps {
  personId: string;
  /** the cases from the person's file (`persons.file`); without them the panel loads them itself */
  cases?: readonly Case[];
}

/** The person's cases, each a link to its case file, and the way to open a new one (with the target-group check). */
export function PersonCases({ personId, cases: given }: PersonCasesProps) {
  const { t } = useTranslation();
  const own = useKimQuery('cases.forPerson', { personId }, given === undefined);
  const list = given ?? own.data;

  return (
    <section aria-labelledby="cases-title" className="panel">
      <div className="panel-head">
        <h2 id="cases-title">{t('detail.cases')}</h2>
        <Link to={`/persons/${personId}/open-case`} className="button button-primary">
          {t('detail.openCase')}
        </Link>
      </div>
      {given === undefined && own.status === 'error' ? <LoadError error={own.error} onRetry={own.reload} /> : null}
      {list === undefined && own.status === 'loading' ? <Loading /> : null}
      {list && list.length === 0 ? <p className="muted">{t('detail.noCases')}</p> : null}
      {list && list.length > 0 ? (
        // A list, not a table: the panel is narrow, and each case reads as one sentence.
        <ul className="case-list">
          {list.map((item) => (
            <li key={item.id} className="case-item">
              <Link to={`/cases/${item.id}`} className="case-link">
                {t('caseFile.personCases.link', { date: formatIsoDate(item.openedAt) })}
              </Link>
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
