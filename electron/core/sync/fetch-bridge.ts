/**
 * The core runs in a worker thread, but the network must go through Electron's `net.fetch` in
 * the main process (it uses the office proxy and the OS certificate store). This is the worker's
 * half: a `fetch` that posts the request as plain data (bytes, not streams: they cross the
 * thread boundary by structured clone) and waits for the main process to post the answer.
 */
export interface BridgedFetchRequest {
  readonly type: 'fetch';
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly headers: [string, string][];
  readonly body: Uint8Array | null;
}

export type BridgedFetchResponse =
  | { readonly type: 'fetch-result'; readonly id: number; readonly ok: true; readonly status: number; readonly headers: [string, string][]; readonly body: Uint8Array }
  | { readonly type: 'fetch-result'; readonly id: number; readonly ok: false; readonly message: string };

export function isBridgedFetchResponse(message: unknown): message is BridgedFetchResponse {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m.type === 'fetch-result' && typeof m.id === 'number' && typeof m.ok === 'boolean';
}

export interface FetchBridge {
  readonly fetch: typeof fetch;
  /** feeds a message from the main process in; true when it was a fetch answer */
  receive(message: unknown): boolean;
}

/** Longer than the sync client's own request timeout, so that one normally fires first. */
const bridgeTimeoutMs = 60_000;

export function createFetchBridge(post: (request: BridgedFetchRequest) => void, timeoutMs = bridgeTimeoutMs): FetchBridge {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (response: Response) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

  const bridgedFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? null : new Uint8Array(await request.arrayBuffer());
    const id = nextId++;
    return new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new TypeError('fetch failed: no answer from the main process'));
      }, timeoutMs);
      timer.unref?.();
      waiting.set(id, { resolve, reject, timer });
      try {
        post({ type: 'fetch', id, method: request.method, url: request.url, headers: [...request.headers.entries()], body });
      } catch {
        clearTimeout(timer);
        waiting.delete(id);
        reject(new TypeError('fetch failed'));
      }
    });
  };

  return {
    fetch: bridgedFetch,
    receive(message) {
      if (!isBridgedFetchResponse(message)) return false;
      const entry = waiting.get(message.id);
      if (!entry) return true;
      waiting.delete(message.id);
      clearTimeout(entry.timer);
      if (message.ok) {
        entry.resolve(new Response(message.status === 204 || message.status === 304 ? null : Buffer.from(message.body), { status: message.status, headers: message.headers }));
      } else {
        // Like Node's fetch: a network failure is a TypeError; the reason stays in the main log.
        entry.reject(new TypeError('fetch failed'));
      }
      return true;
    },
  };
}
