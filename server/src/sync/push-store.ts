import type { FieldChange, PushAck } from '../../../shared/sync';
import type { Queryable } from '../db/adapter';
import { jsonColumn } from '../db/arrays';
import { booleanAt, integerAt, jsonArray, num, str, textAt, textList } from '../db/values';
import type { DeviceRecord } from './devices';
import { fieldKey, rowKey, type ConflictRecord, type FieldVersion, type PushPlan, type RowScope } from './plan-push';

/**
 * The statements of a push (push-service.ts runs them in one transaction, under the push lock).
 * Few and large: every round trip under the lock is time no other push can use, so what a push
 * reads is read in one statement, the log is written and the fields' versions read in one, and
 * the new state written in one. Each key lookup is one index probe (a LATERAL … LIMIT 1): the
 * planner would otherwise hash a whole table it has no statistics of against a large array.
 * Columns of many rows travel as JSON arrays (db/arrays.ts).
 */
const elements = (param: number) => `json_array_elements_text($${param}::json)`;

/** What the push decides on, read at once when the lock is held. */
export interface PushState {
  /** null: no such device */
  readonly device: { readonly lastBatchSeq: number; readonly revoked: boolean } | null;
  /** the teams of the device's user */
  readonly teams: ReadonlySet<string>;
  /** opId → seq of the batch's changes the server has already */
  readonly known: ReadonlyMap<string, number>;
  /** rowKey → the team register of the batch's rows the server has */
  readonly rows: ReadonlyMap<string, RowScope>;
}

export async function readPushState(tx: Queryable, device: DeviceRecord, changes: readonly FieldChange[]): Promise<PushState> {
  const rowList = [...new Map(changes.map((c) => [rowKey(c.entity, c.rowId), c])).values()];
  const found = await tx.query(
    `SELECT
       (SELECT json_build_array(last_batch_seq, revoked_at IS NOT NULL) FROM device WHERE id = $1) AS device,
       (SELECT coalesce(json_agg(team_id), '[]') FROM user_team WHERE user_id = $2) AS teams,
       (SELECT coalesce(json_agg(json_build_array(k.op_id, c.seq)), '[]') FROM ${elements(3)} AS k(op_id)
          CROSS JOIN LATERAL (SELECT seq FROM change_log l WHERE l.op_id = k.op_id LIMIT 1) c) AS known,
       (SELECT coalesce(json_agg(json_build_array(s.entity, s.row_id, s.team_id, s.team_hlc)), '[]')
          FROM ROWS FROM (${elements(4)}, ${elements(5)}) AS k(entity, row_id)
          CROSS JOIN LATERAL (SELECT * FROM sync_row r WHERE r.entity = k.entity AND r.row_id = k.row_id LIMIT 1) s) AS rows`,
    [
      device.id,
      device.userId,
      jsonColumn(changes.map((c) => c.opId)),
      jsonColumn(rowList.map((c) => c.entity)),
      jsonColumn(rowList.map((c) => c.rowId)),
    ],
  );
  const row = found[0]!;
  const deviceItems = row['device'];
  const rows = new Map<string, RowScope>();
  for (const item of jsonArray(row, 'rows')) {
    rows.set(rowKey(textAt(item, 0), textAt(item, 1)), { teamId: textAt(item, 2), teamHlc: textAt(item, 3) });
  }
  return {
    device: deviceItems === null ? null : { lastBatchSeq: integerAt(deviceItems, 0), revoked: booleanAt(deviceItems, 1) },
    teams: new Set(textList(row, 'teams')),
    known: new Map(jsonArray(row, 'known').map((item) => [textAt(item, 0), integerAt(item, 1)] as const)),
    rows,
  };
}

/** The rows' team registers (rowKey → scope) as the server has them. */
export async function loadRows(tx: Queryable, keys: readonly { entity: string; rowId: string }[]): Promise<Map<string, RowScope>> {
  const result = new Map<string, RowScope>();
  if (keys.length === 0) return result;
  const found = await tx.query(
    `SELECT s.entity, s.row_id, s.team_id, s.team_hlc FROM ROWS FROM (${elements(1)}, ${elements(2)}) AS k(entity, row_id)
     CROSS JOIN LATERAL (SELECT * FROM sync_row r WHERE r.entity = k.entity AND r.row_id = k.row_id LIMIT 1) s`,
    [jsonColumn(keys.map((k) => k.entity)), jsonColumn(keys.map((k) => k.rowId))],
  );
  for (const row of found) {
    result.set(rowKey(str(row, 'entity'), str(row, 'row_id')), { teamId: str(row, 'team_id'), teamHlc: str(row, 'team_hlc') });
  }
  return result;
}

/**
 * Inserts the changes into the log, in batch order, and returns opId → new seq together with
 * the server's current version of each field they change. The same statement reads those
 * versions: it sees field_state as it was before this push, which is what the merge needs
 * (nothing here has written it yet), and the keys do not travel a second time.
 *
 * Only changes the log does not hold: the caller leaves out those `readPushState` found, read
 * under the push lock, and no other writer adds to the log while the lock is held. So there is
 * no ON CONFLICT (op_id) DO NOTHING here — it cost a third of the insert (a speculative insert
 * per row) — and should a duplicate ever arrive after all, the unique op_id refuses the whole
 * push instead of skipping it.
 */
