import { useTranslation } from 'react-i18next';
import { Notice } from '../../../../components/Notice';

/** Said once at the top of a tab of a closed case: why there is nothing to change. */
export function ClosedNote({ closed }: { closed: boolean }) {
  const { t } = useTranslation();
  return closed ? (
    <Notice tone="info">
      <p>{t('care.common.closed')}</p>
    </Notice>
  ) : null;
}
