import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { PageHeading } from '../../components/PageHeading';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { PersonResults } from './PersonResults';

const searchDelayMs = 200;
const resultLimit = 100;

/**
 * Klient:innen: search as you type. The query lives in the URL (#/persons?q=…), so going back
 * from a person returns to the same results.
 */
export function PersonsScreen() {
  const { t } = useTranslation();
  usePageTitle(t('persons.title'));
  const [params, setParams] = useSearchParams();
  // The input owns its text; the URL follows. Binding the input to the URL directly would
  // lose keystrokes typed while the router is still applying the previous one.
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const debounced = useDebouncedValue(query.trim(), searchDelayMs);

  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;
  useEffect(() => {
    setParamsRef.current(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced]);
  const results = useKimQuery('persons.search', { query: debounced, limit: resultLimit });

  return (
    <>
      <div className="page-head">
        <PageHeading>{t('persons.title')}</PageHeading>
        <Link to="/persons/new" className="button button-primary">
          {t('persons.newPerson')}
        </Link>
      </div>
      <div role="search" className="search-box">
        <label htmlFor="person-search" className="field-label">
          {t('persons.searchLabel')}
        </label>
        <p id="person-search-hint" className="field-hint">
          {t('persons.searchHint')}
        </p>
        <input
          id="person-search"
          type="search"
          className="input input-l search-input"
          value={query}
          aria-describedby="person-search-hint"
          aria-controls="person-results"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {results.status === 'error' ? (
        <LoadError error={results.error} onRetry={results.reload} />
      ) : (
        <PersonResults results={results.data} query={debounced} loading={results.status === 'loading'} />
      )}
    </>
  );
}
