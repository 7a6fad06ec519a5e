/**
 * Automatic sync while unlocked, enrolled and switched on (DESIGN.md, Sync: "When"). The policy
 * is the pure `nextSyncDelay`; the class only wires it to injected timers, so both are tested
 * without waiting.
 */
export interface ScheduleState {
  /** how the last automatic or manual run ended; 'none' right after unlock */
  readonly lastOutcome: 'none' | 'success' | 'failure';
  /** failures in a row (≥ 1 when lastOutcome is 'failure') */
  readonly consecutiveFailures: number;
  readonly pendingChanges: number;
}

export const firstSyncDelayMs = 10_000;
export const minBackoffMs = 30_000;
export const maxBackoffMs = 30 * 60_000;
export const busyIntervalMs = 5 * 60_000;
export const idleIntervalMs = 15 * 60_000;

export function nextSyncDelay(state: ScheduleState): number {
  if (state.lastOutcome === 'none') return firstSyncDelayMs;
  if (state.lastOutcome === 'failure') {
    const exponent = Math.min(Math.max(state.consecutiveFailures, 1) - 1, 20);
    return Math.min(minBackoffMs * 2 ** exponent, maxBackoffMs);
  }
  return state.pendingChanges > 0 ? busyIntervalMs : idleIntervalMs;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const nodeTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending sync must never keep the process (or a test run) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export interface SchedulerDeps {
  readonly timers: Timers;
  readonly now: () => number;
  /** unlocked, enrolled, auto-sync on; and the pending count (null = do not run) */
  readonly conditions: () => { pendingChanges: number } | null;
  readonly run: () => Promise<'success' | 'failure'>;
}

export class SyncScheduler {
  private handle: unknown = null;
  private dueAt: number | null = null;
  private lastOutcome: ScheduleState['lastOutcome'] = 'none';
  private failures = 0;
  /** when the last run ended, or when scheduling (re)started */
  private since: number;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {
    this.since = deps.now();
  }

  get nextAt(): number | null {
    return this.dueAt;
  }

  /** After every core call: arms, shortens or disarms the timer as the conditions now say. */
  refresh(): void {
    if (this.stopped) return;
    const conditions = safely(this.deps.conditions);
    if (conditions === null) {
      this.disarm();
      this.lastOutcome = 'none';
      this.failures = 0;
      this.since = this.deps.now();
      return;
    }
    const due = this.since + nextSyncDelay({ lastOutcome: this.lastOutcome, consecutiveFailures: this.failures, pendingChanges: conditions.pendingChanges });
    if (this.dueAt === null || due < this.dueAt) this.arm(due);
  }

  /** A run finished (automatic or the button): the next one is timed from now. */
  noteOutcome(outcome: 'success' | 'failure'): void {
    this.lastOutcome = outcome;
    this.failures = outcome === 'failure' ? this.failures + 1 : 0;
    this.since = this.deps.now();
    this.disarm();
    this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  private arm(due: number): void {
    this.disarm();
    this.dueAt = due;
    this.handle = this.deps.timers.setTimeout(() => void this.fire(), Math.max(0, due - this.deps.now()));
  }

  private disarm(): void {
    if (this.handle !== null) this.deps.timers.clearTimeout(this.handle);
    this.handle = null;
    this.dueAt = null;
  }

  private async fire(): Promise<void> {
    this.handle = null;
    this.dueAt = null;
    if (this.stopped || safely(this.deps.conditions) === null) return;
    let outcome: 'success' | 'failure';
    try {
      outcome = await this.deps.run();
    } catch {
      outcome = 'failure';
    }
    if (!this.stopped) this.noteOutcome(outcome);
  }
}

function safely<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}
