import { syncStatusSchema } from '../../shared/ipc/sync-contract';

/**
 * On quit, when changes wait, the app offers to sync first (DESIGN.md, Sync: "an offer on
 * quit"). The decision is pure and tested in Node; main.ts shows the dialog and acts.
 */
export type QuitStep = 'quit' | 'ask';

/** `statusResult` is the IpcResult of `sync.status`; locked or not enrolled means nothing to offer. */
export function quitStep(statusResult: unknown): QuitStep {
  if (typeof statusResult !== 'object' || statusResult === null || (statusResult as { ok?: unknown }).ok !== true) return 'quit';
  const status = syncStatusSchema.safeParse((statusResult as { value?: unknown }).value);
  if (!status.success) return 'quit';
  return status.data.enrolled && status.data.pendingChanges > 0 && !status.data.running ? 'ask' : 'quit';
}

export const quitDialog = {
  type: 'question' as const,
  title: 'Änderungen noch nicht übertragen',
  message: 'Es gibt Änderungen, die noch nicht mit dem Server des Kreises synchronisiert sind.',
  detail: 'Sie bleiben auf diesem Gerät gespeichert und werden bei der nächsten Synchronisation übertragen.',
  buttons: ['Jetzt synchronisieren und beenden', 'Ohne Synchronisation beenden', 'Abbrechen'],
  defaultId: 0,
  cancelId: 2,
  noLink: true,
};

export type QuitAction = 'sync-then-quit' | 'quit' | 'stay';

export function quitAction(buttonIndex: number): QuitAction {
  if (buttonIndex === 0) return 'sync-then-quit';
  if (buttonIndex === 1) return 'quit';
  return 'stay';
}

/** How long quitting waits for the sync before it goes anyway (the changes stay saved). */
export const quitSyncTimeoutMs = 60_000;
