import { hash } from 'node:crypto';
import type { Db } from '../db-types';
import { auditDetailsJson, auditEntryBody, genesisHash, type AuditAction } from '../../../shared/audit/chain-body';
import { prepared } from '../store/prepared';

/**
 * Append-only, hash-chained audit log: each entry's hash covers the previous entry's hash and
 * the entry itself, so changing, removing or reordering any entry breaks every later link.
 * Details name fields only — never values — because the log is personal data's witness, not a
 * second copy of it.
 */
export type { AuditAction } from '../../../shared/audit/chain-body';
export { genesisHash } from '../../../shared/audit/chain-body';

export interface AuditEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly rowId: string;
  /** field names and reference-data ids only (a partner id is the county's, not a person's) */
  readonly details: { readonly fields?: readonly string[]; readonly partnerId?: string };
}

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

/**
 * The chain's link: sha256 over the previous hash and the canonical JSON of the entry with its
 * seq. Exported for tests that forge entries the way an attacker with the key would.
 */
export function entryHash(prevHash: string, seq: number, entry: Omit<AuditEntry, 'details'> & { details: unknown }): string {
  return linkHash(prevHash, auditEntryBody(seq, entry, auditDetailsJson(entry.details)));
}

/** One-shot sha256: the same digest as createHash().update(prevHash).update(body), as prevHash is hex. */
function linkHash(prevHash: string, body: string): string {
  return hash('sha256', prevHash + body, 'hex');
}

interface ChainTail {
  seq: number;
  hash: string;
}

function chainTail(db: Db): ChainTail {
  const last = prepared(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as ChainTail | undefined;
  return last ?? { seq: 0, hash: genesisHash };
}

const insertSql = `INSERT INTO audit_log (seq, at, actor, action, entity, row_id, details, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The columns of audit_log in insert order. */
type AuditRow = [seq: number, at: string, actor: string, action: string, entity: string, rowId: string, details: string | undefined, prevHash: string, hash: string];

/** The row of `entry` linked to `tail`; its seq and hash are the next tail. */
function linkedRow(tail: ChainTail, entry: AuditEntry): AuditRow {
  const seq = tail.seq + 1;
  const details = auditDetailsJson(entry.details);
  const link = linkHash(tail.hash, auditEntryBody(seq, entry, details));
  return [seq, entry.at, entry.actor, entry.action, entry.entity, entry.rowId, details, tail.hash, link];
}

/** Appends one entry; call inside the transaction of the change it records. Returns its seq. */
export function appendAudit(db: Db, entry: AuditEntry): number {
  const row = linkedRow(chainTail(db), entry);
  prepared(db, insertSql).run(...row);
  return row[0];
}

/**
 * Appends several entries in the given order, exactly as `appendAudit` for each would (same
 * seqs, same chain, same rows); call inside the transaction of the changes they record. A
 * pulled page records hundreds of rows at once: the chain's tail is read once and carried
 * along. (A multi-row INSERT measured no faster than the one statement run per row.)
 */
export function appendAuditBatch(db: Db, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  const insert = prepared(db, insertSql);
  let tail = chainTail(db);
  for (const entry of entries) {
    const row = linkedRow(tail, entry);
    insert.run(...row);
    tail = { seq: row[0], hash: row[8] };
  }
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
