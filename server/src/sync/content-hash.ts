import { createHash } from 'node:crypto';
import type { PushBatch } from '../../../shared/sync';

/**
 * The stored fingerprint of a batch (push_batch.content_hash): SHA-256 of the batch's canonical
 * JSON, so a resent batch is recognised whatever order its keys came in. The text is exactly
 * `canonicalJson(batch)` — hashes stored before stay valid — but built from objects whose keys
 * are written in sorted order, so only the values' own keys are sorted: sorting the keys of
 * 2,000 change objects took twice as long as the rest.
 */
export function batchContentHash(batch: PushBatch): string {
  return createHash('sha256').update(canonicalBatchJson(batch)).digest('base64url');
}

/** `canonicalJson(batch)` for a batch with exactly the schema's keys (pushBatchSchema is strict). */
export function canonicalBatchJson(batch: PushBatch): string {
  // Keys in sorted order, at every level (JSON.stringify keeps insertion order).
  return JSON.stringify({
    batchSeq: batch.batchSeq,
    changes: batch.changes.map((c) => ({
      baseSeq: c.baseSeq,
      deviceId: c.deviceId,
      entity: c.entity,
      field: c.field,
      hlc: c.hlc,
      opId: c.opId,
      rowId: c.rowId,
      schemaVersion: c.schemaVersion,
      teamId: c.teamId,
      value: sortedKeys(c.value),
    })),
    deviceId: batch.deviceId,
  });
}

/** A JSON value with the keys of each object in sorted order, as canonicalJson writes them. */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortedKeys);
  const source = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) sorted[key] = sortedKeys(source[key]);
  return sorted;
}
