import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../../shared/sync';
import type { AppContext } from '../http/context';

/**
 * The server's current public keys and their fingerprint, before any code is spent: the
 * "Gerät registrieren" form shows the fingerprint so the person can compare it with the digits
 * the county IT reads out. Public data only. The device recomputes the fingerprint from the
 * keys itself and, on enrolment, checks the keys it is actually given against it.
 */
export function registerServerInfo(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/server-info', async () => {
    await ctx.keyring.refresh();
    const key = ctx.keyring.current();
    return {
      protocolVersion: PROTOCOL_VERSION,
      keyId: key.keyId,
      publicKeys: key.publicKeys,
      fingerprint: key.fingerprint,
      serverTime: ctx.now(),
    };
  });
}
