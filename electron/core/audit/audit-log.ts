import { createHash } from 'node:crypto';
import type { Db } from '../db-types';
import { canonicalJson } from '../util/canonical-json';
import { prepared } from '../store/prepared';

/**
 * Append-only, hash-chained audit log: each entry's hash covers the previous entry's hash and
 * the entry itself, so changing, removing or reordering any entry breaks every later link.
 * Details name fields only — never values — because the log is personal data's witness, not a
 * second copy of it.
 */
/**
 * 'sync': a row changed by pulled changes; 'purge': a row removed because it left the device's
 * teams; 'consent_override': a referral made without consent by a role allowed to (the reason
 * is in the referral row, encrypted; the log records that it happened and for which partner).
 */
export type AuditAction = 'create' | 'update' | 'delete' | 'read' | 'export' | 'sync' | 'purge' | 'consent_override';

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly rowId: string;
  /** field names and reference-data ids only (a partner id is the county's, not a person's) */
  readonly details: { readonly fields?: readonly string[]; readonly partnerId?: string };
}

export const genesisHash = '0'.repeat(64);

interface StoredEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  row_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** Exported for tests that forge entries the way an attacker with the key would. */
export function entryHash(prevHash: string, seq: number, entry: Omit<AuditEntry, 'details'> & { details: unknown }): string {
  const body = canonicalJson({
    seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    rowId: entry.rowId,
    details: entry.details,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** Appends one entry; call inside the transaction of the change it records. Returns its seq. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const last = prepared(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? genesisHash;
  const hash = entryHash(prevHash, seq, entry);
  prepared(
    db,
    `INSERT INTO audit_log (seq, at, actor, action, entity, row_id, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, entry.at, entry.actor, entry.action, entry.entity, entry.rowId, canonicalJson(entry.details), prevHash, hash);
  return seq;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBrokenSeq: number | null;
}

/** Walks the whole chain; the first entry whose link or content does not match is reported. */
export function verifyAuditChain(db: Db): AuditVerification {
  const total = countEntries(db);
  let prevHash = genesisHash;
  let expectedSeq = 1;
  let firstBrokenSeq: number | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<StoredEntry>) {
    if (row.seq !== expectedSeq || row.prev_hash !== prevHash || row.hash !== recomputed(row, prevHash)) {
      firstBrokenSeq = row.seq;
      break;
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: firstBrokenSeq === null, entries: total, firstBrokenSeq };
}

function recomputed(row: StoredEntry, prevHash: string): string | null {
  let details: unknown;
  try {
    details = JSON.parse(row.details);
  } catch {
    return null;
  }
  return entryHash(prevHash, row.seq, {
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    entity: row.entity,
    rowId: row.row_id,
    details,
  });
}

function countEntries(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
