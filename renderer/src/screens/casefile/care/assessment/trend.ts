import type { TFunction } from 'i18next';
import type { AssessmentHistory } from '../../../../../../shared/domain/assessment';

/** "hoch → mittel (Bedarf gesunken)": the change from the previous assessment, or null if none. */
export function trendText(item: AssessmentHistory[number], t: TFunction): string | null {
  const previous = item.earlier[0];
  if (!item.current || !previous || item.trend === null) return null;
  const direction = item.trend < 0 ? 'down' : item.trend > 0 ? 'up' : 'same';
  return t('care.assessment.trend', {
    from: t(`care.needLevel.${previous.needLevel}`),
    to: t(`care.needLevel.${item.current.needLevel}`),
    direction: t(`care.assessment.direction.${direction}`),
  });
}
