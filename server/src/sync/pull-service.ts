import { MAX_BODY_BYTES, type PullPage, type Purge } from '../../../shared/sync';
import type { Db } from '../db/adapter';
import { num, str } from '../db/values';
import { teamsOfUser, type DeviceRecord } from './devices';

/**
 * One page for a device: the current value of every field of its teams' rows changed after the
 * cursor, and purge instructions for rows that moved out of its teams, merged in server order.
 * Pushes commit in sequence order (push lock), so a snapshot always shows a gap-free prefix and
 * the cursor never jumps over a change that commits later.
 *
 * Each team's rows come from a query of their own (LATERAL), in index order, so a page costs
 * the same at the start of a first pull as at its end.
 *
 * Each change leaves the database as its finished JSON text (a `PulledChange`): the stored
 * value is already JSON, so it goes into the page as it is, never parsed and re-serialised, and
 * the page's byte budget counts the exact bytes that travel.
 */
export interface PullPageRows extends Omit<PullPage, 'changes' | 'serverTime' | 'serverKey'> {
  /** each change as the JSON text of a `PulledChange`, in server order */
  readonly changes: readonly string[];
}

/** The JSON text of one `PulledChange`, built by the database from the stored row. */
const changeJsonSql = `json_build_object(
  'opId', op_id, 'entity', entity, 'rowId', row_id, 'field', field, 'value', value_json::json, 'hlc', hlc,
  'deviceId', device_id, 'userId', user_id, 'teamId', team_id, 'schemaVersion', schema_version, 'serverSeq', version_seq
)::text`;

/** The `{"changes":[…]}` around the changes: brackets and one comma per change. */
const perChangeSeparator = 1;
const perPurgeOverhead = 200;

export async function readPullPage(
  db: Db,
  device: DeviceRecord,
  request: { cursor: string; limit: number },
  maxBytes = MAX_BODY_BYTES * 0.9,
): Promise<PullPageRows> {
  const cursor = Number(request.cursor);
  const limit = request.limit;
  return db.transaction(async (tx) => {
    // One snapshot for all three reads. Each team's rows are read by walking its
    // (team_id, sync_seq) index from the cursor and stopping after `limit` rows: without
    // statistics (a table just filled, or autovacuum off) the planner would rather collect every
    // row after the cursor and sort it, for every page — a first pull of 390,000 changes then
    // read tens of millions of rows. The planner settings hold for this transaction only.
    await tx.exec(
      'SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off',
    );
    const teams = await teamsOfUser(tx, device.userId);
    if (teams.length === 0) return { changes: [], purges: [], nextCursor: request.cursor, hasMore: false };

    const fieldRows = await tx.query(
      `SELECT sync_seq, ${changeJsonSql} AS change FROM (
         SELECT f.* FROM unnest($1::text[]) AS t(team_id)
         CROSS JOIN LATERAL (
           SELECT * FROM field_state s WHERE s.team_id = t.team_id AND s.sync_seq > $2 ORDER BY s.sync_seq LIMIT $3
         ) f
         ORDER BY f.sync_seq LIMIT $3
       ) page ORDER BY sync_seq`,
      [teams, cursor, limit + 1],
    );
    const purgeRows = await tx.query(
      `SELECT p.entity, p.row_id, p.sync_seq FROM unnest($1::text[]) AS t(team_id)
       CROSS JOIN LATERAL (
         SELECT entity, row_id, sync_seq FROM purge_log l
         WHERE l.from_team_id = t.team_id AND NOT (l.to_team_id = ANY($1::text[])) AND l.sync_seq > $2
         ORDER BY l.sync_seq LIMIT $3
       ) p
       ORDER BY p.sync_seq LIMIT $3`,
      [teams, cursor, limit + 1],
    );

    type Item = { seq: number; change?: string; purge?: Purge; bytes: number };
    const items: Item[] = [
      ...fieldRows.map((row) => {
        const change = str(row, 'change');
        return { seq: num(row, 'sync_seq'), change, bytes: Buffer.byteLength(change, 'utf8') + perChangeSeparator };
      }),
      ...purgeRows.map((row) => ({
        seq: num(row, 'sync_seq'),
        purge: { entity: str(row, 'entity'), rowId: str(row, 'row_id'), reason: 'team-changed' as const },
        bytes: perPurgeOverhead,
      })),
    ];
    // Both lists come sorted; merge only when there are purges (rare) to merge in.
    if (purgeRows.length > 0) items.sort((a, b) => a.seq - b.seq);

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
      changes: taken.flatMap((item) => (item.change === undefined ? [] : [item.change])),
      purges: taken.flatMap((item) => (item.purge ? [item.purge] : [])),
      nextCursor: String(nextCursor),
      hasMore,
    };
  });
}
