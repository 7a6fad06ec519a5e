import { useTranslation } from 'react-i18next';
import type { ConsentStatus } from '../../../../../../shared/domain/consent';

/** The consent's state as a word in a box; the colour only repeats what the word says. */
export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`care-badge consent-${status}`}>
      <span className="visually-hidden">{t('care.consent.statusLabel')}: </span>
      {t(`care.consent.status.${status}`)}
    </span>
  );
}
