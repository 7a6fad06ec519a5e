import { z } from 'zod';
import { auditActions, auditDetailsJson } from '../audit/chain-body';
import type { EnvelopeKind } from './protocol';
import { identifierSchema, uuidSchema } from './protocol';
import { sha256HexSchema } from './documents-protocol';

/**
 * A device's audit log to the county server (DESIGN.md, Local store: "It syncs like everything
 * else"). The device's log is one hash chain; it goes up in order, a slice at a time, and the
 * server keeps each device's chain and checks every link it receives, so what reached the county
 * cannot be rewritten on the laptop afterwards without the server noticing. Upload only: the
 * county (the data-protection officer) needs who did what with whose file; colleagues' laptops
 * do not, and copying every read of every file to every device of a team would spread exactly
 * the metadata the log protects.
 *
 * Sealed like push and pull; the body names its `type` (as document messages do), so it can
 * never be taken for a push batch although its envelope kind is 'push'.
 */
export const auditPath = '/v1/audit';
export const auditEnvelopeKinds = { request: 'push', answer: 'push-ack' } as const satisfies { request: EnvelopeKind; answer: EnvelopeKind };

/**
 * Entries per upload; the device also keeps an upload's JSON under MAX_BODY_BYTES, which cuts
 * first where entries name many fields (a pulled person's 'sync' entry is ~700 bytes). A first
 * pull of 10,000 persons writes 30,000 entries: a dozen uploads, not thirty.
 */
export const MAX_AUDIT_ENTRIES_PER_UPLOAD = 5000;
/** The stored details text of one entry (field names and a partner id). */
export const MAX_AUDIT_DETAILS_CHARS = 8192;
/** JSON of one entry besides its actor and details (keys, seq, time, ids, hashes), with room to spare. */
export const AUDIT_ENTRY_OVERHEAD_BYTES = 340;

/**
 * One entry as the device stores it. `details` travels as the stored text: the hash covers
 * exactly that text, and it must be the canonical JSON of the documented shape.
 */
export const auditEntryWireSchema = z
  .object({
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    at: z.iso.datetime(),
    actor: z.string().min(1).max(200),
    action: z.enum(auditActions),
    entity: identifierSchema,
    rowId: z.string().min(1).max(128),
    details: z
      .string()
      .max(MAX_AUDIT_DETAILS_CHARS)
      .refine(isCanonicalDetails, 'Details müssen kanonisches JSON mit Feldnamen sein'),
    prevHash: sha256HexSchema,
    hash: sha256HexSchema,
  })
  .strict();
export type AuditEntryWire = z.infer<typeof auditEntryWireSchema>;

const detailsShape = z
  .object({
    fields: z.array(z.string().max(128)).max(500).optional(),
    partnerId: z.string().max(128).optional(),
  })
  .strict();

function isCanonicalDetails(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  return detailsShape.safeParse(parsed).success && auditDetailsJson(parsed) === text;
}

/** In order, without a gap, each entry linked to the one before it. */
function isContiguous(entries: readonly AuditEntryWire[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.seq !== entries[i - 1]!.seq + 1 || entries[i]!.prevHash !== entries[i - 1]!.hash) return false;
  }
  return true;
}

export const auditUploadSchema = z
  .object({
    type: z.literal('audit.upload'),
    deviceId: uuidSchema,
    entries: z
      .array(auditEntryWireSchema)
      .min(1)
      .max(MAX_AUDIT_ENTRIES_PER_UPLOAD)
      .refine(isContiguous, 'Protokolleinträge lückenlos und verkettet erwartet'),
  })
  .strict();
export type AuditUpload = z.infer<typeof auditUploadSchema>;

/**
 * `storedThrough`: the highest seq of this device's chain the server holds after the upload,
 * with everything below it. Usually the upload's last entry; lower when the upload did not
 * follow on from what the server has (the server was restored from an older copy, say): the
 * device then sends again from there.
 */
export const auditAckSchema = z
  .object({
    type: z.literal('audit.stored'),
    storedThrough: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    serverTime: z.number().int(),
  })
  .strict();
export type AuditAck = z.infer<typeof auditAckSchema>;
