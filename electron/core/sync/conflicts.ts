import { parseHlc } from '../../../shared/hlc';
import type { ChannelParsedInput } from '../../../shared/ipc/contract';
import { KimError } from '../../../shared/ipc/errors';
import type { SyncConflict } from '../../../shared/ipc/sync-contract';
import type { Db } from '../db-types';
import { writeContextOf } from '../services/write-context';
import type { Workspace } from '../session/session';
import { prepared } from '../store/prepared';
import { casesEntity, personsEntity, type RowValues } from '../write/entities';
import { writeEntity } from '../write/write-path';
import { sameJson } from '../../../shared/sync';
import { fromColumn, syncedEntities, toColumn } from './columns';
import { syncMessages } from './messages';
import { issueOfWrite } from './row-validators';
import { fitsField } from './value-fit';
import { readSyncState } from './state';

/** The review list and its decisions (DESIGN.md, Sync: nothing is dropped silently). */
interface ConflictRow {
  id: string;
  kind: string;
  entity: string;
  row_id: string;
  field: string;
  local_value: string | null;
  local_hlc: string | null;
  remote_value: string | null;
  remote_hlc: string | null;
  remote_device_id: string | null;
  remote_user_id: string | null;
  detected_at: string;
}

function parseValue(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function hlcTime(hlc: string | null): string | null {
  if (hlc === null) return null;
  try {
    return new Date(parseHlc(hlc).millis).toISOString();
  } catch {
    return null;
  }
}

function personName(row: { family_name: string; given_names: string } | undefined): string | null {
  if (!row) return null;
  const name = [row.family_name, row.given_names].filter((part) => part.trim() !== '').join(', ');
  return name === '' ? 'Person ohne Namen' : name;
}

const personNameSql = 'SELECT family_name, given_names FROM persons WHERE id = ?';
type NameRow = { family_name: string; given_names: string } | undefined;

/**
 * A label a person recognises: the person's name; "Fall von <Name>"; for any case-work record
 * its kind and its person, e.g. "Einwilligung – Haddad, Yusuf". Built from the registry, so a
 * new record type is labelled without code here.
 */
export function recordLabel(db: Db, entityName: string, rowId: string): string {
  const entity = syncedEntities.get(entityName);
  if (!entity) return 'Datensatz einer neueren App-Version';
  if (entity.name === personsEntity.name) {
    return personName(prepared(db, personNameSql).get(rowId) as NameRow) ?? 'Datensatz nicht mehr auf diesem Gerät';
  }
  if (!entity.fields.includes('person_id')) return entity.label;
  const row = prepared(db, `SELECT person_id FROM ${entity.table} WHERE id = ?`).get(rowId) as { person_id: string | null } | undefined;
  const name = row?.person_id ? personName(prepared(db, personNameSql).get(row.person_id) as NameRow) : null;
  if (entity.name === casesEntity.name) return name === null ? 'Fall (nicht mehr auf diesem Gerät)' : `Fall von ${name}`;
  if (!row) return `${entity.label} (nicht mehr auf diesem Gerät)`;
  return name === null ? entity.label : `${entity.label} – ${name}`;
}

export function listConflicts(ws: Workspace): SyncConflict[] {
  const enrollment = readSyncState(ws.db).enrollment;
  const me = enrollment?.userName || ws.profile.userName;
  const rows = ws.db.prepare('SELECT * FROM sync_conflict WHERE resolved_at IS NULL ORDER BY detected_at, id').all() as ConflictRow[];
  return rows.map((row) => ({
    id: row.id,
    entity: row.entity,
    rowId: row.row_id,
    field: row.field,
    recordLabel: recordLabel(ws.db, row.entity, row.row_id),
    localValue: parseValue(row.local_value),
    remoteValue: parseValue(row.remote_value),
    localBy: row.local_value === null ? null : me,
    remoteBy: remoteAuthor(row, enrollment?.userId ?? null, me),
    localAt: hlcTime(row.local_hlc),
    remoteAt: hlcTime(row.remote_hlc),
    detectedAt: row.detected_at,
  }));
}

/** The protocol names devices and users by id only; say what can be said plainly. */
function remoteAuthor(row: ConflictRow, myUserId: string | null, me: string): string | null {
  if (row.kind === 'out_of_scope') return 'Server: außerhalb Ihrer Teams';
  if (row.kind === 'unsendable') return 'Nicht übertragbar';
  if (row.remote_device_id === null) return null;
  if (row.remote_user_id !== null && row.remote_user_id === myUserId) return `${me} (anderes Gerät)`;
  return `Teammitglied (Gerät …${row.remote_device_id.slice(-6)})`;
}

/**
 * Writes the chosen value through the normal write path — audited, a fresh HLC, into the
 * outbox, so the decision reaches the other devices — and closes the conflict, in one
 * transaction. The value is written even if the row holds it already: it must win over the
 * other value wherever that still is.
 */
export function resolveConflict(ws: Workspace, input: ChannelParsedInput<'sync.resolveConflict'>): { resolved: true } {
  const row = ws.db.prepare('SELECT * FROM sync_conflict WHERE id = ? AND resolved_at IS NULL').get(input.id) as ConflictRow | undefined;
  if (!row) throw new KimError('NOT_FOUND', syncMessages.conflictNotFound);
  const chosen = input.choice === 'local' ? parseValue(row.local_value) : input.choice === 'remote' ? parseValue(row.remote_value) : input.value;
  const entity = syncedEntities.get(row.entity);
  const close = () =>
    ws.db
      .prepare('UPDATE sync_conflict SET resolved_at = ?, resolution = ? WHERE id = ?')
      .run(new Date(ws.now()).toISOString(), input.choice, row.id);

  const existing = entity ? (ws.db.prepare(`SELECT * FROM ${entity.table} WHERE id = ? AND deleted_at IS NULL`).get(row.row_id) as RowValues | undefined) : undefined;
  // Nothing to write back: a discarded local edit (review entries have no remote value).
  if (input.choice === 'remote' && row.remote_value === null) {
    close();
    return { resolved: true };
  }
  if (!entity || !entity.fields.includes(row.field)) throw new KimError('NOT_FOUND', syncMessages.conflictRowMissing);
  if (!existing) throw new KimError('NOT_FOUND', syncMessages.conflictRowMissing);
  if (entity.appendOnly) {
    // Append-only records are never rewritten (not here either): keeping the version the row
    // holds closes the review entry; any other text belongs in a new version.
    if (!sameJson(chosen, fromColumn(entity, row.field, existing[row.field]))) {
      throw new KimError('APPEND_ONLY', `${entity.label}: Die ursprüngliche Fassung bleibt erhalten. Bitte die andere Fassung als neue Fassung erfassen.`);
    }
    close();
    return { resolved: true };
  }
  const column = toColumn(entity, row.field, chosen);
  if (!column.ok || !fitsField(chosen, [parseValue(row.local_value), parseValue(row.remote_value)])) throw invalidValue();

  ws.db.transaction(() => {
    const { row: written } = writeEntity(writeContextOf(ws), {
      entity,
      kind: 'update',
      rowId: row.row_id,
      values: { [row.field]: column.value },
      forceFields: [row.field],
    });
    // The row must still be a valid record of its entity with the chosen value (else roll back).
    const issue = issueOfWrite(entity.name, row.field, existing, written);
    if (issue) throw invalidValue(`${entity.label}, Feld „${issue.path || row.field}“: ${issue.message}`);
    close();
  })();
  return { resolved: true };
}

/** Refused in plain German; `detail` names the record type, the field and what is wrong. */
function invalidValue(detail?: string): KimError {
  const message = detail === undefined ? syncMessages.conflictValueInvalid : `${syncMessages.conflictValueInvalid} (${detail})`;
  return new KimError('INVALID_INPUT', message, { fieldErrors: { value: detail ?? syncMessages.conflictValueInvalid } });
}
