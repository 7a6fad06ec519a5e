import type { Db } from '../db-types';
import { prepared } from '../store/prepared';
import type { EntityDefinition } from '../write/entities';
import { syncedEntities } from './columns';

/**
 * The team a synced row belongs to now (DESIGN.md, Sync: scope), for every entity of the
 * registry: a person its own team_id; a case its person's team, else its own team_id; a
 * person-scoped case-work row the team of the person its person_id names (none while that
 * person is not on this device). The SQL is built once per entity from the registry, never
 * from anything that arrives, and looks up a whole set of rows in one statement.
 */
const teamSql = new Map<string, string>();

function teamExpression(entity: EntityDefinition): { join: string; team: string } {
  const hasPerson = entity.fields.includes('person_id');
  const join = hasPerson ? 'LEFT JOIN persons p ON p.id = x.person_id' : '';
  if (entity.scope === 'person') return { join, team: 'p.team_id' };
  return { join, team: hasPerson ? 'coalesce(p.team_id, x.team_id)' : 'x.team_id' };
}

function sqlFor(entity: EntityDefinition): string {
  let sql = teamSql.get(entity.name);
  if (sql === undefined) {
    const { join, team } = teamExpression(entity);
    sql = `SELECT x.id AS id, ${team} AS team FROM ${entity.table} x ${join} WHERE x.id IN (SELECT value FROM json_each(?))`;
    teamSql.set(entity.name, sql);
  }
  return sql;
}

/**
 * rowId → team (null: the row is here but its team is not known yet) for the rows that exist on
 * this device; a row missing from the answer is not here (purged, or an entity this version
 * does not know).
 */
export function teamsOfRows(db: Db, entityName: string, rowIds: readonly string[]): Map<string, string | null> {
  const found = new Map<string, string | null>();
  const entity = syncedEntities.get(entityName);
  if (!entity || rowIds.length === 0) return found;
  const rows = prepared(db, sqlFor(entity)).all(JSON.stringify(rowIds)) as { id: string; team: string | null }[];
  for (const row of rows) found.set(row.id, row.team);
  return found;
}
