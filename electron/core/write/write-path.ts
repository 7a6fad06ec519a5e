import type { HybridClock } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import { KimError } from '../../../shared/ipc/errors';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db-types';
import { saveClock } from '../store/meta';
import type { EntityDefinition, RowValues, SqlValue } from './entities';
import { prepared } from '../store/prepared';
import { readRowClock } from '../store/row-clock';

/** Everything a write needs besides the change itself. */
export interface WriteContext {
  readonly db: Db;
  readonly clock: HybridClock;
  /** the profile's user name, recorded in the audit log */
  readonly actor: string;
  readonly now: () => number;
  /** the schema version the change was made under; travels with each outbox entry */
  readonly schemaVersion: number;
}

export type WriteKind = 'create' | 'update' | 'delete';

export interface WriteRequest {
  readonly entity: EntityDefinition;
  readonly kind: WriteKind;
  readonly rowId: string;
  /** synced columns → new values; for 'delete' ignored (deleted_at is set) */
  readonly values: Readonly<RowValues>;
  /**
   * fields written (new clock, outbox entry) even when the value is unchanged: a conflict
   * decision for the value the row already holds must still travel and win by a fresh stamp
   */
  readonly forceFields?: readonly string[];
}

export interface WriteResult {
  /** the row as stored after the write */
  readonly row: RowValues;
  /** fields that changed (each got a clock and an outbox entry); empty = nothing was written */
  readonly changedFields: readonly string[];
}

/** The row vanished or never existed; services turn this into NOT_FOUND. */
export class RowMissingError extends Error {
  constructor() {
    super('row not found');
    this.name = 'RowMissingError';
  }
}

/**
 * THE write path. In one transaction: the row's changed columns, one fresh HLC stamp for the
 * save recorded per changed field in field_clock, one outbox entry per changed field, one
 * hash-chained audit entry naming the fields, then the entity's hooks (search index). Any
 * failure rolls all of it back, so row, clocks, outbox and audit can never disagree.
 */
export function writeEntity(ctx: WriteContext, request: WriteRequest): WriteResult {
  const { entity } = request;
  for (const key of Object.keys(request.values)) {
    if (!entity.fields.includes(key)) throw new Error(`unknown field ${entity.name}.${key}`);
  }
  if (entity.appendOnly && request.kind !== 'create') {
    throw new KimError('APPEND_ONLY', `${entity.label}: Einträge werden nicht geändert; bitte eine neue Fassung anlegen.`);
  }
  return ctx.db.transaction((): WriteResult => {
    const nowIso = new Date(ctx.now()).toISOString();
    const existing = prepared(ctx.db, `SELECT * FROM ${entity.table} WHERE id = ?`).get(request.rowId) as
      | RowValues
      | undefined;

    let changes: RowValues;
    if (request.kind === 'create') {
      if (existing) throw new Error(`${entity.name} row exists already`);
      changes = {};
      for (const field of entity.fields) changes[field] = request.values[field] ?? null;
      changes.created_at = nowIso;
      changes.deleted_at = null;
    } else {
      if (!existing || existing.deleted_at !== null) throw new RowMissingError();
      const wanted: RowValues = request.kind === 'delete' ? { deleted_at: nowIso } : { ...request.values };
      changes = {};
      for (const [field, value] of Object.entries(wanted)) {
        if (field === 'created_at') continue; // a row's birth is not editable
        if (existing[field] !== value || request.forceFields?.includes(field)) changes[field] = value ?? null;
      }
    }

    const changedFields = Object.keys(changes);
    if (changedFields.length === 0) return { row: existing ?? {}, changedFields };

    if (request.kind === 'create') {
      const columns = ['id', ...changedFields, 'updated_at'];
      const placeholders = columns.map(() => '?').join(', ');
      prepared(ctx.db, `INSERT INTO ${entity.table} (${columns.join(', ')}) VALUES (${placeholders})`).run(request.rowId, ...changedFields.map((f) => changes[f] ?? null), nowIso);
    } else {
      const assignments = [...changedFields, 'updated_at'].map((f) => `${f} = ?`).join(', ');
      prepared(ctx.db, `UPDATE ${entity.table} SET ${assignments} WHERE id = ?`).run(...changedFields.map((f) => changes[f] ?? null), nowIso, request.rowId);
    }

    // One stamp per save: the fields of one save are one event.
    const hlc = ctx.clock.tick();
    saveClock(ctx.db, ctx.clock);
    // A field without a clock row of its own may be named by the row's pulled clock entry
    // (store/row-clock.ts): its new clock row starts from that entry's server version. A created
    // row has no entry (an entry exists only beside its row).
    const rowClock = request.kind === 'create' ? undefined : readRowClock(ctx.db, entity.name, request.rowId);
    const upsertClock = prepared(
      ctx.db,
      `INSERT INTO field_clock (entity, row_id, field, hlc, server_seq) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (entity, row_id, field) DO UPDATE SET hlc = excluded.hlc`,
    );
    // base_seq: the server version of the field as this edit saw it (sync's baseSeq). Read
    // after the clock upsert above, which keeps the server_seq of a clock row already there.
    const appendOutbox = prepared(
      ctx.db,
      `INSERT INTO outbox (op_id, entity, row_id, field, value, hlc, schema_version, base_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT server_seq FROM field_clock WHERE entity = ? AND row_id = ? AND field = ?))`,
    );
    for (const field of changedFields) {
      upsertClock.run(entity.name, request.rowId, field, hlc, rowClock?.fields.has(field) ? rowClock.serverSeq : null);
      appendOutbox.run(
        uuidv7(ctx.now()),
        entity.name,
        request.rowId,
        field,
        outboxValue(entity, field, changes[field] ?? null),
        hlc,
        ctx.schemaVersion,
        entity.name,
        request.rowId,
        field,
      );
    }

    appendAudit(ctx.db, {
      at: nowIso,
      actor: ctx.actor,
      action: request.kind,
      entity: entity.name,
      rowId: request.rowId,
      details: { fields: changedFields },
    });

    const row = prepared(ctx.db, `SELECT * FROM ${entity.table} WHERE id = ?`).get(request.rowId) as RowValues;
    entity.afterWrite?.(ctx.db, row);
    return { row, changedFields };
  })();
}

/** The outbox holds JSON of the field's value; a JSON column already is JSON text. */
function outboxValue(entity: EntityDefinition, field: string, value: SqlValue): string {
  if (entity.jsonFields.has(field) && typeof value === 'string') return value;
  return JSON.stringify(value);
}
