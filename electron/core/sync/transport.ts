import { syncErrorBodySchema, type SyncErrorBody } from '../../../shared/sync';
import { syncMessages } from './messages';

/**
 * HTTP to the county server through an injected `fetch` (Electron's `net.fetch` in the app, so
 * the office proxy is used; Node's fetch in tests). Only JSON in, JSON out; the bodies that
 * matter are envelopes, opened by the caller.
 */
export type FetchLike = typeof fetch;

/** A sync step that failed, with a German message for the status line. */
export class SyncFailure extends Error {
  constructor(
    /** a protocol code of shared/sync/errors.ts or one of the client's own (UNREACHABLE, …) */
    readonly code: string,
    message: string,
    readonly body?: SyncErrorBody,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The server's base URL as stored and compared: https (http only to this computer itself), no
 * credentials, query or fragment, no trailing slash.
 */
export function normalizeServerUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new SyncFailure('BAD_URL', syncMessages.badUrl);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SyncFailure('BAD_URL', syncMessages.badUrl);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new SyncFailure('BAD_URL', syncMessages.badUrl);
  }
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname)) throw new SyncFailure('BAD_URL', syncMessages.insecureUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

export interface HttpReply {
  readonly status: number;
  /** parsed JSON, or undefined when the body was not JSON */
  readonly body: unknown;
}

const requestTimeoutMs = 30_000;

export async function requestJson(fetchFn: FetchLike, url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<HttpReply> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: init.method,
      headers: init.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(requestTimeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new SyncFailure(timedOut ? 'TIMEOUT' : 'UNREACHABLE', timedOut ? syncMessages.timeout : syncMessages.unreachable);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw new SyncFailure('UNREACHABLE', syncMessages.unreachable);
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    body = undefined;
  }
  return { status: response.status, body };
}

/**
 * A refusal as the server sent it. Its message is shown as is (German, from the server); a
 * body that is not a protocol error becomes a generic one by status.
 */
export function failureFromReply(reply: HttpReply): SyncFailure {
  const parsed = syncErrorBodySchema.safeParse(reply.body);
  if (parsed.success) return new SyncFailure(parsed.data.error.code, parsed.data.error.message, parsed.data);
  if (reply.status >= 500) return new SyncFailure('INTERNAL', syncMessages.serverError);
  return new SyncFailure('NOT_A_SERVER', syncMessages.notAServer);
}
