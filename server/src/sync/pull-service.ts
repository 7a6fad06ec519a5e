import { MAX_BODY_BYTES, type PullPage, type PullRequest, type Purge } from '../../../shared/sync';
import type { Db, Row } from '../db/adapter';
import { num, str } from '../db/values';
import { teamsOfUser, type DeviceRecord } from './devices';
import { flatChangesText, groupedChangesText, type StoredChange } from './pull-page-text';

/**
 * One page for a device: the current value of every field of its teams' rows changed after the
 * cursor, and purge instructions for rows that moved out of its teams, merged in server order.
 * Pushes commit in sequence order (push lock), so a snapshot always shows a gap-free prefix and
 * the cursor never jumps over a change that commits later.
 *
 * Each team's rows come from a query of their own (LATERAL), in index order, so a page costs
 * the same at the start of a first pull as at its end.
 *
 * The database hands out the stored columns as they are (no JSON built there: that cost more
 * than the rest of the query); the changes' JSON text is built here (pull-page-text.ts),
 * grouped by row for a device that asked for `format: 'grouped'`, each change in full for an
 * older app. The page's byte budget counts the exact bytes that travel.
 */
export interface PullPageRows extends Omit<PullPage, 'changes' | 'serverTime' | 'serverKey'> {
  /** the changes as JSON text with their key, `"rows":[…]` or `"changes":[…]`, in server order */
  readonly changesText: string;
}

/**
 * The stored columns of a change as two texts joined by U+001F: the driver then makes three
 * strings of a row instead of twelve (its per-column decoding cost more than the JSON building
 * it replaced). `head` is what a row's consecutive fields mostly share (row, team, stamp), so
 * it is split only when it differs from the previous row's. U+001F cannot occur in any column:
 * JSON text never holds a raw control character, and the others are identifiers, uuids, HLC
 * stamps and numbers, checked on push. A text that splits otherwise fails the page loudly
 * instead of shifting its columns.
 */
const separator = '\u001f';
const storedColumns = `sync_seq,
  concat_ws(E'\\x1f', entity, row_id, team_id, hlc, device_id, user_id, schema_version) AS head,
  concat_ws(E'\\x1f', field, op_id, version_seq, value_json) AS tail`;

type StoredHead = Pick<StoredChange, 'entity' | 'rowId' | 'teamId' | 'hlc' | 'deviceId' | 'userId' | 'schemaVersion'>;

function storedHead(text: string): StoredHead {
  const parts = text.split(separator);
  if (parts.length !== 7) throw new Error('field_state: Spalten nicht lesbar');
  const [entity, rowId, teamId, hlc, deviceId, userId, schemaVersion] = parts as [string, string, string, string, string, string, string];
  return { entity, rowId, teamId, hlc, deviceId, userId, schemaVersion: Number(schemaVersion) };
}

/** Reads the stored rows in order; consecutive rows with the same head share its parts. */
function storedChanges(): (row: Row) => StoredChange {
  let headText = '';
  let head: StoredHead | null = null;
  return (row) => {
    const text = str(row, 'head');
    if (head === null || text !== headText) {
      head = storedHead(text);
      headText = text;
    }
    const tail = str(row, 'tail');
    const first = tail.indexOf(separator);
    const second = tail.indexOf(separator, first + 1);
    const third = tail.indexOf(separator, second + 1);
    // The value comes last and is whatever follows the third separator. A stray separator in
    // field or opId would leave no number in third place, or a raw control character (no JSON)
    // in the value: never a page that reads as other data.
    const serverSeq = Number(tail.slice(second + 1, third));
    if (third < 0 || !Number.isSafeInteger(serverSeq)) throw new Error('field_state: Spalten nicht lesbar');
    // Property by property: an object spread with more properties after it is ~100× slower in V8.
    return {
      entity: head.entity,
      rowId: head.rowId,
      field: tail.slice(0, first),
      teamId: head.teamId,
      valueJson: tail.slice(third + 1),
      hlc: head.hlc,
      deviceId: head.deviceId,
      userId: head.userId,
      opId: tail.slice(first + 1, second),
      schemaVersion: head.schemaVersion,
      serverSeq,
    };
  };
}

