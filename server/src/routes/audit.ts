import type { FastifyInstance } from 'fastify';
import { MAX_ENVELOPE_BYTES } from '../../../shared/sync';
import { auditEnvelopeKinds, auditPath, auditUploadSchema } from '../../../shared/sync/audit-protocol';
import type { AppContext } from '../http/context';
import { SyncError } from '../http/sync-error';
import { storeAuditUpload } from '../sync/audit-service';
import { openDeviceRequest, sealToDevice } from './device-envelope';

/**
 * A device's audit log, a slice of its chain per request (shared/sync/audit-protocol.ts). Sealed
 * and rate-limited like push; the entries never reach a log line (the app logs route and status).
 */
export function registerAudit(app: FastifyInstance, ctx: AppContext): void {
  app.post(auditPath, { bodyLimit: MAX_ENVELOPE_BYTES }, async (request) => {
    const opened = await openDeviceRequest(ctx, request, auditEnvelopeKinds.request, auditUploadSchema);
    // A device uploads its own chain only: the body names the device that signed the envelope.
    if (opened.body.deviceId !== opened.device.id) throw new SyncError('INVALID_REQUEST');
    const ack = await storeAuditUpload(ctx, opened.device, opened.body);
    return sealToDevice(ctx, opened, auditEnvelopeKinds.answer, {}, ack);
  });
}
