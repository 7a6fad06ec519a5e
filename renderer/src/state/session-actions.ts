import { call, findBridge } from '../api';
import type { SessionStatus } from '../../../shared/ipc/contract';
import { applyLocale } from '../i18n/setup';
import { errorText } from '../i18n/error-text';
import { useSession, type LockReason } from './session-store';

type Unlocked = Extract<SessionStatus, { state: 'unlocked' }>;

/** Decides the first screen: no bridge, first run (no profile yet), unlock, or straight in. */
export async function boot(): Promise<void> {
  const store = useSession.getState();
  if (!findBridge()) {
    store.setPhase({ kind: 'no-bridge' });
    return;
  }
  try {
    const [profiles, status] = await Promise.all([call('profiles.list', {}), call('session.status', {})]);
    store.setProfiles(profiles);
    if (status.state === 'unlocked') {
      await enterSession(status);
    } else {
      store.setPhase(profiles.length === 0 ? { kind: 'first-run' } : { kind: 'locked', reason: null, idleMinutes: null });
    }
  } catch (error) {
    store.setPhase({ kind: 'start-failed', message: errorText(error) });
  }
}

/** After create or unlock: the catalogs and the profile's language come with the session. */
export async function enterSession(status: Unlocked): Promise<void> {
  // The profile list is refreshed too: the unlock screen after the next lock offers it.
  const [catalogs, profiles] = await Promise.all([call('catalogs.get', {}), call('profiles.list', {})]);
  useSession.getState().setProfiles(profiles);
  applyLocale(status.settings.locale);
  // Every session starts on "Heute", never on a page left open by an earlier session.
  window.history.replaceState(null, '', '#/today');
  useSession.getState().enter(status, catalogs);
}

/** The lock button and the idle timer: the core drops the key, the UI drops its state. */
export async function lockSession(reason: LockReason): Promise<void> {
  try {
    await call('session.lock', {});
  } catch {
    // Even if the core cannot be reached, the screen must not keep showing case data.
  }
  lockLocally(reason);
}

/** Clears the UI without asking the core (the core already said LOCKED). */
export function lockLocally(reason: LockReason): void {
  const store = useSession.getState();
  if (store.phase.kind !== 'unlocked') return;
  window.history.replaceState(null, '', '#/');
  store.lockedLocally(reason);
  // Profiles may have changed (a new one created); the unlock screen lists them fresh.
  call('profiles.list', {}).then(store.setProfiles, () => undefined);
}
