import { createContext, useContext } from 'react';
import type { SyncStatus } from '../../../shared/ipc/sync-contract';

export interface SyncContextValue {
  /** the last answer of `sync.status`; null until the first one arrived */
  status: SyncStatus | null;
  /** why the status could not be loaded (the core answered with an error); null when it could */
  loadError: unknown;
  /** a "Jetzt synchronisieren" started here and has not answered yet */
  syncing: boolean;
  /** the failure of the last "Jetzt synchronisieren" that did not even start (e.g. not enrolled) */
  actionError: string | null;
  /** a short text for the polite live region; it changes only on real transitions */
  announcement: string;
  /** the end-of-day reminder was put away for today */
  reminderDismissed: boolean;
  refresh(): Promise<void>;
  syncNow(): Promise<void>;
  /** a fresh status from another call (enrol), so the bar does not wait for the next poll */
  setStatus(status: SyncStatus): void;
  dismissReminder(): void;
}

export const SyncContext = createContext<SyncContextValue | null>(null);

/** The sync status of the open profile: one poller for the whole layout, shared by every screen. */
export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync outside SyncProvider');
  return value;
}
