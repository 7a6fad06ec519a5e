import { useTranslation } from 'react-i18next';
import { useSync } from '../../sync/sync-context';

/** "Jetzt synchronisieren": disabled while a sync runs, and then it says so. */
export function SyncNowButton({ variant = 'bar' }: { variant?: 'bar' | 'notice' }) {
  const { t } = useTranslation();
  const { status, syncing, syncNow } = useSync();
  const running = syncing || Boolean(status?.running);
  return (
    <button
      type="button"
      className={variant === 'bar' ? 'button button-small button-sync' : 'button button-primary'}
      onClick={() => void syncNow()}
      disabled={running}
      aria-busy={running}
    >
      {running ? <span className="spinner" aria-hidden="true" /> : null}
      {running ? t('sync.running') : t('sync.now')}
    </button>
  );
}
