import type { BridgedFetchRequest, BridgedFetchResponse } from '../core/sync/fetch-bridge';

/**
 * The main process's half of the core's fetch bridge: it makes the network call with Electron's
 * `net.fetch` (office proxy, OS certificates). It is also a guard: only GET/POST over http(s) to
 * a sync server the person named in this run (probe, enrolment) or the core reported as its
 * configured server — the worker cannot be turned into a general-purpose HTTP client.
 * No electron import here, so it is tested in Node.
 */
export class ServerOrigins {
  private readonly origins = new Set<string>();

  /** Remembers the origin of an http(s) URL; anything else is ignored. */
  learn(url: unknown): void {
    const origin = httpOrigin(url);
    if (origin !== null) this.origins.add(origin);
  }

  allows(url: string): boolean {
    const origin = httpOrigin(url);
    return origin !== null && this.origins.has(origin);
  }
}

function httpOrigin(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (parsed.username !== '' || parsed.password !== '') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}

const serverUrlChannels = new Set(['sync.probeServer', 'sync.enroll']);

/** Learns sync servers from the calls passing through: what the person typed, what the core reports. */
export function learnFromCall(origins: ServerOrigins, channel: string, input: unknown, result?: unknown): void {
  if (serverUrlChannels.has(channel) && typeof input === 'object' && input !== null) {
    origins.learn((input as Record<string, unknown>).serverUrl);
  }
  if (channel.startsWith('sync.') && typeof result === 'object' && result !== null) {
    const value = (result as { ok?: unknown; value?: unknown }).ok === true ? (result as { value?: unknown }).value : undefined;
    if (typeof value === 'object' && value !== null) origins.learn((value as Record<string, unknown>).serverUrl);
  }
}

const allowedMethods = new Set(['GET', 'POST']);
/** A push envelope is at most ≈2.9 MB; anything far beyond is not a sync answer. */
const defaultMaxBytes = 8 * 1024 * 1024;

export interface FetchAnswererOptions {
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly origins: ServerOrigins;
  readonly maxBytes?: number;
  readonly log?: (line: string) => void;
}

export function isBridgedFetchRequest(message: unknown): message is BridgedFetchRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return (
    m.type === 'fetch' &&
    typeof m.id === 'number' &&
    typeof m.method === 'string' &&
    typeof m.url === 'string' &&
    Array.isArray(m.headers) &&
    (m.body === null || m.body instanceof Uint8Array)
  );
}

export type FetchAnswerer = (request: BridgedFetchRequest, post: (response: BridgedFetchResponse) => void) => Promise<void>;

export function createFetchAnswerer(options: FetchAnswererOptions): FetchAnswerer {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const log = options.log ?? (() => undefined);

  return async (request, post) => {
    const refuse = (id: number, message: string) => post({ type: 'fetch-result', id, ok: false, message });
    if (!isBridgedFetchRequest(request)) return;
    if (!allowedMethods.has(request.method) || !options.origins.allows(request.url)) {
      // Logged without the URL's path or query: only that it was refused.
      log('[kim] core fetch refused (method or destination not allowed)');
      refuse(request.id, 'refused');
      return;
    }
    try {
      const response = await options.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== null ? { body: request.body as Uint8Array<ArrayBuffer> } : {}),
        redirect: 'error',
      });
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        refuse(request.id, 'too large');
        return;
      }
      const body = new Uint8Array(await response.arrayBuffer());
      if (body.byteLength > maxBytes) {
        refuse(request.id, 'too large');
        return;
      }
      post({ type: 'fetch-result', id: request.id, ok: true, status: response.status, headers: [...response.headers.entries()], body });
    } catch (error) {
      log(`[kim] core fetch failed: ${error instanceof Error ? error.name : 'unknown'}`);
      refuse(request.id, 'network');
    }
  };
}
