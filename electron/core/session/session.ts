import { existsSync } from 'node:fs';
import type { HybridClock } from '../../../shared/hlc';
import { KimError } from '../../../shared/ipc/errors';
import type { ProfileSummary } from '../../../shared/ipc/contract';
import type { Db } from '../db-types';
import { databasePath } from '../profiles/paths';
import { ensureMeta, loadClock } from '../store/meta';
import { openEncryptedDatabase, UnreadableDatabaseError } from '../store/open-db';
import { NoticeBook, quarantineDatabase, quarantinedMessage } from '../store/quarantine';
import { getSettings } from '../services/settings';

export const lockedMessage = 'Die Fallakte ist gesperrt. Bitte mit dem Passwort entsperren.';

/** What exists only while a profile is unlocked; all of it is dropped on lock. */
export interface Workspace {
  readonly profile: ProfileSummary;
  readonly db: Db;
  readonly clock: HybridClock;
  readonly now: () => number;
}

interface Unlocked extends Workspace {
  /** the raw database key; zeroed on lock */
  readonly key: Buffer;
}

/**
 * The one unlocked profile (or none). Also the auto-lock backstop: the renderer runs its own
 * idle timer, but if it fails to lock, the core does so before serving the next call.
 */
export class Session {
  private unlocked: Unlocked | null = null;
  private lastActivityAt: number;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number,
    private readonly notices: NoticeBook,
  ) {
    this.lastActivityAt = now();
  }

  current(): Workspace | null {
    return this.unlocked;
  }

  /** The unlocked workspace, or LOCKED. */
  require(): Workspace {
    if (!this.unlocked) throw new KimError('LOCKED', lockedMessage);
    return this.unlocked;
  }

  /**
   * Opens the profile's store with its database key and takes ownership of the key. A file that
   * does not decrypt or fails quick_check is moved aside and reported; the next unlock then
   * starts a fresh, empty store under the same key.
   */
  open(profile: ProfileSummary, key: Buffer): Workspace {
    this.lock();
    const path = databasePath(this.dataDir, profile.id);
    let db: Db;
    try {
      db = openEncryptedDatabase(path, key);
    } catch (error) {
      if (error instanceof UnreadableDatabaseError && existsSync(path)) {
        key.fill(0);
        const notice = quarantineDatabase(this.dataDir, profile.id, path, new Date(this.now()));
        this.notices.record(notice);
        throw new KimError('DATABASE_QUARANTINED', quarantinedMessage(notice));
      }
      key.fill(0);
      throw error;
    }
    try {
      ensureMeta(db, this.now);
      this.unlocked = { profile, db, clock: loadClock(db, this.now), now: this.now, key };
    } catch (error) {
      db.close();
      key.fill(0);
      throw error;
    }
    this.lastActivityAt = this.now();
    return this.unlocked;
  }

  /**
   * Takes a new clock for the open store: enrolment gives the device its server-issued id, and
   * every later stamp must carry it. The caller has committed the new id to `meta` already.
   */
  replaceClock(clock: HybridClock): void {
    if (this.unlocked) this.unlocked = { ...this.unlocked, clock };
  }

  /** Closes the store, zeroes the key, forgets the user. Never throws. */
  lock(): void {
    const state = this.unlocked;
    this.unlocked = null;
    if (!state) return;
    try {
      state.db.close();
    } catch {
      // closing a broken handle must not keep the key in memory
    }
    state.key.fill(0);
  }

  /** Records a call from the user; a passive status query does not count. */
  touch(): void {
    this.lastActivityAt = this.now();
  }

  /** The backstop: locks when no call came for the configured idle time. */
  lockIfIdle(): void {
    const state = this.unlocked;
    if (!state) return;
    let minutes: number;
    try {
      minutes = getSettings(state.db).autoLockMinutes;
    } catch {
      this.lock();
      return;
    }
    if (this.now() - this.lastActivityAt >= minutes * 60_000) this.lock();
  }
}
