import { describe, expect, it } from 'vitest';
import {
  busyIntervalMs,
  firstSyncDelayMs,
  idleIntervalMs,
  maxBackoffMs,
  nextSyncDelay,
  SyncScheduler,
  type Timers,
} from '../../../electron/core/sync/scheduler';
import { reminderDue } from '../../../electron/core/sync/status';

describe('nextSyncDelay', () => {
  it('syncs soon after unlock, then every 5 min while changes wait and every 15 min otherwise', () => {
    expect(nextSyncDelay({ lastOutcome: 'none', consecutiveFailures: 0, pendingChanges: 0 })).toBe(firstSyncDelayMs);
    expect(nextSyncDelay({ lastOutcome: 'success', consecutiveFailures: 0, pendingChanges: 3 })).toBe(busyIntervalMs);
    expect(nextSyncDelay({ lastOutcome: 'success', consecutiveFailures: 0, pendingChanges: 0 })).toBe(idleIntervalMs);
  });

  it('backs off exponentially from 30 s to at most 30 min after failures', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8, 50].map((failures) =>
      nextSyncDelay({ lastOutcome: 'failure', consecutiveFailures: failures, pendingChanges: 1 }),
    );
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000, maxBackoffMs]);
  });
});

class FakeTimers implements Timers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((entry) => entry.id !== handle);
  }
  get armed(): number {
    return this.queue.length;
  }
  /** Moves time on and fires what fell due. */
  async advance(ms: number): Promise<void> {
    this.now += ms;
    for (const entry of this.queue.filter((e) => e.at <= this.now)) {
      this.clearTimeout(entry.id);
      entry.fn();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

describe('SyncScheduler', () => {
  function setup(outcomes: ('success' | 'failure')[]) {
    const timers = new FakeTimers();
    const state = { eligible: true, pending: 0, runs: 0 };
    const scheduler = new SyncScheduler({
      timers,
      now: () => timers.now,
      conditions: () => (state.eligible ? { pendingChanges: state.pending } : null),
      run: async () => {
        state.runs += 1;
        return outcomes.shift() ?? 'success';
      },
    });
    return { timers, state, scheduler };
  }

  it('runs after unlock, backs off on failure, returns to the normal rhythm on success', async () => {
    const { timers, state, scheduler } = setup(['failure', 'failure', 'success']);
    scheduler.refresh();
    expect(scheduler.nextAt).toBe(firstSyncDelayMs);
    await timers.advance(firstSyncDelayMs);
    expect(state.runs).toBe(1);
    expect(scheduler.nextAt).toBe(timers.now + 30_000);
    await timers.advance(30_000);
    expect(state.runs).toBe(2);
    expect(scheduler.nextAt).toBe(timers.now + 60_000);
    await timers.advance(60_000);
    expect(state.runs).toBe(3);
    expect(scheduler.nextAt).toBe(timers.now + idleIntervalMs);
  });

  it('a new local change shortens the idle wait; lock or a switched-off setting stops it; stop ends it', async () => {
    const { timers, state, scheduler } = setup([]);
    scheduler.noteOutcome('success');
    expect(scheduler.nextAt).toBe(idleIntervalMs);
    state.pending = 2;
    scheduler.refresh();
    expect(scheduler.nextAt).toBe(busyIntervalMs);
    expect(timers.armed).toBe(1);

    state.eligible = false; // locked, not enrolled, or autoSync off
    scheduler.refresh();
    expect(scheduler.nextAt).toBeNull();
    expect(timers.armed).toBe(0);

    state.eligible = true;
    scheduler.refresh();
    expect(timers.armed).toBe(1);
    scheduler.stop();
    expect(timers.armed).toBe(0);
    scheduler.refresh();
    expect(timers.armed).toBe(0);
    await timers.advance(idleIntervalMs * 2);
    expect(state.runs).toBe(0);
  });

  it('does not run when the conditions went away before the timer fired', async () => {
    const { timers, state, scheduler } = setup([]);
    scheduler.refresh();
    state.eligible = false;
    await timers.advance(firstSyncDelayMs);
    expect(state.runs).toBe(0);
  });
});

describe('end-of-day reminder', () => {
  const at = (hours: number, minutes: number) => new Date(2025, 2, 14, hours, minutes).getTime();
  it('is due once the local time passed the configured time and changes wait', () => {
    expect(reminderDue(3, '17:00', at(16, 59))).toBe(false);
    expect(reminderDue(3, '17:00', at(17, 0))).toBe(true);
    expect(reminderDue(0, '17:00', at(18, 0))).toBe(false);
    expect(reminderDue(1, '08:30', at(9, 0))).toBe(true);
  });
});
