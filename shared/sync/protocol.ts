import { z } from 'zod';
import { parseHlc } from '../hlc';
import { canonicalJson } from './canonical-json';
import { utf8 } from './encoding';
import {
  MAX_CHANGES_PER_BATCH,
  MAX_ENVELOPE_BYTES,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_PULL_LIMIT,
  MAX_VALUE_BYTES,
  PROTOCOL_VERSION,
} from './limits';

/**
 * The sync protocol between a device and the county server (DESIGN.md, Sync). Every message is
 * parsed with these schemas on arrival, on both ends: nothing from the wire is trusted as typed.
 */

/** Entity and field names are identifiers, never free text: they end up in SQL parameters and logs. */
export const identifierSchema = z.string().regex(/^[a-z][A-Za-z0-9_]{0,63}$/, 'Ungültiger Bezeichner');
export const uuidSchema = z.uuid();
export const opIdSchema = z.uuid({ version: 'v7' });
/** shared/hlc.ts format: 15-digit ms, 6-digit counter, device id. */
const hlcPattern = /^\d{15}-\d{6}-.+$/;
export const hlcSchema = z.string().max(23 + MAX_ID_LENGTH).regex(hlcPattern, 'Ungültiger HLC-Zeitstempel');
/** A server sequence number: fits a JS number long before it fits anything else. */
export const seqSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** The pull cursor is opaque to the device: it stores and returns it as text. */
export const cursorSchema = z.string().regex(/^\d{1,16}$/, 'Ungültiger Cursor');
export const base64UrlSchema = (maxChars: number) =>
  z.string().max(maxChars).regex(/^[A-Za-z0-9_-]*$/, 'base64url erwartet');

export const publicKeysSchema = z.object({
  /** raw 32-byte X25519 public key, base64url: HPKE recipient key */
  x25519: base64UrlSchema(43).length(43),
  /** raw 32-byte Ed25519 public key, base64url: signature key */
  ed25519: base64UrlSchema(43).length(43),
});
export type PublicKeysText = z.infer<typeof publicKeysSchema>;

const jsonValueSchema = z.json().refine((value) => utf8(canonicalJson(value)).length <= MAX_VALUE_BYTES, {
  message: 'Feldwert zu groß',
});

/** One edit of one field of one row: the unit of sync. */
export const fieldChangeSchema = z
  .object({
    opId: opIdSchema,
    entity: identifierSchema,
    rowId: uuidSchema,
    field: identifierSchema,
    value: jsonValueSchema,
    hlc: hlcSchema,
    deviceId: uuidSchema,
    /** the row's team as the device sees it; a child row carries its person's team */
    teamId: uuidSchema,
    /** server version (`serverSeq`) of the field this edit was based on; null for a field never synced */
    baseSeq: seqSchema.nullable(),
    schemaVersion: z.number().int().min(1).max(100_000),
  })
  .strict()
  // A malformed stamp already failed hlcSchema; parseHlc would throw on it (a 500, not a refusal).
  .refine((change) => typeof change.hlc === 'string' && hlcPattern.test(change.hlc) && parseHlc(change.hlc).deviceId === change.deviceId, {
    message: 'Der HLC-Zeitstempel gehört zu einem anderen Gerät',
    path: ['hlc'],
  });
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const pushBatchSchema = z
  .object({
    deviceId: uuidSchema,
    /** 1, 2, 3, … per device, without gaps; a batch keeps its number when it is resent */
    batchSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    changes: z.array(fieldChangeSchema).min(1).max(MAX_CHANGES_PER_BATCH),
  })
  .strict()
  .superRefine((batch, ctx) => {
    const seen = new Set<string>();
    batch.changes.forEach((change, index) => {
      if (change.deviceId !== batch.deviceId) {
        ctx.addIssue({ code: 'custom', message: 'Änderung eines anderen Geräts', path: ['changes', index, 'deviceId'] });
      }
      if (seen.has(change.opId)) {
        ctx.addIssue({ code: 'custom', message: 'opId doppelt im Stapel', path: ['changes', index, 'opId'] });
      }
      seen.add(change.opId);
    });
  });
export type PushBatch = z.infer<typeof pushBatchSchema>;

/** Sent with every response while the device still uses a retired server key (key rotation). */
export const serverKeyNoticeSchema = z
  .object({
    keyId: z.string().max(MAX_ID_LENGTH),
    publicKeys: publicKeysSchema,
    fingerprint: z.string().max(80),
    /** after this moment the key the device uses is refused */
    oldKeyValidUntil: z.number().int(),
  })
  .strict();
export type ServerKeyNotice = z.infer<typeof serverKeyNoticeSchema>;

