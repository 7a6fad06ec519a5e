import type { IpcResult } from '../../shared/ipc/errors';
import { resolveKdfParams, type KdfParams } from './crypto/kdf';
import { createHandlers } from './ipc/handlers';
import { createRouter } from './ipc/router';
import { Session } from './session/session';
import { NoticeBook } from './store/quarantine';
import type { Timers } from './sync/scheduler';
import { SyncService } from './sync/service';

export type { KdfParams } from './crypto/kdf';
export type { HandlerTable } from './ipc/router';

export interface CoreOptions {
  /** the app's user-data folder; profiles and quarantine live below it */
  dataDir: string;
  appVersion: string;
  /** wall clock, injectable for tests (unlock delays, auto-lock, HLC) */
  now?: () => number;
  /** tests only: lower scrypt cost. Not reachable from IPC. */
  kdf?: Partial<KdfParams>;
  /** where the router notes failures (channel name and error class only) */
  log?: (line: string) => void;
  /** how the core reaches the county server: Electron's `net.fetch` in the app (office proxy) */
  fetch?: typeof fetch;
  /** timers of the automatic sync; tests pass their own */
  timers?: Timers;
  /** tests only: pull page size, and a hook after each row a pull applied (crash simulation) */
  syncTest?: { pullLimit?: number; onPullRowApplied?: (count: number) => void };
}

export interface Core {
  /** Never throws or rejects: every outcome is an IpcResult. */
  handle(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /** Locks (closes the store, zeroes the key). */
  close(): void;
}

/** Calls that do not count as user activity for the auto-lock backstop (passive polling). */
const passiveChannels: ReadonlySet<string> = new Set(['session.status', 'app.info', 'store.notices', 'sync.status']);

/**
 * Calls that wait on the network run beside the queue, not in it: a sync must not hold up the
 * person's next save (DESIGN.md: never block work on the network). They touch the database only
 * in short synchronous transactions and check before each that the profile is still unlocked.
 */
const networkChannels: ReadonlySet<string> = new Set(['sync.probeServer', 'sync.enroll', 'sync.now']);

/**
 * The local back end: plain Node, no `electron` import. Calls run one after another, so an
 * unlock that is still deriving its key cannot race a second one past the failure counter.
 */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const notices = new NoticeBook(options.dataDir);
  const session = new Session(options.dataDir, now, notices);
  const sync = new SyncService({
    dataDir: options.dataDir,
    session,
    now,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.syncTest?.pullLimit ? { pullLimit: options.syncTest.pullLimit } : {}),
    ...(options.syncTest?.onPullRowApplied ? { onPullRowApplied: options.syncTest.onPullRowApplied } : {}),
  });
  const route = createRouter(
    createHandlers({
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      now,
      kdf: resolveKdfParams(options.kdf),
      session,
      notices,
      sync,
    }),
    options.log ? { log: options.log } : {},
  );

  let queue: Promise<unknown> = Promise.resolve();
  const handle = (channel: string, input: unknown): Promise<IpcResult<unknown>> => {
    const run = async (): Promise<IpcResult<unknown>> => {
      try {
        session.lockIfIdle();
        if (!passiveChannels.has(channel)) session.touch();
      } catch {
        // the backstop itself failing must not turn into a rejection; the route still answers
      }
      try {
        return await route(channel, input);
      } finally {
        // lock, unlock, enrolment and settings all decide whether the timer should run
        sync.refreshSchedule();
      }
    };
    if (networkChannels.has(channel)) return run();
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    handle,
    close: () => {
      sync.stop();
      session.lock();
    },
  };
}
