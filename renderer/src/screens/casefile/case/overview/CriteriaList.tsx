import { useTranslation } from 'react-i18next';
import type { TargetGroupResult } from '../../../../../../shared/domain/target-group';

type Criterion = TargetGroupResult['criteria'][number];

/** The target-group criteria with their outcome: held, not held, or not known — in words and a sign. */
export function CriteriaList({ criteria }: { criteria: readonly Criterion[] }) {
  const { t } = useTranslation();
  return (
    <ul className="criteria-list">
      {criteria.map((criterion) => {
        const outcome = criterion.held === true ? 'held' : criterion.held === false ? 'notHeld' : 'unknown';
        return (
          <li key={criterion.key} className={`criterion criterion-${outcome}`}>
            <span className="criterion-sign" aria-hidden="true">
              {outcome === 'held' ? '✓' : outcome === 'notHeld' ? '✗' : '?'}
            </span>
            <span className="criterion-text">
              <span className="criterion-label">{criterion.label}</span>
              <span className="criterion-outcome">
                {t(`caseFile.targetGroup.${outcome}`)} · {t(`caseFile.targetGroup.source.${criterion.source}`)}
              </span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
