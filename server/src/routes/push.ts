import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_ENVELOPE_BYTES, type PushAck, type PushBatch } from '../../../shared/sync';
import { checkPushBatch } from '../../../shared/sync/push-batch-check';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import { applyPush } from '../sync/push-service';
import { openDeviceRequest, sealToDevice } from './device-envelope';

/**
 * The batch as `pushBatchSchema` checks it, by the hand-written check with the same verdicts
 * (shared/sync/push-batch-check.ts): zod's own walk of 2,000 changes was a tenth of a push.
 */
const pushBatchInput = z.unknown().transform((input, ctx): PushBatch => {
  const checked = checkPushBatch(input);
  if (checked.success) return checked.data;
  ctx.addIssue({ code: 'custom', message: 'Ungültiger Stapel', input });
  return z.NEVER;
});

export function registerPush(app: FastifyInstance, ctx: AppContext): void {
  app.post('/v1/push', { bodyLimit: MAX_ENVELOPE_BYTES }, async (request) => {
    const opened = await openDeviceRequest(ctx, request, 'push', pushBatchInput);
    const batch = opened.body;
    if (batch.deviceId !== opened.device.id || batch.batchSeq !== opened.header.batchSeq) throw new SyncError('INVALID_REQUEST');
    const ack = await applyPush(ctx, opened.device, batch);
    const notice = ctx.keyring.noticeFor(opened.serverKey);
    const body: PushAck = notice ? { ...ack, serverKey: notice } : ack;
    return sealToDevice(ctx, opened, 'push-ack', { batchSeq: batch.batchSeq }, body);
  });
}
