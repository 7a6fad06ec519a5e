import { canonicalJson, incomingWins, PERSON_ENTITY, PERSON_LINK_FIELD, type FieldChange } from '../../../shared/sync';
import type { Queryable } from '../db/adapter';
import { jsonColumn } from '../db/arrays';
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

/**
 * A change to a person's row (any entity but persons that names a person in person_id) as the
 * server stores it: in the team the person is in on the server, whatever team the device named.
 * A device that was offline while the person moved still names the old team; its change is
 * re-homed, so the new team gets it and nothing stays behind where no device may see it.
 */
export interface HomedChanges {
  /** the batch's changes, each with the team its row belongs to on the server */
  readonly changes: FieldChange[];
  /** rows whose changes named another team than their person's: the team named gets a purge */
  readonly rehomed: Map<string, RehomedRow>;
}

export interface RehomedRow {
  readonly entity: string;
  readonly rowId: string;
  readonly personId: string;
  /** the team the device named (one of its user's teams: push-service checks that) */
  readonly namedTeamId: string;
  /** the person's team on the server */
  readonly teamId: string;
}

const key = (entity: string, rowId: string) => `${entity}\u0000${rowId}`;

export async function homeToPersons(tx: Queryable, changes: readonly FieldChange[]): Promise<HomedChanges> {
  const personOf = await personLinks(tx, changes);
  if (personOf.size === 0) return { changes: [...changes], rehomed: new Map() };
  const teamOf = await personTeams(tx, changes, new Set(personOf.values()));
  const rehomed = new Map<string, RehomedRow>();
  const homed = changes.map((change) => {
    const personId = personOf.get(key(change.entity, change.rowId));
    const teamId = personId === undefined ? undefined : teamOf.get(personId);
    if (personId === undefined || teamId === undefined || teamId === change.teamId) return change;
    rehomed.set(`${key(change.entity, change.rowId)}\u0000${change.teamId}`, {
      entity: change.entity,
      rowId: change.rowId,
      personId,
      namedTeamId: change.teamId,
      teamId,
    });
    return { ...change, teamId };
  });
  return { changes: homed, rehomed };
}

/**
 * Row → person for the batch's person-scoped rows: the person_id the batch sets (when it beats
 * the server's), else the one the server holds. Rows without a person (null, or not a text) are
 * scoped by their own team as before.
 */
async function personLinks(tx: Queryable, changes: readonly FieldChange[]): Promise<Map<string, string>> {
  const rows = new Map<string, { entity: string; rowId: string }>();
  for (const change of changes) {
    if (change.entity !== PERSON_ENTITY) rows.set(key(change.entity, change.rowId), { entity: change.entity, rowId: change.rowId });
  }
  const links = new Map<string, { value: unknown; hlc: string | null }>();
  if (rows.size === 0) return new Map();
  const list = [...rows.values()];
  // One index probe per row (as in push-store.ts), whatever the planner knows of the table.
  const stored = await tx.query(
    `SELECT f.entity, f.row_id, f.value_json, f.hlc
     FROM ROWS FROM (json_array_elements_text($1::json), json_array_elements_text($2::json)) AS k(entity, row_id)
     CROSS JOIN LATERAL (
       SELECT * FROM field_state s WHERE s.entity = k.entity AND s.row_id = k.row_id AND s.field = '${PERSON_LINK_FIELD}' LIMIT 1
     ) f`,
    [jsonColumn(list.map((r) => r.entity)), jsonColumn(list.map((r) => r.rowId))],
  );
  for (const row of stored) {
    links.set(key(str(row, 'entity'), str(row, 'row_id')), { value: JSON.parse(str(row, 'value_json')) as unknown, hlc: str(row, 'hlc') });
  }
  for (const change of changes) {
    if (change.entity === PERSON_ENTITY || change.field !== PERSON_LINK_FIELD) continue;
    const k = key(change.entity, change.rowId);
    const current = links.get(k);
    if (!current || incomingWins(change.hlc, current.hlc)) links.set(k, { value: change.value, hlc: change.hlc });
  }
  const result = new Map<string, string>();
  for (const [k, link] of links) if (typeof link.value === 'string' && link.value !== '') result.set(k, link.value);
  return result;
}

/**
 * Each person's team as this batch leaves it: the server's register, then the batch's own
 * changes to the person in order (the rule planPush applies), so a batch that moves a person
 * and writes its rows keeps them together. A person the server does not know is left out.
 */
async function personTeams(tx: Queryable, changes: readonly FieldChange[], personIds: ReadonlySet<string>): Promise<Map<string, string>> {
  const registers = new Map<string, { teamId: string; teamHlc: string }>();
  const stored = await tx.query(
    `SELECT r.row_id, r.team_id, r.team_hlc FROM json_array_elements_text($1::json) AS k(row_id)
     CROSS JOIN LATERAL (SELECT * FROM sync_row s WHERE s.entity = '${PERSON_ENTITY}' AND s.row_id = k.row_id LIMIT 1) r`,
    [jsonColumn([...personIds])],
  );
  for (const row of stored) registers.set(str(row, 'row_id'), { teamId: str(row, 'team_id'), teamHlc: str(row, 'team_hlc') });
  for (const change of changes) {
    if (change.entity !== PERSON_ENTITY || !personIds.has(change.rowId)) continue;
    const register = registers.get(change.rowId);
    if (!register || incomingWins(change.hlc, register.teamHlc)) registers.set(change.rowId, { teamId: change.teamId, teamHlc: change.hlc });
  }
  return new Map([...registers].map(([personId, register]) => [personId, register.teamId]));
}

/**
 * The re-homed rows whose person is in a team the pushing user is not in: allowed only where
 * the person left the team the device named (a purge was issued for it), i.e. the device had
 * the person legitimately. Returns the rows that fail that test.
 */
export async function rehomedWithoutHandover(tx: Queryable, rows: readonly RehomedRow[]): Promise<RehomedRow[]> {
  if (rows.length === 0) return [];
  const found = await tx.query(
    `SELECT DISTINCT row_id, from_team_id FROM purge_log
     WHERE entity = '${PERSON_ENTITY}' AND row_id = ANY($1::text[]) AND from_team_id = ANY($2::text[])`,
    [[...new Set(rows.map((r) => r.personId))], [...new Set(rows.map((r) => r.namedTeamId))]],
  );
  const handedOver = new Set(found.map((row) => `${str(row, 'row_id')}\u0000${str(row, 'from_team_id')}`));
  return rows.filter((row) => !handedOver.has(`${row.personId}\u0000${row.namedTeamId}`));
}

/** The team a re-homed change named gets a purge for the row, so its devices drop it. */
export async function purgeRehomed(tx: Queryable, rows: readonly RehomedRow[], now: number): Promise<void> {
  for (const row of rows) {
    await tx.query(
      `INSERT INTO purge_log (sync_seq, entity, row_id, from_team_id, to_team_id, created_at) VALUES (nextval('sync_seq'), $1, $2, $3, $4, $5)`,
      [row.entity, row.rowId, row.namedTeamId, row.teamId, now],
    );
  }
}