export async function insertChanges(
  tx: Queryable,
  userId: string,
  changes: readonly FieldChange[],
  valueJsons: ReadonlyMap<string, string>,
  now: number,
): Promise<{ inserted: Map<string, number>; fields: Map<string, FieldVersion> }> {
  const inserted = new Map<string, number>();
  const fields = new Map<string, FieldVersion>();
  if (changes.length === 0) return { inserted, fields };
  const column = (pick: (change: FieldChange) => string | number | null) => jsonColumn(changes.map(pick));
  const rows = await tx.query(
    `WITH ins AS (
       INSERT INTO change_log (op_id, device_id, user_id, team_id, entity, row_id, field, value_json, hlc, base_seq, schema_version, received_at)
       SELECT op_id, device_id, $11, team_id, entity, row_id, field, value_json, hlc, base_seq::bigint, schema_version::integer, $12
       FROM ROWS FROM (${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(elements).join(', ')}) WITH ORDINALITY
         AS u(op_id, device_id, team_id, entity, row_id, field, value_json, hlc, base_seq, schema_version, ord)
       ORDER BY ord
       RETURNING op_id, seq, entity, row_id, field
     )
     SELECT ins.op_id, ins.seq, f.value_json, f.hlc, f.device_id, f.user_id, f.op_id AS field_op_id, f.version_seq, f.schema_version
     FROM ins LEFT JOIN LATERAL (
       SELECT * FROM field_state s WHERE s.entity = ins.entity AND s.row_id = ins.row_id AND s.field = ins.field LIMIT 1
     ) f ON true`,
    [
      column((c) => c.opId),
      column((c) => c.deviceId),
      column((c) => c.teamId),
      column((c) => c.entity),
      column((c) => c.rowId),
      column((c) => c.field),
      column((c) => valueJsons.get(c.opId)!),
      column((c) => c.hlc),
      column((c) => c.baseSeq),
      column((c) => c.schemaVersion),
      userId,
      now,
    ],
  );
  const byOp = new Map(changes.map((change) => [change.opId, change]));
  for (const row of rows) {
    const opId = str(row, 'op_id');
    inserted.set(opId, num(row, 'seq'));
    const change = byOp.get(opId);
    if (row['value_json'] === null || change === undefined) continue;
    fields.set(fieldKey(change.entity, change.rowId, change.field), {
      valueJson: str(row, 'value_json'),
      hlc: str(row, 'hlc'),
      deviceId: str(row, 'device_id'),
      userId: str(row, 'user_id'),
      opId: str(row, 'field_op_id'),
      versionSeq: num(row, 'version_seq'),
      schemaVersion: num(row, 'schema_version'),
    });
  }
  return { inserted, fields };
}

/**
 * The rows' team registers and the fields' new values, in one statement (three parts on two
 * tables, each part on rows of its own). Each field's version is a change this push has just
 * put into change_log (planPush writes only incoming versions, and a version's seq is its
 * change's), so the row is copied from there by its seq: the values do not travel to the
 * database a second time. Only the team comes along, the row's team once the batch is merged.
 * A field the server had no version of is inserted plainly (the merge read field_state under
 * the push lock, and nothing else adds to it), the others replace their row.
 */
export async function writeState(tx: Queryable, rowWrites: PushPlan['rowWrites'], fieldWrites: PushPlan['fieldWrites']): Promise<void> {
  if (rowWrites.length === 0 && fieldWrites.length === 0) return;
  const added = fieldWrites.filter((w) => w.isNew);
  const replaced = fieldWrites.filter((w) => !w.isNew);
  const fromLog = (seqs: number, teams: number) => `
       SELECT c.entity, c.row_id, c.field, u.team_id, c.value_json, c.hlc, c.device_id, c.user_id, c.op_id, c.schema_version, c.seq, c.seq
       FROM ROWS FROM (${elements(seqs)}, ${elements(teams)}) AS u(seq, team_id)
       CROSS JOIN LATERAL (SELECT * FROM change_log l WHERE l.seq = u.seq::bigint LIMIT 1) c`;
  const written = await tx.query(
    `WITH registers AS (
       INSERT INTO sync_row (entity, row_id, team_id, team_hlc)
       SELECT * FROM ROWS FROM (${elements(1)}, ${elements(2)}, ${elements(3)}, ${elements(4)})
       ON CONFLICT (entity, row_id) DO UPDATE SET team_id = excluded.team_id, team_hlc = excluded.team_hlc
     ), added AS (
       INSERT INTO field_state (entity, row_id, field, team_id, value_json, hlc, device_id, user_id, op_id, schema_version, version_seq, sync_seq)
       ${fromLog(5, 6)}
       RETURNING 1
     ), replaced AS (
       INSERT INTO field_state (entity, row_id, field, team_id, value_json, hlc, device_id, user_id, op_id, schema_version, version_seq, sync_seq)
       ${fromLog(7, 8)}
       ON CONFLICT (entity, row_id, field) DO UPDATE SET
         team_id = excluded.team_id, value_json = excluded.value_json, hlc = excluded.hlc, device_id = excluded.device_id,
         user_id = excluded.user_id, op_id = excluded.op_id, schema_version = excluded.schema_version,
         version_seq = excluded.version_seq, sync_seq = excluded.sync_seq
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM added) + (SELECT count(*) FROM replaced) AS n`,
    [
      jsonColumn(rowWrites.map((r) => r.entity)),
      jsonColumn(rowWrites.map((r) => r.rowId)),
      jsonColumn(rowWrites.map((r) => r.teamId)),
      jsonColumn(rowWrites.map((r) => r.teamHlc)),
      jsonColumn(added.map((w) => w.version.versionSeq)),
      jsonColumn(added.map((w) => w.teamId)),
      jsonColumn(replaced.map((w) => w.version.versionSeq)),
      jsonColumn(replaced.map((w) => w.teamId)),
    ],
  );
  // A version that is not a change of this push would be lost here: refuse the push instead.
  if (written[0] === undefined || num(written[0], 'n') !== fieldWrites.length) throw new Error('field_state: Version ohne Änderung dieses Stapels');
}

