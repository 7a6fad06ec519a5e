import type { FastifyInstance } from 'fastify';
import { MAX_ENVELOPE_BYTES, pushBatchSchema, type PushAck } from '../../../shared/sync';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import { applyPush } from '../sync/push-service';
import { openDeviceRequest, sealToDevice } from './device-envelope';

export function registerPush(app: FastifyInstance, ctx: AppContext): void {
  app.post('/v1/push', { bodyLimit: MAX_ENVELOPE_BYTES }, async (request) => {
    const opened = await openDeviceRequest(ctx, request, 'push', pushBatchSchema);
    const batch = opened.body;
    if (batch.deviceId !== opened.device.id || batch.batchSeq !== opened.header.batchSeq) throw new SyncError('INVALID_REQUEST');
    const ack = await applyPush(ctx, opened.device, batch);
    const notice = ctx.keyring.noticeFor(opened.serverKey);
    const body: PushAck = notice ? { ...ack, serverKey: notice } : ack;
    return sealToDevice(ctx, opened, 'push-ack', { batchSeq: batch.batchSeq }, body);
  });
}
