import { compareHlc } from '../hlc';
import { sameJson } from './canonical-json';

/**
 * The merge rule of DESIGN.md (Sync), as pure functions so that server and device decide alike.
 *
 * Last writer wins per field by HLC. An HLC string ends in the device id, so comparing the
 * strings already breaks ties of equal time and counter by device id; two equal strings are the
 * same stamp of the same device, and an equal stamp never replaces.
 */
export function incomingWins(incomingHlc: string, currentHlc: string | null): boolean {
  return currentHlc === null || compareHlc(incomingHlc, currentHlc) > 0;
}

/** The version of a field the server holds. */
export interface CurrentFieldVersion {
  readonly value: unknown;
  readonly hlc: string;
  readonly deviceId: string;
  /** the server sequence of the change that set this value */
  readonly serverSeq: number;
}

export interface IncomingFieldChange {
  readonly value: unknown;
  readonly hlc: string;
  readonly deviceId: string;
  readonly baseSeq: number | null;
}

export interface MergeDecision {
  /** the incoming value becomes the field's value */
  readonly apply: boolean;
  /** both values are kept in a conflict record for a person to review */
  readonly conflict: boolean;
}

/**
 * Server side. A conflict is an edit that did not see the current value (its base is stale) and
 * says something else — or an edit made on top of the current value that still loses by HLC,
 * because then the person's newer intent would vanish without a trace. A device never conflicts
 * with itself: its own edits are ordered on the device.
 */
export function mergeIncoming(incoming: IncomingFieldChange, current: CurrentFieldVersion | null): MergeDecision {
  const apply = incomingWins(incoming.hlc, current?.hlc ?? null);
  if (current === null || current.deviceId === incoming.deviceId || sameJson(incoming.value, current.value)) {
    return { apply, conflict: false };
  }
  const stale = incoming.baseSeq === null || incoming.baseSeq < current.serverSeq;
  return { apply, conflict: stale || !apply };
}

/**
 * Server side, a field of an append-only entity (`append-only.ts`): written once. The first value
 * is taken; after that nothing replaces it, whatever the HLC or the device. A different value is
 * refused and kept in a conflict record (the original stays); the same value again changes
 * nothing.
 */
export function mergeIncomingWriteOnce(incoming: IncomingFieldChange, current: CurrentFieldVersion | null): MergeDecision {
  if (current === null) return { apply: true, conflict: false };
  return { apply: false, conflict: !sameJson(incoming.value, current.value) };
}

/** The local state of a field on a device when a pulled value arrives. */
export interface LocalFieldVersion {
  readonly value: unknown;
  readonly hlc: string;
  /** the local edit has not been acknowledged by the server yet */
  readonly pending: boolean;
}

/**
 * Device side: a pulled value that beats an unpushed local edit with a different value is a
 * conflict the device records (the server will record its own when the edit arrives).
 */
export function mergePulled(pulled: { value: unknown; hlc: string }, local: LocalFieldVersion | null): MergeDecision {
  const apply = incomingWins(pulled.hlc, local?.hlc ?? null);
  const conflict = apply && local !== null && local.pending && !sameJson(pulled.value, local.value);
  return { apply, conflict };
}

/**
 * Device side, a field of an append-only entity: a value the device holds (a field with a clock
 * and a non-null value) is never replaced by a different pulled one, whatever its HLC — an older,
 * buggy or tampered app, or a server that took the change before it refused such changes. The
 * pulled value is not applied but kept aside as a conflict. A field without a value yet takes
 * the pulled one by the usual rule.
 */
export function mergePulledWriteOnce(pulled: { value: unknown; hlc: string }, local: LocalFieldVersion | null): MergeDecision {
  if (local !== null && local.value !== null && !sameJson(pulled.value, local.value)) return { apply: false, conflict: true };
  return mergePulled(pulled, local);
}

/**
 * Fields that record when a row came about, not what a person said: two devices that create the
 * same row (a rule task has an id derived from its rule) stamp different creation times. Last
 * writer wins for them as for any field, but a difference is no conflict anyone must decide.
 */
export function isBookkeepingField(field: string): boolean {
  return field === 'created_at';
}
