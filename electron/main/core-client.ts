import type { ChannelName } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/errors';
import type { BridgedFetchRequest, BridgedFetchResponse } from '../core/sync/fetch-bridge';
import type { WorkerRequest, WorkerResponse } from '../core/worker-entry';
import { shellErrors } from './messages';

/** What the client needs of a `worker_threads` Worker; tests pass an EventEmitter stand-in. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (exitCode: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface CoreClient {
  /** resolves with the core's result; never rejects */
  invoke(channel: ChannelName, input: unknown): Promise<IpcResult<unknown>>;
  /** lets queued calls finish, closes the database, ends the worker */
  close(): Promise<void>;
}

export interface CoreClientOptions {
  /** how long `close` waits for the worker to close the database before ending it */
  closeTimeoutMs?: number;
  /** a crashed worker is restarted on the next call, at most this many times per run */
  maxRestarts?: number;
  log?(message: string): void;
  /** the worker asks for a network call (its fetch bridge); answer through `reply` */
  onFetch?(request: BridgedFetchRequest, reply: (response: BridgedFetchResponse) => void): void;
  /**
   * sees every call before it is sent (result undefined) and with its result: main learns the
   * sync server's address from them, before the worker's first request to it
   */
  observe?(channel: ChannelName, input: unknown, result?: IpcResult<unknown>): void;
}

interface Running {
  worker: WorkerLike;
  pending: Map<number, (result: IpcResult<unknown>) => void>;
  exited: Promise<void>;
}

/**
 * The main process's side of the core worker. A call gets an id, the answer with that id
 * resolves it. If the worker dies, every open call is answered with "store unavailable" (the
 * page never hangs), and the next call starts a fresh worker: the database survives a crash
 * (WAL), the session just has to be unlocked again. A worker that keeps dying is not restarted
 * forever.
 */
export function createCoreClient(spawn: () => WorkerLike, options: CoreClientOptions = {}): CoreClient {
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  const maxRestarts = options.maxRestarts ?? 3;
  const log = options.log ?? ((message: string) => console.error(message));
  let running: Running | null = null;
  let starts = 0;
  let nextId = 1;
  let closing = false;

  const unavailable = (): IpcResult<unknown> => ({ ok: false, error: { ...shellErrors.coreUnavailable } });

  function start(): Running | null {
    if (starts > maxRestarts) return null;
    starts += 1;
    let worker: WorkerLike;
    try {
      worker = spawn();
    } catch (error) {
      log(`[kim] core worker could not start: ${describe(error)}`);
      return null;
    }
    const pending = new Map<number, (result: IpcResult<unknown>) => void>();
    let markExited: () => void = () => undefined;
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const state: Running = { worker, pending, exited };

    worker.on('message', (message) => {
      const response = message as WorkerResponse;
      if (response.type === 'result') {
        const resolve = pending.get(response.id);
        pending.delete(response.id);
        resolve?.(response.result);
      } else if (response.type === 'fatal') {
        log(`[kim] core failed to start: ${response.message}`);
      } else if (response.type === 'fetch') {
        const reply = (answer: BridgedFetchResponse) => {
          try {
            worker.postMessage(answer);
          } catch {
            // the worker is gone; its fetch fails on its own timeout
          }
        };
        if (options.onFetch) options.onFetch(response, reply);
        else reply({ type: 'fetch-result', id: response.id, ok: false, message: 'no network bridge' });
      }
    });
    worker.on('error', (error) => log(`[kim] core worker error: ${describe(error)}`));
    worker.on('exit', (exitCode) => {
      if (!closing) log(`[kim] core worker exited unexpectedly (code ${exitCode})`);
      for (const resolve of pending.values()) resolve(unavailable());
      pending.clear();
      if (running === state) running = null;
      markExited();
    });
    return state;
  }

  const send = (channel: ChannelName, input: unknown): Promise<IpcResult<unknown>> => {
    if (closing) return Promise.resolve(unavailable());
    running ??= start();
    const current = running;
    if (current === null) return Promise.resolve(unavailable());
    const id = nextId++;
    return new Promise((resolve) => {
      current.pending.set(id, resolve);
      try {
        current.worker.postMessage({ type: 'invoke', id, channel, input });
      } catch {
        // e.g. an input that cannot be cloned; the renderer already sent it cloned, so rare.
        current.pending.delete(id);
        resolve({ ok: false, error: { ...shellErrors.internal } });
      }
    });
  };

  return {
    invoke(channel, input) {
      const observe = options.observe;
      if (!observe) return send(channel, input);
      const watch = (result?: IpcResult<unknown>) => {
        try {
          observe(channel, input, result);
        } catch {
          // watching must never change an answer
        }
      };
      watch();
      return send(channel, input).then((result) => {
        watch(result);
        return result;
      });
    },

    async close() {
      closing = true;
      const current = running;
      if (current === null) return;
      current.worker.postMessage({ type: 'close' });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), closeTimeoutMs);
      });
      const outcome = await Promise.race([current.exited.then(() => 'exited' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout') {
        log('[kim] core worker did not close in time; terminating');
        await current.worker.terminate();
        await current.exited;
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
