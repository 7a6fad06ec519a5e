import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/domain/person';
import { birthLine, fullName } from '../../format/dates';

interface PersonResultsProps {
  results: PersonSummary[] | undefined;
  query: string;
  loading: boolean;
}

/** The hits, with the spelling that matched when it is not the main name (so a hit makes sense). */
export function PersonResults({ results, query, loading }: PersonResultsProps) {
  const { t } = useTranslation();
  const count = results?.length ?? 0;
  let summary: string;
  if (!results) summary = loading ? t('persons.searching') : '';
  else if (count === 0) summary = query ? t('persons.noResults', { query }) : t('persons.empty');
  else summary = t('persons.count', { count });

  return (
    <section id="person-results" aria-labelledby="person-results-title" className="results">
      <h2 id="person-results-title" className="visually-hidden">
        {t('persons.resultsLabel')}
      </h2>
      <p role="status" className="results-count">
        {summary}
      </p>
      {results && count > 0 ? (
        <ul className="result-list" aria-busy={loading}>
          {results.map((person) => (
            <li key={person.id} className="result-item">
              <Link to={`/persons/${person.id}`} className="result-name">
                {fullName(person)}
              </Link>
              <span className="result-meta">
                <span className="result-birth">{birthLine(person.birthDate, t)}</span>
                {person.matchedSpelling ? (
                  <span className="result-spelling">{t('persons.alsoSpelled', { spelling: person.matchedSpelling })}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
