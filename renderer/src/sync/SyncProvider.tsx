import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../shared/ipc/sync-contract';
import { call } from '../api';
import { errorText } from '../i18n/error-text';
import { SyncContext, type SyncContextValue } from './sync-context';

/** Every ~15 s while unlocked; the core does not count `sync.status` as activity (auto-lock). */
export const pollEveryMs = 15_000;
/** While a sync runs (started here or automatically), look more often to show when it ends. */
const pollWhileRunningMs = 2_000;

function localDay(): string {
  const now = new Date();
  return `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`;
}

/**
 * Holds the sync status for the unlocked layout. It lives inside the unlocked UI, so it is
 * dropped with every lock like any other loaded data.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [status, setStatusState] = useState<SyncStatus | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [syncing, setSyncing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [dismissedOn, setDismissedOn] = useState<string | null>(null);
  const previous = useRef<SyncStatus | null>(null);
  const mounted = useRef(true);

  /** Announces what changed between two answers, not what merely was re-read. */
  const accept = useCallback(
    (next: SyncStatus) => {
      const before = previous.current;
      previous.current = next;
      if (!mounted.current) return;
      setStatusState(next);
      setLoadError(null);
      if (!before) return;
      const messages: string[] = [];
      if (!before.running && next.running) messages.push(t('sync.announceRunning'));
      const newError = next.lastError && (before.lastError?.at !== next.lastError.at || before.lastError.message !== next.lastError.message);
      if (newError && next.lastError) messages.push(t('sync.announceFailed', { message: next.lastError.message }));
      else if (next.lastSuccessAt && next.lastSuccessAt !== before.lastSuccessAt) messages.push(t('sync.announceDone'));
      if (next.conflicts > before.conflicts) messages.push(t('sync.announceConflicts', { count: next.conflicts }));
      if (next.reminderDue && !before.reminderDue) messages.push(t('sync.announceReminder'));
      if (messages.length > 0) setAnnouncement(messages.join(' '));
    },
    [t],
  );

  const refresh = useCallback(async () => {
    try {
      accept(await call('sync.status', {}));
    } catch (error) {
      if (mounted.current) setLoadError(error);
    }
  }, [accept]);

  const syncNow = useCallback(async () => {
    setSyncing(true);
    setActionError(null);
    // The bar shows "running" at once, before the core answers.
    setStatusState((current) => (current ? { ...current, running: true } : current));
    setAnnouncement(t('sync.announceRunning'));
    try {
      const next = await call('sync.now', {});
      // The button's own run: its outcome is announced even when the poll already saw it.
      const before = previous.current;
      previous.current = next;
      if (!mounted.current) return;
      setStatusState(next);
      setLoadError(null);
      if (next.lastError && next.lastError.at !== before?.lastError?.at) {
        setAnnouncement(t('sync.announceFailed', { message: next.lastError.message }));
      } else if (next.conflicts > 0 && next.conflicts > (before?.conflicts ?? 0)) {
        setAnnouncement(`${t('sync.announceDone')} ${t('sync.announceConflicts', { count: next.conflicts })}`);
      } else {
        setAnnouncement(t('sync.announceDone'));
      }
    } catch (error) {
      if (!mounted.current) return;
      const message = errorText(error);
      setActionError(message);
      setAnnouncement(t('sync.announceFailed', { message }));
      void refresh();
    } finally {
      if (mounted.current) setSyncing(false);
    }
  }, [refresh, t]);

  const running = syncing || Boolean(status?.running);
  useEffect(() => {
    mounted.current = true;
    void refresh();
    const timer = window.setInterval(() => void refresh(), running ? pollWhileRunningMs : pollEveryMs);
    return () => window.clearInterval(timer);
  }, [refresh, running]);

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const setStatus = useCallback((next: SyncStatus) => accept(next), [accept]);
  const dismissReminder = useCallback(() => setDismissedOn(localDay()), []);

  const value = useMemo<SyncContextValue>(
    () => ({
      status,
      loadError,
      syncing,
      actionError,
      announcement,
      reminderDismissed: dismissedOn === localDay(),
      refresh,
      syncNow,
      setStatus,
      dismissReminder,
    }),
    [status, loadError, syncing, actionError, announcement, dismissedOn, refresh, syncNow, setStatus, dismissReminder],
  );
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}
