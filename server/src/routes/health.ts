import type { FastifyInstance } from 'fastify';
import { PROTOCOL_VERSION } from '../../../shared/sync';
import type { AppContext } from '../http/context';

export function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  /** For the load balancer: healthy means the database answers. */
  app.get('/health', async (_request, reply) => {
    try {
      await ctx.db.query('SELECT 1');
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  /** Devices compare clocks before they stamp and push (DESIGN.md, Sync: HLC). */
  app.get('/v1/time', async () => ({ serverTime: ctx.now(), protocolVersion: PROTOCOL_VERSION }));
}
