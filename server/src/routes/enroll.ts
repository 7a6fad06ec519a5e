import type { FastifyInstance } from 'fastify';
import {
  enrollRequestSchema,
  enrollSigningInput,
  fromBase64Url,
  importPublicKeys,
  PROTOCOL_VERSION,
  verify,
  type EnrollResponse,
} from '../../../shared/sync';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import { enrollDevice } from '../sync/enroll-service';

export function registerEnroll(app: FastifyInstance, ctx: AppContext): void {
  app.post('/v1/enroll', { bodyLimit: 8 * 1024 }, async (request): Promise<EnrollResponse> => {
    // Codes are short: a stricter bucket per address makes guessing them hopeless.
    const retryAfterMs = ctx.limiters.enrollPerIp.take(request.ip);
    if (retryAfterMs > 0) throw new SyncError('RATE_LIMITED', { retryAfterMs });

    const parsed = enrollRequestSchema.safeParse(request.body);
    if (!parsed.success) throw new SyncError('INVALID_REQUEST');
    const enroll = parsed.data;
    if (enroll.protocolVersion !== PROTOCOL_VERSION) throw new SyncError('PROTOCOL_VERSION');

    let valid = false;
    try {
      const keys = await importPublicKeys(enroll.publicKeys);
      valid = await verify(keys.ed25519, fromBase64Url(enroll.signature), enrollSigningInput(enroll));
    } catch {
      valid = false;
    }
    if (!valid) throw new SyncError('BAD_SIGNATURE');

    await ctx.keyring.refresh();
    const enrolled = await enrollDevice(ctx.db, enroll, ctx.now());
    const server = ctx.keyring.current();
    return {
      protocolVersion: PROTOCOL_VERSION,
      ...enrolled,
      server: { keyId: server.keyId, publicKeys: server.publicKeys, fingerprint: server.fingerprint },
      referenceData: ctx.referenceData,
      serverTime: ctx.now(),
    };
  });
}
