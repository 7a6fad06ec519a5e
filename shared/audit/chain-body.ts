import { canonicalJson } from '../sync/canonical-json';

/**
 * The text an audit entry's link hash is taken over, shared by the device that writes the chain
 * (electron/core/audit/audit-log.ts) and the county server that checks every entry it receives
 * (server/src/sync/audit-service.ts): both must produce the same bytes for the same entry. The
 * hash itself is sha256(prevHash + body), taken with node:crypto on each side (shared code runs
 * in Chromium too, and Web Crypto's digest is asynchronous).
 */

export const auditActions = ['create', 'update', 'delete', 'read', 'export', 'sync', 'purge', 'consent_override'] as const;
/**
 * 'sync': a row changed by pulled changes; 'purge': a row removed because it left the device's
 * teams; 'consent_override': a referral made without consent by a role allowed to (the reason
 * is in the referral row, encrypted; the log records that it happened and for which partner).
 */
export type AuditAction = (typeof auditActions)[number];

/** The hash before the first entry of a chain. */
export const genesisHash = '0'.repeat(64);

/** What the hash covers besides the previous hash: the entry with its place in the chain. */
export interface AuditEntryContent {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly rowId: string;
  readonly details: unknown;
}

/**
 * canonicalJson({ seq, at, actor, action, entity, rowId, details }) written out for the entry's
 * fixed shape: the keys in sorted order, each string through JSON.stringify, the details already
 * canonical. The generic sort-and-stringify cost more than the hash and the INSERT together.
 * Any value of another type (an entry read back from a damaged row, say) takes the generic path,
 * so the bytes are the same for every input (tests/unit/audit compares both).
 * `details` is `auditDetailsJson(entry.details)`, passed in so a caller that stores it too
 * builds it once.
 */
export function auditEntryBody(seq: number, entry: AuditEntryContent, details: string | undefined): string {
  const { at, actor, action, entity, rowId } = entry;
  if (
    details === undefined ||
    !Number.isSafeInteger(seq) ||
    typeof at !== 'string' ||
    typeof actor !== 'string' ||
    typeof action !== 'string' ||
    typeof entity !== 'string' ||
    typeof rowId !== 'string'
  ) {
    return canonicalJson({ seq, at, actor, action, entity, rowId, details: entry.details });
  }
  // Sorted keys: action < actor < at < details < entity < rowId < seq.
  return (
    `{"action":${JSON.stringify(action)},"actor":${JSON.stringify(actor)},"at":${JSON.stringify(at)},` +
    `"details":${details},"entity":${JSON.stringify(entity)},"rowId":${JSON.stringify(rowId)},"seq":${seq}}`
  );
}

/**
 * canonicalJson(details), written out for the documented shape { fields?: string[],
 * partnerId?: string } (own keys sorted: fields < partnerId); anything else takes the generic
 * path. Undefined for undefined details, as canonicalJson gives.
 */
export function auditDetailsJson(details: unknown): string | undefined {
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return canonicalJson(details);
  const record = details as Record<string, unknown>;
  let fields: unknown;
  let partnerId: unknown;
  for (const key of Object.keys(record)) {
    if (key === 'fields') fields = record.fields;
    else if (key === 'partnerId') partnerId = record.partnerId;
    else return canonicalJson(details);
  }
  let json = '{';
  if (fields !== undefined) {
    if (!isStringArray(fields)) return canonicalJson(details);
    json += `"fields":${JSON.stringify(fields)}`;
  }
  if (partnerId !== undefined) {
    if (typeof partnerId !== 'string') return canonicalJson(details);
    json += `${json.length > 1 ? ',' : ''}"partnerId":${JSON.stringify(partnerId)}`;
  }
  return `${json}}`;
}

/** A dense array of strings only (a hole or another value would serialise differently). */
function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}
