import { z } from 'zod';
import { base64UrlSchema, identifierSchema, uuidSchema } from './protocol';

/**
 * Every refusal of the server has a stable code for the device and a German message the app
 * shows as it is. The codes tell the device what to do next (see `syncErrorAdvice`).
 */
export const syncErrorCodes = [
  'INVALID_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'PROTOCOL_VERSION',
  'UNKNOWN_DEVICE',
  'DEVICE_REVOKED',
  'BAD_SIGNATURE',
  'DECRYPT_FAILED',
  'SERVER_KEY_UNKNOWN',
  'BATCH_SEQ_GAP',
  'CLOCK_AHEAD',
  'OUT_OF_SCOPE',
  'AUDIT_CHAIN_BROKEN',
  'ENROLL_CODE_INVALID',
  'ENROLL_CODE_EXPIRED',
  'ENROLL_CODE_USED',
  'NOT_FOUND',
  'INTERNAL',
] as const;
export const syncErrorCodeSchema = z.enum(syncErrorCodes);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;

export const syncErrorMessages: Record<SyncErrorCode, string> = {
  INVALID_REQUEST: 'Die Anfrage an den Server war ungültig. Bitte aktualisieren Sie die App.',
  PAYLOAD_TOO_LARGE: 'Die Daten sind zu groß für eine Übertragung.',
  RATE_LIMITED: 'Zu viele Anfragen. Die Synchronisation wird gleich automatisch wiederholt.',
  PROTOCOL_VERSION: 'Diese App-Version passt nicht zum Server. Bitte installieren Sie ein Update.',
  UNKNOWN_DEVICE: 'Dieses Gerät ist beim Server nicht bekannt. Bitte registrieren Sie es neu.',
  DEVICE_REVOKED: 'Dieses Gerät wurde von der Verwaltung gesperrt. Die lokalen Daten werden aus Sicherheitsgründen gelöscht.',
  BAD_SIGNATURE: 'Die Daten konnten nicht als echt bestätigt werden. Bitte registrieren Sie das Gerät neu.',
  DECRYPT_FAILED: 'Die verschlüsselten Daten konnten nicht gelesen werden.',
  SERVER_KEY_UNKNOWN: 'Der Server verwendet einen neuen Schlüssel. Bitte registrieren Sie das Gerät neu.',
  BATCH_SEQ_GAP: 'Die Übertragung ist aus dem Takt geraten. Bitte wenden Sie sich an den Support.',
  CLOCK_AHEAD:
    'Die Uhr dieses Geräts geht mehr als 5 Minuten vor. Bitte stellen Sie Datum und Uhrzeit richtig ein; danach wird wieder synchronisiert.',
  OUT_OF_SCOPE:
    'Einige Änderungen betreffen Personen, die nicht (mehr) zu Ihren Teams gehören. Es wurde nichts übertragen.',
  AUDIT_CHAIN_BROKEN:
    'Das Zugriffsprotokoll dieses Geräts passt nicht zu dem, das der Server bereits erhalten hat. Bitte wenden Sie sich an die IT des Kreises.',
  ENROLL_CODE_INVALID: 'Der Registrierungscode ist falsch. Bitte prüfen Sie die Eingabe.',
  ENROLL_CODE_EXPIRED: 'Der Registrierungscode ist abgelaufen. Bitte fordern Sie einen neuen an.',
  ENROLL_CODE_USED: 'Der Registrierungscode wurde bereits verwendet. Bitte fordern Sie einen neuen an.',
  NOT_FOUND: 'Diese Adresse gibt es auf dem Server nicht.',
  INTERNAL: 'Auf dem Server ist ein Fehler aufgetreten. Die Synchronisation wird später wiederholt.',
};

/** What the device does on hearing a code. */
export type SyncErrorAdvice = 'retry-later' | 'fix-clock' | 'wipe' | 're-enroll' | 'update-app' | 'review' | 'give-up';
export const syncErrorAdvice: Record<SyncErrorCode, SyncErrorAdvice> = {
  INVALID_REQUEST: 'update-app',
  PAYLOAD_TOO_LARGE: 'give-up',
  RATE_LIMITED: 'retry-later',
  PROTOCOL_VERSION: 'update-app',
  UNKNOWN_DEVICE: 're-enroll',
  // Only after `verifyErrorProof` succeeded: an unsigned "revoked" must never wipe a laptop.
  DEVICE_REVOKED: 'wipe',
  BAD_SIGNATURE: 're-enroll',
  DECRYPT_FAILED: 'retry-later',
  SERVER_KEY_UNKNOWN: 're-enroll',
  BATCH_SEQ_GAP: 'give-up',
  CLOCK_AHEAD: 'fix-clock',
  OUT_OF_SCOPE: 'review',
  // The log on the laptop was changed after the county received it: people must look, not the app.
  AUDIT_CHAIN_BROKEN: 'give-up',
  ENROLL_CODE_INVALID: 'give-up',
  ENROLL_CODE_EXPIRED: 'give-up',
  ENROLL_CODE_USED: 'give-up',
  NOT_FOUND: 'update-app',
  INTERNAL: 'retry-later',
};

export const syncErrorStatus: Record<SyncErrorCode, number> = {
  INVALID_REQUEST: 400,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  PROTOCOL_VERSION: 426,
  UNKNOWN_DEVICE: 401,
  DEVICE_REVOKED: 403,
  BAD_SIGNATURE: 401,
  DECRYPT_FAILED: 400,
  SERVER_KEY_UNKNOWN: 409,
  BATCH_SEQ_GAP: 409,
  CLOCK_AHEAD: 422,
  OUT_OF_SCOPE: 403,
  AUDIT_CHAIN_BROKEN: 409,
  ENROLL_CODE_INVALID: 404,
  ENROLL_CODE_EXPIRED: 410,
  ENROLL_CODE_USED: 409,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

export const rowRefSchema = z.object({ entity: identifierSchema, rowId: uuidSchema }).strict();

/**
 * A server-signed statement about one request, so a device can trust a refusal that makes it
 * act (above all DEVICE_REVOKED → wipe): a forged error must not destroy data.
 */
export const errorProofSchema = z
  .object({
    /** base64url of the JSON of `ErrorStatement` */
    statement: base64UrlSchema(1024),
    sig: base64UrlSchema(86).length(86),
    keyId: z.string().max(64),
  })
  .strict();
export type ErrorProof = z.infer<typeof errorProofSchema>;

export const errorStatementSchema = z
  .object({ code: syncErrorCodeSchema, deviceId: uuidSchema, requestId: uuidSchema, time: z.number().int() })
  .strict();
export type ErrorStatement = z.infer<typeof errorStatementSchema>;

export const syncErrorBodySchema = z
  .object({
    error: z
      .object({
        code: syncErrorCodeSchema,
        message: z.string().max(1000),
        serverTime: z.number().int(),
        retryAfterMs: z.number().int().nonnegative().optional(),
        /** BATCH_SEQ_GAP: the batchSeq the server waits for */
        expectedBatchSeq: z.number().int().min(1).optional(),
        /** OUT_OF_SCOPE: the rows outside the device's teams (capped) */
        rows: z.array(rowRefSchema).max(100).optional(),
      })
      .strict(),
    proof: errorProofSchema.optional(),
  })
  .strict();
export type SyncErrorBody = z.infer<typeof syncErrorBodySchema>;
