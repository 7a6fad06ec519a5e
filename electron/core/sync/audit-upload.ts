import {
  AUDIT_ENTRY_OVERHEAD_BYTES,
  auditAckSchema,
  auditEnvelopeKinds,
  auditPath,
  MAX_AUDIT_ENTRIES_PER_UPLOAD,
  type AuditEntryWire,
  type AuditUpload,
} from '../../../shared/sync/audit-protocol';
import { MAX_BODY_BYTES } from '../../../shared/sync';
import type { Db } from '../db-types';
import { prepared } from '../store/prepared';
import { exchange, type RunKeys } from './exchange';
import { syncMessages } from './messages';
import { readAuditSentSeq, setAuditSentSeq } from './state';
import { SyncFailure, type FetchLike } from './transport';

/**
 * The device's audit log to the county server (shared/sync/audit-protocol.ts), after the field
 * sync of a run: in chain order, a slice per request, from the first entry the server has not
 * confirmed. The log itself never changes here; only the pointer `audit_sent_seq` moves, in its
 * own short transaction after each answer, so a run killed at any byte sends the same entries
 * again and the server acknowledges what it already holds.
 */
export interface AuditUploadDeps {
  readonly db: Db;
  readonly keys: RunKeys;
  readonly fetch: FetchLike;
  readonly now: () => number;
  /** throws when the profile was locked meanwhile */
  readonly alive: () => void;
}

/** Uploads per run at most: over a million typical entries (a first pull of 10,000 persons writes 30,000); the rest waits for the next run. */
const maxUploadsPerRun = 500;
/** A server restored from an older copy asks to go back; more than this in one run is not a restore. */
const maxRewindsPerRun = 3;
const byteBudget = Math.floor(MAX_BODY_BYTES * 0.9);

interface StoredRow {
  seq: number;
  at: string;
  actor: string;
  action: AuditEntryWire['action'];
  entity: string;
  row_id: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The entries after `sentSeq`, as many as fit one upload (count and bytes; always at least one). */
export function nextAuditSlice(db: Db, sentSeq: number): AuditEntryWire[] {
  const rows = prepared(
    db,
    'SELECT seq, at, actor, action, entity, row_id, details, prev_hash, hash FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?',
  ).all(sentSeq, MAX_AUDIT_ENTRIES_PER_UPLOAD) as StoredRow[];
  const slice: AuditEntryWire[] = [];
  let bytes = 0;
  for (const row of rows) {
    // As the entry travels: the details are a JSON string inside the JSON (quotes escaped), in UTF-8.
    const size = Buffer.byteLength(JSON.stringify(row.details)) + Buffer.byteLength(row.actor) + AUDIT_ENTRY_OVERHEAD_BYTES;
    if (slice.length > 0 && bytes + size > byteBudget) break;
    bytes += size;
    slice.push({
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      rowId: row.row_id,
      details: row.details,
      prevHash: row.prev_hash,
      hash: row.hash,
    });
  }
  return slice;
}

export async function uploadAuditLog(deps: AuditUploadDeps): Promise<void> {
  const { db, keys } = deps;
  let rewinds = 0;
  for (let round = 0; round < maxUploadsPerRun; round++) {
    deps.alive();
    const sent = readAuditSentSeq(db);
    const entries = nextAuditSlice(db, sent);
    if (entries.length === 0) return;
    const body: AuditUpload = { type: 'audit.upload', deviceId: keys.deviceId, entries };
    const ack = await exchange(deps.fetch, keys, deps.now, {
      path: auditPath,
      kind: auditEnvelopeKinds.request,
      answerKind: auditEnvelopeKinds.answer,
      body,
      answer: auditAckSchema,
    });
    deps.alive();
    const last = entries[entries.length - 1]!.seq;
    // The server cannot hold more of this chain than was sent; a higher claim is not believed.
    const stored = Math.min(ack.storedThrough, last);
    if (stored < sent) {
      // The server lost entries it had confirmed (restored from an older copy): send them again.
      rewinds += 1;
      if (rewinds > maxRewindsPerRun) throw new SyncFailure('INTERNAL', syncMessages.serverError);
    } else if (stored === sent) {
      // Nothing taken and no reason given: stop rather than send the same slice forever.
      throw new SyncFailure('INTERNAL', syncMessages.serverError);
    }
    db.transaction(() => setAuditSentSeq(db, stored))();
  }
}
