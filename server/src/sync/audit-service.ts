import { hash } from 'node:crypto';
import { auditEntryBody, genesisHash } from '../../../shared/audit/chain-body';
import type { AuditAck, AuditEntryWire, AuditUpload } from '../../../shared/sync/audit-protocol';
import type { Db, Queryable } from '../db/adapter';
import { jsonColumn } from '../db/arrays';
import { integerAt, jsonArray, numOrNull, textAt } from '../db/values';
import { SyncError } from '../http/sync-error';
import type { DeviceRecord } from './devices';

export interface AuditDeps {
  readonly db: Db;
  readonly now: () => number;
}

/**
 * Stores a slice of a device's audit chain (shared/sync/audit-protocol.ts), all or nothing, in
 * one transaction. The server keeps each device's chain from seq 1 without a gap, so what it
 * holds is described by its tail alone:
 * - entries it holds already must carry the stored hash: otherwise the laptop's log was
 *   rewritten after the county received it, and the whole upload is refused;
 * - an upload that does not follow on from the tail (the server was restored from an older
 *   copy) stores nothing, and the answer names the tail so the device sends from there;
 * - new entries must link to the tail and each hash must recompute, else nothing is stored.
 */
export async function storeAuditUpload(deps: AuditDeps, device: DeviceRecord, upload: AuditUpload): Promise<AuditAck> {
  const entries = upload.entries;
  // Before any database work: every hash must be the hash of its entry. Held entries included —
  // a stored hash alone would let a changed entry through that kept its old hash.
  if (!entries.every(linkHolds)) throw new SyncError('AUDIT_CHAIN_BROKEN');

  const storedThrough = await deps.db.transaction(async (tx) => {
    // Uploads of one device run one after the other (two instances, a retried request): the
    // tail read below stays the tail until this transaction ends.
    const locked = await tx.query('SELECT revoked_at FROM device WHERE id = $1 FOR UPDATE', [device.id]);
    if (!locked[0]) throw new SyncError('UNKNOWN_DEVICE');
    if (numOrNull(locked[0], 'revoked_at') !== null) throw new SyncError('DEVICE_REVOKED');

    const { tail, held } = await readChain(tx, device.id, entries[0]!.seq, entries[entries.length - 1]!.seq);
    for (const entry of entries) {
      const stored = held.get(entry.seq);
      if (stored !== undefined && stored !== entry.hash) throw new SyncError('AUDIT_CHAIN_BROKEN');
    }
    const fresh = entries.filter((entry) => entry.seq > tail.seq);
    // Nothing new (a resend), or a gap after the tail: the device learns what the server holds.
    if (fresh.length === 0 || fresh[0]!.seq !== tail.seq + 1) return tail.seq;
    if (fresh[0]!.prevHash !== tail.hash) throw new SyncError('AUDIT_CHAIN_BROKEN');
    await insertEntries(tx, device.id, fresh, deps.now());
    return fresh[fresh.length - 1]!.seq;
  });
  return { type: 'audit.stored', storedThrough, serverTime: deps.now() };
}

/** The link hash as the device computes it (electron/core/audit/audit-log.ts, `entryHash`). */
export function auditLinkHash(entry: AuditEntryWire): string {
  const content = { ...entry, details: JSON.parse(entry.details) as unknown };
  return hash('sha256', entry.prevHash + auditEntryBody(entry.seq, content, entry.details), 'hex');
}

function linkHolds(entry: AuditEntryWire): boolean {
  return auditLinkHash(entry) === entry.hash;
}

interface ChainState {
  /** the newest entry held; seq 0 and the genesis hash for a device with none */
  readonly tail: { readonly seq: number; readonly hash: string };
  /** seq → hash of the held entries in the upload's range */
  readonly held: ReadonlyMap<number, string>;
}

async function readChain(tx: Queryable, deviceId: string, fromSeq: number, toSeq: number): Promise<ChainState> {
  const rows = await tx.query(
    `SELECT
       (SELECT json_build_array(seq, hash) FROM device_audit WHERE device_id = $1 ORDER BY seq DESC LIMIT 1) AS tail,
       (SELECT coalesce(json_agg(json_build_array(seq, hash)), '[]') FROM device_audit
          WHERE device_id = $1 AND seq BETWEEN $2 AND $3) AS held`,
    [deviceId, fromSeq, toSeq],
  );
  const row = rows[0]!;
  const tailItem = row['tail'];
  const tail = tailItem === null ? { seq: 0, hash: genesisHash } : { seq: integerAt(tailItem, 0), hash: textAt(tailItem, 1) };
  const held = new Map(jsonArray(row, 'held').map((item) => [integerAt(item, 0), textAt(item, 1)] as const));
  return { tail, held };
}

const elements = (param: number) => `json_array_elements_text($${param}::json)`;

/** All new entries in one statement, each column one JSON array (db/arrays.ts). */
async function insertEntries(tx: Queryable, deviceId: string, entries: readonly AuditEntryWire[], now: number): Promise<void> {
  const column = (pick: (entry: AuditEntryWire) => string | number) => jsonColumn(entries.map(pick));
  await tx.query(
    `INSERT INTO device_audit (device_id, seq, at, actor, action, entity, row_id, details_json, prev_hash, hash, received_at)
     SELECT $1, seq::bigint, at, actor, action, entity, row_id, details_json, prev_hash, hash, $11
     FROM ROWS FROM (${[2, 3, 4, 5, 6, 7, 8, 9, 10].map(elements).join(', ')})
       AS u(seq, at, actor, action, entity, row_id, details_json, prev_hash, hash)`,
    [
      deviceId,
      column((e) => e.seq),
      column((e) => e.at),
      column((e) => e.actor),
      column((e) => e.action),
      column((e) => e.entity),
      column((e) => e.rowId),
      column((e) => e.details),
      column((e) => e.prevHash),
      column((e) => e.hash),
      now,
    ],
  );
}
