import { useTranslation } from 'react-i18next';
import type { AssessmentHistory } from '../../../../../../shared/domain/assessment';
import { formatIsoDate } from '../../../../format/dates';
import { NeedBadge } from './NeedBadge';
import { trendText } from './trend';

/** The ten life domains with the current assessment, the trend and the earlier ones. */
export function AssessmentOverview({ history }: { history: AssessmentHistory }) {
  const { t } = useTranslation();
  return (
    <ul className="care-grid">
      {history.map((item) => {
        const current = item.current;
        const trend = trendText(item, t);
        const headingId = `assessment-${item.lifeDomain}`;
        return (
          <li key={item.lifeDomain} className="care-card" aria-labelledby={headingId}>
            <div className="care-card-head">
              <h3 id={headingId} className="care-card-title">
                {t(`care.lifeDomain.${item.lifeDomain}`)}
              </h3>
              {current ? <NeedBadge level={current.needLevel} /> : <span className="care-badge need-none">{t('care.assessment.notAssessed')}</span>}
            </div>
            {current ? (
              <>
                <p className="care-meta">
                  {t('care.assessment.assessedOn', { date: formatIsoDate(current.assessedAt), by: current.assessedBy })}
                  {trend ? (
                    <>
                      <br />
                      <span className="trend">{trend}</span>
                    </>
                  ) : null}
                </p>
                <dl className="care-facts care-facts-stacked">
                  <div>
                    <dt>{t('care.assessment.situation')}</dt>
                    <dd>{current.situation || t('care.common.none')}</dd>
                  </div>
                  <div>
                    <dt>{t('care.assessment.resources')}</dt>
                    <dd>{current.resources || t('care.common.none')}</dd>
                  </div>
                </dl>
              </>
            ) : null}
            {item.earlier.length > 0 ? (
              <details className="care-details">
                <summary>{t('care.assessment.earlier', { count: item.earlier.length })}</summary>
                <ol className="care-history">
                  {item.earlier.map((entry) => (
                    <li key={entry.id}>
                      <p className="care-meta">
                        <NeedBadge level={entry.needLevel} /> {t('care.assessment.assessedOn', { date: formatIsoDate(entry.assessedAt), by: entry.assessedBy })}
                      </p>
                      {entry.situation ? (
                        <p>
                          <strong>{t('care.assessment.situation')}:</strong> {entry.situation}
                        </p>
                      ) : null}
                      {entry.resources ? (
                        <p>
                          <strong>{t('care.assessment.resources')}:</strong> {entry.resources}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