/** Told to the pushing device, so that it keeps its own conflict record (nothing dropped). */
export const conflictNoticeSchema = z
  .object({
    conflictId: uuidSchema,
    opId: opIdSchema,
    entity: identifierSchema,
    rowId: uuidSchema,
    field: identifierSchema,
    serverValue: z.json(),
    serverHlc: hlcSchema,
    serverDeviceId: uuidSchema,
    serverUserId: uuidSchema.nullable(),
    serverSeq: seqSchema,
    /** whose value the field holds now, by the merge rule */
    winner: z.enum(['incoming', 'server']),
  })
  .strict();
export type ConflictNotice = z.infer<typeof conflictNoticeSchema>;

export const pushAckSchema = z
  .object({
    batchSeq: z.number().int().min(1),
    /** opIds stored by this push */
    accepted: z.array(opIdSchema).max(MAX_CHANGES_PER_BATCH),
    /** opIds the server already had (a resent batch): stored once, acknowledged again */
    duplicates: z.array(opIdSchema).max(MAX_CHANGES_PER_BATCH),
    conflicts: z.array(conflictNoticeSchema).max(MAX_CHANGES_PER_BATCH),
    /** the server sequence of each change, in the batch's order: the device's next `baseSeq` */
    serverSeqs: z.array(seqSchema).max(MAX_CHANGES_PER_BATCH),
    /** true when this is the stored answer to a batch seen before */
    replayed: z.boolean(),
    serverTime: z.number().int(),
    serverKey: serverKeyNoticeSchema.optional(),
  })
  .strict();
export type PushAck = z.infer<typeof pushAckSchema>;

