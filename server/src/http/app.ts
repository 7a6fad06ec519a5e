import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../shared/ids';
import { signErrorStatement, type SyncErrorBody } from '../../../shared/sync';
import type { Db } from '../db/adapter';
import type { Keyring } from '../identity/keyring';
import { defaultReferenceData, type ReferenceData } from '../reference-data';
import { registerAudit } from '../routes/audit';
import { registerDocuments } from '../routes/documents';
import { registerEnroll } from '../routes/enroll';
import { registerHealth } from '../routes/health';
import { registerPull } from '../routes/pull';
import { registerPush } from '../routes/push';
import { registerServerInfo } from '../routes/server-info';
import type { AppContext } from './context';
import { loggerOptions } from './logging';
import { defaultRateLimits, RateLimiter, type RateLimits } from './rate-limit';
import { registerSecurityHeaders } from './security-headers';
import { errorBody, SyncError } from './sync-error';

export interface AppOptions {
  readonly db: Db;
  readonly keyring: Keyring;
  readonly referenceData?: ReferenceData;
  readonly now?: () => number;
  readonly rateLimits?: Partial<RateLimits>;
  /** a pino level, or false for no log at all (tests) */
  readonly logLevel?: string | false;
  /** where log lines go (default stdout); tests read them to prove nothing leaks */
  readonly logStream?: { write(line: string): void };
  /** behind a reverse proxy / load balancer: take the client address from X-Forwarded-For */
  readonly trustProxy?: boolean;
}

/** Bodies of anything but push are small; push raises its own limit. */
const defaultBodyLimit = 64 * 1024;

/** The county server's HTTP app. It holds no state of its own besides rate-limit buckets. */
export function buildApp(options: AppOptions): { app: FastifyInstance; ctx: AppContext } {
  const now = options.now ?? Date.now;
  const limits = { ...defaultRateLimits, ...options.rateLimits };
  const ctx: AppContext = {
    db: options.db,
    keyring: options.keyring,
    referenceData: options.referenceData ?? defaultReferenceData,
    now,
    newId: () => uuidv7(now()),
    limiters: {
      perIp: new RateLimiter(limits.perIp, now),
      perDevice: new RateLimiter(limits.perDevice, now),
      enrollPerIp: new RateLimiter(limits.enrollPerIp, now),
      documentsPerDevice: new RateLimiter(limits.documentsPerDevice, now),
    },
  };

  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? false, options.logStream),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: defaultBodyLimit,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: false,
    genReqId: () => uuidv7(),
    return503OnClosing: true,
  });
  app.decorateRequest('sync', null);
  registerSecurityHeaders(app);

  app.addHook('onRequest', async (request) => {
    if (request.url === '/health') return;
    const retryAfterMs = ctx.limiters.perIp.take(request.ip);
    if (retryAfterMs > 0) throw new SyncError('RATE_LIMITED', { retryAfterMs });
  });

  // The one log line per request: no body, no query string, no header.
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        ...(request.sync ? { deviceId: request.sync.deviceId } : {}),
      },
      'request',
    );
  });

  app.setNotFoundHandler(async (_request, reply) => reply.status(404).send(errorBody('NOT_FOUND', now())));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    let refusal: SyncError;
    if (error instanceof SyncError) refusal = error;
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') refusal = new SyncError('PAYLOAD_TOO_LARGE');
    else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) refusal = new SyncError('INVALID_REQUEST');
    else {
      // The serializer keeps only the error's type and code: a database message may quote data.
      request.log.error({ err: error }, 'request failed');
      refusal = new SyncError('INTERNAL');
    }
    const body: SyncErrorBody = errorBody(refusal.code, now(), refusal);
    if (request.sync && refusal.code !== 'INTERNAL') {
      const key = ctx.keyring.usable(request.sync.keyId) ?? ctx.keyring.current();
      body.proof = await signErrorStatement(
        { code: refusal.code, deviceId: request.sync.deviceId, requestId: request.sync.requestId, time: now() },
        key.identity.ed25519.privateKey,
        key.keyId,
      );
    }
    if (refusal.details.retryAfterMs !== undefined) reply.header('retry-after', Math.ceil(refusal.details.retryAfterMs / 1000));
    return reply.status(refusal.status).send(body);
  });

  registerHealth(app, ctx);
  registerServerInfo(app, ctx);
  registerEnroll(app, ctx);
  registerPush(app, ctx);
  registerPull(app, ctx);
  registerDocuments(app, ctx);
  registerAudit(app, ctx);
  return { app, ctx };
}
