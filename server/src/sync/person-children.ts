import { canonicalJson, PERSON_LINK_FIELD } from '../../../shared/sync';
import type { Queryable } from '../db/adapter';
import { str } from '../db/values';

/**
 * A person moved to another team: every row that names the person (its cases, consents,
 * contacts, documents …) moves along, whatever its entity — the old team's devices are told to
 * purge it, the new team's devices pull all of its fields. Without this, rows no device of the
 * old team may still see would stay there, and the new team would never get them.
 * Only rows still in the old team move: one a device already pushed with the new team is there.
 * The field name is a constant in the SQL text, so the partial index of 004 serves the lookup.
 */
export async function moveChildRows(
  tx: Queryable,
  move: { rowId: string; fromTeamId: string; toTeamId: string },
  teamHlc: string,
  now: number,
): Promise<number> {
  const children = await tx.query(
    `SELECT s.entity, s.row_id FROM field_state f
     JOIN sync_row s ON s.entity = f.entity AND s.row_id = f.row_id
     WHERE f.field = '${PERSON_LINK_FIELD}' AND f.value_json = $1 AND s.team_id = $2`,
    [canonicalJson(move.rowId), move.fromTeamId],
  );
  for (const child of children) {
    const entity = str(child, 'entity');
    const rowId = str(child, 'row_id');
    await tx.query(
      `INSERT INTO purge_log (sync_seq, entity, row_id, from_team_id, to_team_id, created_at) VALUES (nextval('sync_seq'), $1, $2, $3, $4, $5)`,
      [entity, rowId, move.fromTeamId, move.toTeamId, now],
    );
    await tx.query(`UPDATE field_state SET team_id = $3, sync_seq = nextval('sync_seq') WHERE entity = $1 AND row_id = $2`, [entity, rowId, move.toTeamId]);
    await tx.query('UPDATE sync_row SET team_id = $3, team_hlc = $4 WHERE entity = $1 AND row_id = $2', [entity, rowId, move.toTeamId, teamHlc]);
  }
  return children.length;
}
