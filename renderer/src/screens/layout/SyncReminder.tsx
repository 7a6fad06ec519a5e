import { useTranslation } from 'react-i18next';
import { useSync } from '../../sync/sync-context';
import { SyncNowButton } from './SyncNowButton';

/**
 * The end-of-day reminder: when changes wait and the configured time has passed. It can be put
 * away for the rest of the day; it does not take focus (the live region announces it).
 */
export function SyncReminder() {
  const { t } = useTranslation();
  const { status, reminderDismissed, dismissReminder } = useSync();
  if (!status?.enrolled || !status.reminderDue || reminderDismissed || status.pendingChanges === 0) return null;
  return (
    <section className="reminder" aria-labelledby="reminder-title">
      <div className="reminder-inner">
        <div className="reminder-text">
          <h2 id="reminder-title" className="reminder-title">
            {t('sync.reminderTitle')}
          </h2>
          <p>{t('sync.reminder', { count: status.pendingChanges })}</p>
        </div>
        <div className="reminder-actions">
          <SyncNowButton variant="notice" />
          <button type="button" className="button button-secondary" onClick={dismissReminder}>
            {t('sync.reminderDismiss')}
            <span className="visually-hidden"> – {t('sync.reminderDismissLabel')}</span>
          </button>
        </div>
      </div>
    </section>
  );
}