/** All of a plan's conflict records in one statement (a batch can hold a thousand of them). */
export async function insertConflicts(tx: Queryable, conflicts: readonly ConflictRecord[], now: number): Promise<void> {
  if (conflicts.length === 0) return;
  const column = (pick: (conflict: ConflictRecord) => string | number | null) => jsonColumn(conflicts.map(pick));
  await tx.query(
    `INSERT INTO sync_conflict (id, entity, row_id, field, team_id, winner,
       incoming_op_id, incoming_value_json, incoming_hlc, incoming_device_id, incoming_user_id, incoming_base_seq,
       server_op_id, server_value_json, server_hlc, server_device_id, server_user_id, server_seq, created_at)
     SELECT id, entity, row_id, field, team_id, winner,
       incoming_op_id, incoming_value_json, incoming_hlc, incoming_device_id, incoming_user_id, incoming_base_seq::bigint,
       server_op_id, server_value_json, server_hlc, server_device_id, server_user_id, server_seq::bigint, $19
     FROM ROWS FROM (${Array.from({ length: 18 }, (_, i) => elements(i + 1)).join(', ')}) WITH ORDINALITY
       AS u(id, entity, row_id, field, team_id, winner, incoming_op_id, incoming_value_json, incoming_hlc, incoming_device_id,
         incoming_user_id, incoming_base_seq, server_op_id, server_value_json, server_hlc, server_device_id, server_user_id, server_seq, ord)
     ORDER BY ord`,
    [
      column((c) => c.id),
      column((c) => c.entity),
      column((c) => c.rowId),
      column((c) => c.field),
      column((c) => c.teamId),
      column((c) => c.winner),
      column((c) => c.incoming.opId),
      column((c) => c.incoming.valueJson),
      column((c) => c.incoming.hlc),
      column((c) => c.incoming.deviceId),
      column((c) => c.incoming.userId),
      column((c) => c.incoming.baseSeq),
      column((c) => c.server.opId),
      column((c) => c.server.valueJson),
      column((c) => c.server.hlc),
      column((c) => c.server.deviceId),
      column((c) => c.server.userId),
      column((c) => c.server.versionSeq),
      now,
    ],
  );
}

/** The stored answer to a batch number seen before, with the fingerprint of the batch it answered. */
export async function storedAck(tx: Queryable, deviceId: string, batchSeq: number): Promise<{ contentHash: string; ackJson: string } | null> {
  const stored = await tx.query('SELECT content_hash, ack_json FROM push_batch WHERE device_id = $1 AND batch_seq = $2', [deviceId, batchSeq]);
  return stored[0] ? { contentHash: str(stored[0], 'content_hash'), ackJson: str(stored[0], 'ack_json') } : null;
}

/**
 * The device's counter moves and the answer is stored with the batch's fingerprint, in one
 * statement; a batch number seen before with other content (`recut`) keeps the counter.
 */
export async function recordBatch(
  tx: Queryable,
  deviceId: string,
  batch: { batchSeq: number; contentHash: string; ack: PushAck; recut: boolean },
  now: number,
): Promise<void> {
  if (batch.recut) {
    await tx.query('UPDATE device SET last_push_at = $2 WHERE id = $1', [deviceId, now]);
    return;
  }
  await tx.query(
    `WITH counter AS (UPDATE device SET last_batch_seq = $2, last_push_at = $5 WHERE id = $1)
     INSERT INTO push_batch (device_id, batch_seq, content_hash, ack_json, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [deviceId, batch.batchSeq, batch.contentHash, JSON.stringify(batch.ack), now],
  );
}
