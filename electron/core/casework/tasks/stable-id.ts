import { createHash } from 'node:crypto';
import type { TaskRule } from '../../../../shared/domain/task';

/**
 * The id of a rule task, derived from what the rule saw: the rule, the row it looked at and the
 * key date (the permit's expiry, the goal's due date …). Two devices that run the rules over the
 * same facts therefore create the SAME row, which sync merges per field, instead of two tasks.
 * A changed key date (permit renewed, new contact) gives a new id: a new condition, a new task.
 *
 * Format: the first 16 bytes of a SHA-256 laid out as an RFC 9562 UUID version 8 (custom), with
 * the RFC 4122 variant bits, so every uuid schema (ours, the sync protocol's) accepts it.
 */
export function ruleTaskId(rule: TaskRule, ref: string, keyDate: string): string {
  const key = `${rule}\u0000${ref}\u0000${keyDate}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const id = hashToUuid(key);
  if (memo.size >= maxMemo) memo.clear();
  memo.set(key, id);
  return id;
}

/**
 * "Heute" runs the rules again after every change, over every open case; most of their tasks
 * are the same as last time, so their ids are remembered (a pure function: nothing goes stale).
 */
const memo = new Map<string, string>();
const maxMemo = 50_000;

function hashToUuid(key: string): string {
  const bytes = createHash('sha256').update(`kim-task-rule\u0000${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
