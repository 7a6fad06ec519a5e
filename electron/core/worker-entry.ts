import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { IpcResult } from '../../shared/ipc/errors';
import { createFetchBridge, type BridgedFetchRequest, type BridgedFetchResponse } from './sync/fetch-bridge';

/**
 * The core's home off the window's thread (DESIGN.md, Parts): better-sqlite3 is synchronous, so
 * a long report or sync must not run where it would freeze the UI. The main process starts this
 * file as a `worker_threads` Worker and talks to it with the messages below. Plain Node: nothing
 * here imports `electron`.
 */

/** What the main process passes as `workerData`. */
export interface CoreWorkerData {
  kind: 'kim-core';
  dataDir: string;
  appVersion: string;
}

/** main → worker (a fetch answer goes to the fetch bridge, not to the core) */
export type CoreRequest = { type: 'invoke'; id: number; channel: string; input: unknown } | { type: 'close' };
export type WorkerRequest = CoreRequest | BridgedFetchResponse;

/** worker → main (a fetch request asks the main process to do the network call) */
export type WorkerResponse = { type: 'result'; id: number; result: IpcResult<unknown> } | { type: 'fatal'; message: string } | BridgedFetchRequest;

/** The part of the core the worker uses (see `createCore` in ./index). */
export interface CoreLike {
  handle(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  close(): void;
}

export function isCoreWorkerData(value: unknown): value is CoreWorkerData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    data.kind === 'kim-core' &&
    typeof data.dataDir === 'string' &&
    data.dataDir !== '' &&
    typeof data.appVersion === 'string'
  );
}

function parseRequest(message: unknown): CoreRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (m.type === 'close') return { type: 'close' };
  if (m.type === 'invoke' && typeof m.id === 'number' && Number.isSafeInteger(m.id) && typeof m.channel === 'string') {
    return { type: 'invoke', id: m.id, channel: m.channel, input: m.input };
  }
  return null;
}

const closedError = {
  code: 'INTERNAL',
  message: 'Der lokale Datenspeicher wird gerade geschlossen. Bitte starten Sie die App neu.',
} as const;
const internalError = {
  code: 'INTERNAL',
  message: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
} as const;

/**
 * Turns messages into core calls in arrival order. The core keeps its own order (writes land in
 * the order the page sent them) and lets a long `sync.now` run beside ordinary calls, so the
 * worker must not serialise again: a queue here would hold every save until a sync finished.
 * `close` waits for the calls before it, then closes the database.
 */
export function createWorkerMessageHandler(
  core: CoreLike,
  post: (response: WorkerResponse) => void,
  onClosed: () => void,
): (message: unknown) => Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  const call = async (id: number, channel: string, input: unknown): Promise<void> => {
    let result: IpcResult<unknown>;
    try {
      result = await core.handle(channel, input);
    } catch {
      // The router promises never to throw; if it does anyway, the page still gets an answer.
      result = { ok: false, error: { ...internalError } };
    }
    post({ type: 'result', id, result });
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await Promise.allSettled([...inFlight]);
    try {
      core.close();
    } finally {
      onClosed();
    }
  };

  return (message) => {
    const request = parseRequest(message);
    if (request === null) return Promise.resolve();
    if (request.type === 'close') return close();
    if (closed) {
      post({ type: 'result', id: request.id, result: { ok: false, error: { ...closedError } } });
      return Promise.resolve();
    }
    // core.handle is entered synchronously here, so the core sees calls in arrival order.
    const running = call(request.id, request.channel, request.input);
    inFlight.add(running);
    void running.finally(() => inFlight.delete(running));
    return running;
  };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null || !isCoreWorkerData(workerData)) return;
  // Loaded here, not at the top, so tests can import the handler above without a database.
  // The import() is started outside the try on purpose: esbuild forgives an unresolvable import
  // inside a try block and would ship a worker without its core.
  const coreModule = import('./index');
  // The sync client's network calls go out through the main process's net.fetch.
  const bridge = createFetchBridge((request) => port.postMessage(request satisfies WorkerResponse));
  let core: CoreLike;
  try {
    // Loading can fail too: a native binding built for the wrong ABI throws here.
    const { createCore } = await coreModule;
    core = createCore({
      dataDir: workerData.dataDir,
      appVersion: workerData.appVersion,
      fetch: bridge.fetch,
      // The router logs channel names and error classes only, never inputs; stderr reaches the
      // main process's log.
      log: (line) => console.error(line),
    });
  } catch (error) {
    // The main process answers every call with "store unavailable"; the reason goes to its log.
    port.postMessage({ type: 'fatal', message: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
    process.exitCode = 1;
    port.close();
    return;
  }
  const handle = createWorkerMessageHandler(
    core,
    (response) => port.postMessage(response),
    () => port.close(),
  );
  port.on('message', (message: unknown) => {
    if (!bridge.receive(message)) void handle(message);
  });
}

if (!isMainThread) void main();
