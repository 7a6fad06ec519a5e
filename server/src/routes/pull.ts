import type { FastifyInstance } from 'fastify';
import { JsonText, pullRequestSchema, type PullPage } from '../../../shared/sync';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import { pullExtras } from '../sync/pull-extras';
import { readPullPage } from '../sync/pull-service';
import { openDeviceRequest, sealToDevice } from './device-envelope';

export function registerPull(app: FastifyInstance, ctx: AppContext): void {
  app.post('/v1/pull', { bodyLimit: 16 * 1024 }, async (request) => {
    const opened = await openDeviceRequest(ctx, request, 'pull', pullRequestSchema);
    const pull = opened.body;
    if (pull.deviceId !== opened.device.id || pull.cursor !== opened.header.cursor) throw new SyncError('INVALID_REQUEST');
    const { extras, maxBytes } = await pullExtras(ctx.db, opened.device, pull, ctx.referenceData);
    const { changesText, ...page } = await readPullPage(ctx.db, opened.device, pull, maxBytes);
    await ctx.db.query('UPDATE device SET last_pull_at = $2 WHERE id = $1', [opened.device.id, ctx.now()]);
    const notice = ctx.keyring.noticeFor(opened.serverKey);
    const rest: Omit<PullPage, 'changes'> = { ...page, ...extras, serverTime: ctx.now(), ...(notice ? { serverKey: notice } : {}) };
    // The changes are JSON text built from the stored columns already (`"rows":[…]` for a device
    // that asked for the grouped format, `"changes":[…]` for an older app): spliced in.
    const body = new JsonText(`{${changesText},${JSON.stringify(rest).slice(1)}`);
    return sealToDevice(ctx, opened, 'pull-page', { cursor: pull.cursor }, body);
  });
}
