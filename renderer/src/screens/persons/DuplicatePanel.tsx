import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonSummary } from '../../../../shared/domain/person';
import { birthLine, fullName } from '../../format/dates';

interface DuplicatePanelProps {
  candidates: PersonSummary[];
  busy: boolean;
  onCreateAnyway: () => void;
  onBack: () => void;
}

/**
 * "Mögliche Dubletten": persons who resemble the one about to be created. The case manager
 * decides — open an existing person, or create anyway. Nothing is merged automatically.
 */
export function DuplicatePanel({ candidates, busy, onCreateAnyway, onBack }: DuplicatePanelProps) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="duplicates" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title" ref={heading} tabIndex={-1} className="duplicates-title">
        {t('duplicates.title')}
      </h2>
      <p>{t('duplicates.intro', { count: candidates.length })}</p>
      <ul className="duplicate-list">
        {candidates.map((candidate) => (
          <li key={candidate.id} className="duplicate-item">
            <Link to={`/persons/${candidate.id}`} className="result-name" aria-label={t('duplicates.open', { name: fullName(candidate) })}>
              {fullName(candidate)}
            </Link>
            <span className="result-meta">
              <span>{birthLine(candidate.birthDate, t)}</span>
              {candidate.matchedSpelling ? <span className="result-spelling">{t('persons.alsoSpelled', { spelling: candidate.matchedSpelling })}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" className="button button-warning" onClick={onCreateAnyway} disabled={busy}>
          {t('duplicates.createAnyway')}
        </button>
        <button type="button" className="button button-secondary" onClick={onBack}>
          {t('duplicates.backToForm')}
        </button>
      </div>
    </section>
  );
}
