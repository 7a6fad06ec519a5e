import { MAX_BODY_BYTES, type PulledChange, type PullPage, type Purge } from '../../../shared/sync';
import type { Db } from '../db/adapter';
import { num, str } from '../db/values';
import { teamsOfUser, type DeviceRecord } from './devices';

/**
 * One page for a device: the current value of every field of its teams' rows changed after the
 * cursor, and purge instructions for rows that moved out of its teams, merged in server order.
 * Pushes commit in sequence order (push lock), so a snapshot always shows a gap-free prefix and
 * the cursor never jumps over a change that commits later.
 */
const perChangeOverhead = 400;

export async function readPullPage(
  db: Db,
  device: DeviceRecord,
  request: { cursor: string; limit: number },
  maxBytes = MAX_BODY_BYTES * 0.9,
): Promise<Omit<PullPage, 'serverTime' | 'serverKey'>> {
  const cursor = Number(request.cursor);
  const limit = request.limit;
  return db.transaction(async (tx) => {
    // One snapshot for all three reads.
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const teams = await teamsOfUser(tx, device.userId);
    if (teams.length === 0) return { changes: [], purges: [], nextCursor: request.cursor, hasMore: false };

    const fieldRows = await tx.query(
      `SELECT entity, row_id, field, team_id, value_json, hlc, device_id, user_id, op_id, schema_version, version_seq, sync_seq
       FROM field_state WHERE team_id = ANY($1::text[]) AND sync_seq > $2 ORDER BY sync_seq LIMIT $3`,
      [teams, cursor, limit + 1],
    );
    const purgeRows = await tx.query(
      `SELECT entity, row_id, sync_seq FROM purge_log
       WHERE from_team_id = ANY($1::text[]) AND NOT (to_team_id = ANY($1::text[])) AND sync_seq > $2
       ORDER BY sync_seq LIMIT $3`,
      [teams, cursor, limit + 1],
    );

    type Item = { seq: number; change?: PulledChange; purge?: Purge; bytes: number };
    const items: Item[] = [
      ...fieldRows.map((row) => {
        const valueJson = str(row, 'value_json');
        const change: PulledChange = {
          opId: str(row, 'op_id'),
          entity: str(row, 'entity'),
          rowId: str(row, 'row_id'),
          field: str(row, 'field'),
          value: JSON.parse(valueJson) as PulledChange['value'],
          hlc: str(row, 'hlc'),
          deviceId: str(row, 'device_id'),
          userId: str(row, 'user_id'),
          teamId: str(row, 'team_id'),
          schemaVersion: num(row, 'schema_version'),
          serverSeq: num(row, 'version_seq'),
        };
        return { seq: num(row, 'sync_seq'), change, bytes: valueJson.length + perChangeOverhead };
      }),
      ...purgeRows.map((row) => ({
        seq: num(row, 'sync_seq'),
        purge: { entity: str(row, 'entity'), rowId: str(row, 'row_id'), reason: 'team-changed' as const },
        bytes: perChangeOverhead,
      })),
    ].sort((a, b) => a.seq - b.seq);

    const taken: Item[] = [];
    let bytes = 0;
    for (const item of items) {
      if (taken.length >= limit || (taken.length > 0 && bytes + item.bytes > maxBytes)) break;
      taken.push(item);
      bytes += item.bytes;
    }
    const hasMore = taken.length < items.length;
    let nextCursor = taken.length > 0 ? taken[taken.length - 1]!.seq : cursor;
    if (!hasMore) {
      // Nothing more for this device: move its cursor past other teams' work too, so the next
      // pull does not scan it again. Safe, because nothing below the snapshot's top commits later.
      const top = await tx.query(
        'SELECT GREATEST((SELECT max(sync_seq) FROM field_state), (SELECT max(sync_seq) FROM purge_log)) AS top',
      );
      const topSeq = top[0]?.['top'] === null || top[0] === undefined ? 0 : num(top[0], 'top');
      nextCursor = Math.max(nextCursor, topSeq);
    }
    return {
      changes: taken.flatMap((item) => (item.change ? [item.change] : [])),
      purges: taken.flatMap((item) => (item.purge ? [item.purge] : [])),
      nextCursor: String(nextCursor),
      hasMore,
    };
  });
}
