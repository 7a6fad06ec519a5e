import type { Db } from '../db/adapter';
import type { Keyring } from '../identity/keyring';
import type { ReferenceData } from '../reference-data';
import type { RateLimiter } from './rate-limit';

/** What the routes need; built once per instance in `app.ts`. */
export interface AppContext {
  readonly db: Db;
  readonly keyring: Keyring;
  readonly referenceData: ReferenceData;
  readonly now: () => number;
  readonly newId: () => string;
  readonly limiters: { readonly perIp: RateLimiter; readonly perDevice: RateLimiter; readonly enrollPerIp: RateLimiter; readonly documentsPerDevice: RateLimiter };
}

/** Set once a request's envelope header is read: who it claims to be, for logs and signed refusals. */
export interface SyncRequestContext {
  readonly deviceId: string;
  readonly requestId: string;
  readonly keyId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    sync: SyncRequestContext | null;
  }
}
