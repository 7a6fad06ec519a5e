import type { Db } from '../db-types';
import { prepared } from './prepared';

/**
 * The row clock (migration 006): ONE clock entry for the fields a row new to the device got
 * from a pull with one stamp, instead of a field_clock row per field.
 *
 * The clock of a field is its field_clock row if there is one, else the row's entry if that
 * names the field, else none. Every later clock of a field goes to field_clock (a local edit, a
 * newer pulled value, a raised version), carrying the entry's server version along, so an entry
 * never changes after it is written; a purge removes it together with its row.
 *
 * Why the entry's server_seq — the highest version among the fields it names — is a safe base
 * version (baseSeq) for each of them: the server takes pushes one after another in sequence
 * order, and a pull page is a gap-free prefix of that order. So once the device applied the
 * page with the change of version M, it had seen every change with a lower version, of every
 * field of the row. For a named field whose own version is s ≤ M, the server's stale test
 * `baseSeq < current version` (shared/sync/merge.ts) then decides alike for s and for M: a
 * current version v with s < v ≤ M would be a change the device saw, so its version would be v.
 */
export interface RowClock {
  readonly hlc: string;
  readonly serverSeq: number | null;
  /** the fields this entry is the clock of */
  readonly fields: ReadonlySet<string>;
}

/** A row_clock row joined with its field set, as read. */
export interface StoredRowClock {
  readonly hlc: string;
  readonly server_seq: number | null;
  readonly fields_id: number;
  readonly fields: string;
}

/** Columns and join for reading entries: `SELECT ${rowClockColumns} FROM ${rowClockFrom} WHERE …` (alias r). */
export const rowClockColumns = 'r.hlc, r.server_seq, r.fields_id, f.fields';
export const rowClockFrom = 'row_clock r JOIN row_clock_fields f ON f.id = r.fields_id';

/** The row's clock entry, if it has one. */
export function readRowClock(db: Db, entity: string, rowId: string): RowClock | undefined {
  const row = prepared(db, `SELECT ${rowClockColumns} FROM ${rowClockFrom} WHERE r.entity = ? AND r.row_id = ?`).get(entity, rowId) as
    | StoredRowClock
    | undefined;
  return row === undefined ? undefined : { hlc: row.hlc, serverSeq: row.server_seq, fields: parseFields(row.fields) };
}

/** Field sets parsed once per reader (a page's entries share a handful of them). */
export class FieldSets {
  private readonly parsed = new Map<number, ReadonlySet<string>>();

  of(row: StoredRowClock): ReadonlySet<string> {
    let fields = this.parsed.get(row.fields_id);
    if (!fields) {
      fields = parseFields(row.fields);
      this.parsed.set(row.fields_id, fields);
    }
    return fields;
  }
}

/**
 * The id of a field set, stored if new. `known` caches ids for one transaction only: an id made
 * in a transaction that rolls back is gone with it.
 */
export function fieldSetId(db: Db, fields: readonly string[], known: Map<string, number>): number {
  const text = JSON.stringify(fields);
  const cached = known.get(text);
  if (cached !== undefined) return cached;
  const found = prepared(db, 'SELECT id FROM row_clock_fields WHERE fields = ?').get(text) as { id: number } | undefined;
  const id = found?.id ?? Number(prepared(db, 'INSERT INTO row_clock_fields (fields) VALUES (?)').run(text).lastInsertRowid);
  known.set(text, id);
  return id;
}

/**
 * The field names of a set. The table is ours and only ever written by `fieldSetId`; should it
 * hold anything else, the set names no field (those fields then have no clock: a pulled value
 * is taken, and a local edit is sent without a base and checked by the server).
 */
function parseFields(text: string): ReadonlySet<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return new Set();
  }
  if (!Array.isArray(parsed)) return new Set();
  return new Set(parsed.filter((field): field is string => typeof field === 'string'));
}
