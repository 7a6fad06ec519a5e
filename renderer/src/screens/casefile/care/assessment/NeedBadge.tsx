import { useTranslation } from 'react-i18next';
import type { NeedLevel } from '../../../../../../shared/domain/life-domains';

/** The need level as words ("Bedarf: hoch"); colour and bar count only repeat it. */
export function NeedBadge({ level }: { level: NeedLevel }) {
  const { t } = useTranslation();
  return <span className={`care-badge need-${level}`}>{t('care.assessment.needBadge', { level: t(`care.needLevel.${level}`) })}</span>;
}
