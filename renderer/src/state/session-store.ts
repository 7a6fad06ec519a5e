import { create } from 'zustand';
import type { ProfileSummary, SessionStatus, Settings } from '../../../shared/ipc/contract';
import type { Catalogs } from '../../../shared/catalogs/catalogs';

type Unlocked = Extract<SessionStatus, { state: 'unlocked' }>;

/** Why the unlock screen is showing: it tells the person what happened to their session. */
export type LockReason = 'manual' | 'idle' | 'core';

export type AppPhase =
  | { kind: 'starting' }
  | { kind: 'no-bridge' }
  | { kind: 'start-failed'; message: string }
  | { kind: 'first-run' }
  | { kind: 'locked'; reason: LockReason | null; idleMinutes: number | null }
  | { kind: 'unlocked' };

interface SessionState {
  phase: AppPhase;
  profiles: ProfileSummary[];
  profile: ProfileSummary | null;
  settings: Settings | null;
  catalogs: Catalogs | null;
  /**
   * Bumped on every lock. The unlocked UI is keyed by it, so a lock unmounts every screen and
   * form, and no typed-in value or fetched record survives into the next session.
   */
  epoch: number;
  setPhase(phase: AppPhase): void;
  setProfiles(profiles: ProfileSummary[]): void;
  enter(status: Unlocked, catalogs: Catalogs): void;
  setSettings(settings: Settings): void;
  /** Drops everything that belongs to the unlocked session. */
  lockedLocally(reason: LockReason): void;
}

export const useSession = create<SessionState>()((set) => ({
  phase: { kind: 'starting' },
  profiles: [],
  profile: null,
  settings: null,
  catalogs: null,
  epoch: 0,
  setPhase: (phase) => set({ phase }),
  setProfiles: (profiles) => set({ profiles }),
  enter: (status, catalogs) =>
    set({ phase: { kind: 'unlocked' }, profile: status.profile, settings: status.settings, catalogs }),
  setSettings: (settings) => set({ settings }),
  lockedLocally: (reason) =>
    set((state) => ({
      // The idle time is kept to tell the person why the profile locked itself.
      phase: { kind: 'locked', reason, idleMinutes: state.settings?.autoLockMinutes ?? null },
      profile: null,
      settings: null,
      catalogs: null,
      epoch: state.epoch + 1,
    })),
}));