export const pullRequestSchema = z
  .object({
    deviceId: uuidSchema,
    /** "0" for a fresh device */
    cursor: cursorSchema,
    limit: z.number().int().min(1).max(MAX_PULL_LIMIT),
    /**
     * the `version` of the county reference data the device holds (null: none yet). A device
     * that sends it understands `role` and `referenceData` in the page; one that does not (an
     * older app) gets pages without them, which its strict schema still accepts.
     */
    referenceVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    /**
     * 'grouped': the device reads the compact page (`groupedPullPageSchema`). Left out (an older
     * app), the page lists every change in full (`pullPageSchema`).
     */
    format: z.literal('grouped').optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const pulledChangeSchema = z
  .object({
    opId: opIdSchema,
    entity: identifierSchema,
    rowId: uuidSchema,
    field: identifierSchema,
    value: z.json(),
    hlc: hlcSchema,
    deviceId: uuidSchema,
    userId: uuidSchema.nullable(),
    teamId: uuidSchema,
    schemaVersion: z.number().int().min(1),
    /** the field version: store it and send it back as `baseSeq` of the next local edit */
    serverSeq: seqSchema,
  })
  .strict();
export type PulledChange = z.infer<typeof pulledChangeSchema>;

/** A row left the device's teams (its person moved to another team): delete it locally. */
export const purgeSchema = z
  .object({
    entity: identifierSchema,
    rowId: uuidSchema,
    reason: z.literal('team-changed'),
  })
  .strict();
export type Purge = z.infer<typeof purgeSchema>;

/**
 * The user's role as the server holds it (server/src/db/migrations/002_roles.sql). An identifier
 * on the wire, not an enum: a role a newer server knows must not make a page unreadable; the
 * device reads an unknown role as the least one (electron/core/casework/reference.ts).
 */
export const roleOnWireSchema = identifierSchema;

/** Everything of a pull page but its changes: the same in both formats. */
const pullPageRestShape = {
  /** apply before or together with the changes; for a person, also purge its child rows */
  purges: z.array(purgeSchema).max(MAX_PULL_LIMIT),
  nextCursor: cursorSchema,
  hasMore: z.boolean(),
  serverTime: z.number().int(),
  serverKey: serverKeyNoticeSchema.optional(),
  /** the user's current role (only to a device that sent `referenceVersion`) */
  role: roleOnWireSchema.optional(),
  /** the county reference data, when its version differs from the one the device named */
  referenceData: z.json().optional(),
};

/**
 * A pull page with every change in full: what an older app (no `format` in its request) reads,
 * and what the device works with once it has expanded a grouped page (`expandPullPage`).
 */
export const pullPageSchema = z
  .object({
    changes: z.array(pulledChangeSchema).max(MAX_PULL_LIMIT),
    ...pullPageRestShape,
  })
  .strict();
export type PullPage = z.infer<typeof pullPageSchema>;

/**
 * The compact pull page (request `format: 'grouped'`). Written in full, a change repeats its
 * row, team and stamp ids — three quarters of a page. Here consecutive changes of one row form a
 * group that names entity, rowId and teamId once, and the stamp (hlc, deviceId, userId,
 * schemaVersion) once; a field whose stamp differs carries only what differs. Each field is
 * `[field, value, opId, serverSeq]`, or `[field, value, opId, serverSeq, override]`. Every
 * `PulledChange` comes back exactly, in the server's order (`expandPullPage`).
 */
export const stampOverrideSchema = z
  .object({
    hlc: hlcSchema.optional(),
    deviceId: uuidSchema.optional(),
    userId: uuidSchema.nullable().optional(),
    schemaVersion: z.number().int().min(1).optional(),
  })
  .strict();
export type StampOverride = z.infer<typeof stampOverrideSchema>;

export const pulledFieldSchema = z.tuple([identifierSchema, z.json(), opIdSchema, seqSchema, stampOverrideSchema.optional()]);
export type PulledField = z.infer<typeof pulledFieldSchema>;

export const pulledRowSchema = z
  .object({
    entity: identifierSchema,
    rowId: uuidSchema,
    teamId: uuidSchema,
    /** the stamp of the group's fields, unless a field overrides part of it */
    hlc: hlcSchema,
    deviceId: uuidSchema,
    userId: uuidSchema.nullable(),
    schemaVersion: z.number().int().min(1),
    fields: z.array(pulledFieldSchema).min(1).max(MAX_PULL_LIMIT),
  })
  .strict();
export type PulledRow = z.infer<typeof pulledRowSchema>;

/** Changes in a grouped page: the same bound as the changes of a page in full. */
export function groupedFieldCount(rows: readonly { readonly fields: readonly unknown[] }[]): number {
  let count = 0;
  for (const row of rows) count += row.fields.length;
  return count;
}

export const groupedPullPageSchema = z
  .object({
    rows: z.array(pulledRowSchema).max(MAX_PULL_LIMIT),
    ...pullPageRestShape,
  })
  .strict()
  .refine((page) => groupedFieldCount(page.rows) <= MAX_PULL_LIMIT, { message: 'Zu viele Änderungen', path: ['rows'] });
export type GroupedPullPage = z.infer<typeof groupedPullPageSchema>;

export const enrollRequestSchema = z
  .object({
    protocolVersion: z.number().int().min(1),
    code: z.string().min(4).max(64),
    deviceName: z.string().trim().min(1).max(MAX_NAME_LENGTH),
    publicKeys: publicKeysSchema,
    time: z.number().int(),
    /** Ed25519 over `enrollSigningInput`: the device proves it holds its private key */
    signature: base64UrlSchema(86).length(86),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const teamRefSchema = z.object({ id: uuidSchema, name: z.string().max(200) }).strict();

export const enrollResponseSchema = z
  .object({
    protocolVersion: z.literal(PROTOCOL_VERSION),
    deviceId: uuidSchema,
    userId: uuidSchema,
    userName: z.string().max(200),
    teams: z.array(teamRefSchema).max(500),
    server: z
      .object({ keyId: z.string().max(MAX_ID_LENGTH), publicKeys: publicKeysSchema, fingerprint: z.string().max(80) })
      .strict(),
    /** catalogs and network partners of the county: data, not code (DOMAIN.md) */
    referenceData: z.json(),
    /** the user's role; absent from an older server (the device then works as 'fallmanagement') */
    role: roleOnWireSchema.optional(),
    serverTime: z.number().int(),
  })
  .strict();
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const timeResponseSchema = z.object({ serverTime: z.number().int(), protocolVersion: z.number().int() }).strict();

export const envelopeKindSchema = z.enum(['push', 'push-ack', 'pull', 'pull-page']);
export type EnvelopeKind = z.infer<typeof envelopeKindSchema>;

/** Bound to the ciphertext as HPKE associated data and covered by the signature. */
export const envelopeHeaderSchema = z
  .object({
    v: z.number().int().min(1),
    kind: envelopeKindSchema,
    deviceId: uuidSchema,
    /** the server key involved: the one sealed to (device → server) or signed with (server → device) */
    keyId: z.string().min(1).max(MAX_ID_LENGTH),
    batchSeq: z.number().int().min(1).optional(),
    cursor: cursorSchema.optional(),
    time: z.number().int(),
    /** fresh per request; a response repeats its request's id, binding the two */
    requestId: uuidSchema,
  })
  .strict();
export type EnvelopeHeader = z.infer<typeof envelopeHeaderSchema>;

/** On the wire: every part base64url; `h` is the exact header bytes used as AAD. */
export const envelopeSchema = z
  .object({
    h: base64UrlSchema(2048).min(1),
    enc: base64UrlSchema(64).length(43),
    ct: base64UrlSchema(MAX_ENVELOPE_BYTES).min(22),
    sig: base64UrlSchema(86).length(86),
  })
  .strict();
export type Envelope = z.infer<typeof envelopeSchema>;
