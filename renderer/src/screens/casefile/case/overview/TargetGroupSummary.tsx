import { useTranslation } from 'react-i18next';
import type { TargetGroupResult } from '../../../../../../shared/domain/target-group';
import { formatIsoDate, formatTimestamp } from '../../../../format/dates';
import { CriteriaList } from './CriteriaList';

/** The target-group check as it was recorded when the case was opened. */
export function TargetGroupSummary({ result }: { result: TargetGroupResult | null }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="target-group-title" className="subpanel">
      <h3 id="target-group-title">{t('caseFile.targetGroup.recordedTitle')}</h3>
      {result === null ? (
        <p className="muted">{t('caseFile.targetGroup.none')}</p>
      ) : (
        <>
          <p>
            <strong>{result.met ? t('caseFile.targetGroup.met') : t('caseFile.targetGroup.notMet')}</strong>{' '}
            <span className="muted">{t('caseFile.targetGroup.checkedAt', { date: checkedAtText(result.checkedAt) })}</span>
          </p>
          <CriteriaList criteria={result.criteria} />
          {result.overrideReason ? (
            <div className="override-reason">
              <p className="field-label">{t('caseFile.targetGroup.overrideReason')}</p>
              <p className="pre-line">{result.overrideReason}</p>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The check's time is a calendar date or a timestamp: a bare date must not turn into "01:00". */
function checkedAtText(value: string): string {
  return value.includes('T') ? formatTimestamp(value) : formatIsoDate(value);
}
