import { canonicalJson, incomingWins, isBookkeepingField, mergeIncoming, mergeIncomingWriteOnce, type FieldChange } from '../../../shared/sync';
import { isAppendOnlyEntity } from '../../../shared/sync/append-only';

/**
 * What an accepted batch does to the server state, decided without the database: the rows'
 * teams, the fields' winning values and the conflict records. `push-service.ts` loads the inputs
 * and writes the outputs inside one transaction.
 *
 * A field of an append-only entity (contact notes, assessments, phase events) is written once:
 * a change to a field the server holds already is not applied — a different value becomes a
 * conflict record beside the original, so it is kept but changes nothing, not even the row's
 * team (an older, buggy or tampered app cannot rewrite history through sync).
 */
export interface RowScope {
  readonly teamId: string;
  readonly teamHlc: string;
}

export interface FieldVersion {
  readonly valueJson: string;
  readonly hlc: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly opId: string;
  readonly versionSeq: number;
  readonly schemaVersion: number;
}

export interface ConflictRecord {
  readonly id: string;
  readonly entity: string;
  readonly rowId: string;
  readonly field: string;
  readonly teamId: string;
  readonly winner: 'incoming' | 'server';
  readonly incoming: FieldVersion & { readonly baseSeq: number | null };
  readonly server: FieldVersion;
}

export interface PushPlan {
  readonly rowWrites: { entity: string; rowId: string; teamId: string; teamHlc: string }[];
  /** rows whose team changed: the old team's devices purge them */
  readonly moves: { entity: string; rowId: string; fromTeamId: string; toTeamId: string }[];
  /** `isNew`: the server had no version of the field before this batch */
  readonly fieldWrites: { entity: string; rowId: string; field: string; teamId: string; version: FieldVersion; isNew: boolean }[];
  readonly conflicts: ConflictRecord[];
}

export const rowKey = (entity: string, rowId: string) => `${entity}\u0000${rowId}`;
export const fieldKey = (entity: string, rowId: string, field: string) => `${entity}\u0000${rowId}\u0000${field}`;

export function planPush(input: {
  /** only the changes this push really inserted, in batch order, with their new server seq (and their value's canonical JSON, if made already) */
  inserted: readonly { change: FieldChange; seq: number; valueJson?: string }[];
  userId: string;
  rows: ReadonlyMap<string, RowScope>;
  fields: ReadonlyMap<string, FieldVersion>;
  newId: () => string;
}): PushPlan {
  const rows = new Map(input.rows);
  const fields = new Map(input.fields);
  const touchedRows = new Map<string, { entity: string; rowId: string }>();
  const touchedFields = new Map<string, { entity: string; rowId: string; field: string }>();
  const conflicts: ConflictRecord[] = [];
  const pendingConflicts: Omit<ConflictRecord, 'teamId'>[] = [];

  for (const { change, seq, valueJson = canonicalJson(change.value) } of input.inserted) {
    const rKey = rowKey(change.entity, change.rowId);
    const fKey = fieldKey(change.entity, change.rowId, change.field);
    const current = fields.get(fKey) ?? null;
    const writeOnce = isAppendOnlyEntity(change.entity);

    const row = rows.get(rKey);
    // The row's team is a last-writer-wins register over the teamId every change carries; a
    // change to a written-once field does not move the row.
    if (!row || (!(writeOnce && current) && incomingWins(change.hlc, row.teamHlc))) rows.set(rKey, { teamId: change.teamId, teamHlc: change.hlc });
    touchedRows.set(rKey, { entity: change.entity, rowId: change.rowId });

    const incoming: FieldVersion = {
      valueJson,
      hlc: change.hlc,
      deviceId: change.deviceId,
      userId: input.userId,
      opId: change.opId,
      versionSeq: seq,
      schemaVersion: change.schemaVersion,
    };
    const merge = writeOnce ? mergeIncomingWriteOnce : mergeIncoming;
    const decision = merge(
      { value: change.value, hlc: change.hlc, deviceId: change.deviceId, baseSeq: change.baseSeq },
      current && { value: JSON.parse(current.valueJson) as unknown, hlc: current.hlc, deviceId: current.deviceId, serverSeq: current.versionSeq },
    );
    // A rewrite of a written-once field is recorded whatever the field: nothing vanishes silently.
    if (decision.conflict && current && (writeOnce || !isBookkeepingField(change.field))) {
      pendingConflicts.push({
        id: input.newId(),
        entity: change.entity,
        rowId: change.rowId,
        field: change.field,
        winner: decision.apply ? 'incoming' : 'server',
        incoming: { ...incoming, baseSeq: change.baseSeq },
        server: current,
      });
    }
    if (decision.apply) {
      fields.set(fKey, incoming);
      touchedFields.set(fKey, { entity: change.entity, rowId: change.rowId, field: change.field });
    }
  }

  const rowWrites: PushPlan['rowWrites'] = [];
  const moves: PushPlan['moves'] = [];
  for (const [key, { entity, rowId }] of touchedRows) {
    const final = rows.get(key)!;
    const before = input.rows.get(key);
    if (before && before.teamId === final.teamId && before.teamHlc === final.teamHlc) continue;
    rowWrites.push({ entity, rowId, teamId: final.teamId, teamHlc: final.teamHlc });
    if (before && before.teamId !== final.teamId) moves.push({ entity, rowId, fromTeamId: before.teamId, toTeamId: final.teamId });
  }
  const fieldWrites = [...touchedFields].map(([key, { entity, rowId, field }]) => ({
    entity,
    rowId,
    field,
    teamId: rows.get(rowKey(entity, rowId))!.teamId,
    version: fields.get(key)!,
    isNew: !input.fields.has(key),
  }));
  for (const pending of pendingConflicts) {
    conflicts.push({ ...pending, teamId: rows.get(rowKey(pending.entity, pending.rowId))!.teamId });
  }
  return { rowWrites, moves, fieldWrites, conflicts };
}