/** A purge's share of the page: an estimate above its JSON text (entity, uuid, reason, keys). */
const perPurgeBytes = 200;

export async function readPullPage(
  db: Db,
  device: DeviceRecord,
  request: Pick<PullRequest, 'cursor' | 'limit' | 'format'>,
  maxBytes = MAX_BODY_BYTES * 0.9,
): Promise<PullPageRows> {
  const cursor = Number(request.cursor);
  const limit = request.limit;
  return db.transaction(async (tx) => {
    // One snapshot for all three reads. Each team's rows are read by walking its
    // (team_id, sync_seq) index from the cursor and stopping after `limit` rows: without
    // statistics (a table just filled, or autovacuum off) the planner would rather collect every
    // row after the cursor and sort it, for every page — a first pull of 390,000 changes then
    // read tens of millions of rows. Merging the teams' rows sorts a page's worth of full rows
    // (~5 MB at 10,000 changes): in memory, not spilled to disk as under the default 4 MB
    // work_mem. The settings hold for this transaction only.
    await tx.exec(
      "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off; SET LOCAL work_mem = '32MB'",
    );
    const teams = await teamsOfUser(tx, device.userId);
    const changes = request.format === 'grouped' ? groupedChangesText() : flatChangesText();
    if (teams.length === 0) return { changesText: changes.text(), purges: [], nextCursor: request.cursor, hasMore: false };

    // Rows past the byte budget stay in the database: `known_before` sums, for each row, a lower
    // bound of the text of the rows before its predecessor (value, opId and field name appear
    // in both formats). So every row the page can take arrives, plus the first one it cannot —
    // the loop below tells from that one that there is more — and large values beyond do not.
    const fieldRows = await tx.query(
      `SELECT ${storedColumns} FROM (
         SELECT page.*, sum(octet_length(value_json) + octet_length(op_id) + octet_length(field)) OVER (
           ORDER BY sync_seq ROWS BETWEEN UNBOUNDED PRECEDING AND 2 PRECEDING
         ) AS known_before
         FROM (
           SELECT f.* FROM unnest($1::text[]) AS t(team_id)
           CROSS JOIN LATERAL (
             SELECT * FROM field_state s WHERE s.team_id = t.team_id AND s.sync_seq > $2 ORDER BY s.sync_seq LIMIT $3
           ) f
           ORDER BY f.sync_seq LIMIT $3
         ) page
       ) sized WHERE coalesce(known_before, 0) < $4 ORDER BY sync_seq`,
      [teams, cursor, limit + 1, Math.ceil(maxBytes)],
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

    // Both lists come sorted by sequence; merged here, purges (rare) in their place.
    const purges: Purge[] = [];
    const readStored = storedChanges();
    let taken = 0;
    let lastSeq = cursor;
    let bytes = 0;
    let fieldIndex = 0;
    let purgeIndex = 0;
    while (taken < limit && (fieldIndex < fieldRows.length || purgeIndex < purgeRows.length)) {
      const fieldSeq = fieldIndex < fieldRows.length ? num(fieldRows[fieldIndex]!, 'sync_seq') : Number.POSITIVE_INFINITY;
      const purgeSeq = purgeIndex < purgeRows.length ? num(purgeRows[purgeIndex]!, 'sync_seq') : Number.POSITIVE_INFINITY;
      if (purgeSeq < fieldSeq) {
        if (taken > 0 && bytes + perPurgeBytes > maxBytes) break;
        const row = purgeRows[purgeIndex++]!;
        purges.push({ entity: str(row, 'entity'), rowId: str(row, 'row_id'), reason: 'team-changed' });
        bytes += perPurgeBytes;
        lastSeq = purgeSeq;
      } else {
        const added = changes.add(readStored(fieldRows[fieldIndex]!), taken > 0 ? maxBytes - bytes : Number.POSITIVE_INFINITY);
        if (added === null) break;
        fieldIndex++;
        bytes += added;
        lastSeq = fieldSeq;
      }
      taken++;
    }
    const hasMore = fieldIndex < fieldRows.length || purgeIndex < purgeRows.length;
    let nextCursor = lastSeq;
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
      changesText: changes.text(),
      purges,
      nextCursor: String(nextCursor),
      hasMore,
    };
  });
}
