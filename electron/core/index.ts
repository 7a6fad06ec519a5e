import type { IpcResult } from '../../shared/ipc/errors';
import { resolveKdfParams, type KdfParams } from './crypto/kdf';
import { createHandlers } from './ipc/handlers';
import { createRouter } from './ipc/router';
import { Session } from './session/session';
import { NoticeBook } from './store/quarantine';

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
}

export interface Core {
  /** Never throws or rejects: every outcome is an IpcResult. */
  handle(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  /** Locks (closes the store, zeroes the key). */
  close(): void;
}

/** Calls that do not count as user activity for the auto-lock backstop (passive polling). */
const passiveChannels: ReadonlySet<string> = new Set(['session.status', 'app.info', 'store.notices']);

/**
 * The local back end: plain Node, no `electron` import. Calls run one after another, so an
 * unlock that is still deriving its key cannot race a second one past the failure counter.
 */
export function createCore(options: CoreOptions): Core {
  const now = options.now ?? Date.now;
  const notices = new NoticeBook(options.dataDir);
  const session = new Session(options.dataDir, now, notices);
  const route = createRouter(
    createHandlers({
      dataDir: options.dataDir,
      appVersion: options.appVersion,
      now,
      kdf: resolveKdfParams(options.kdf),
      session,
      notices,
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
      return route(channel, input);
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };

  return {
    handle,
    close: () => session.lock(),
  };
}
