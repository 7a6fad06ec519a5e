import type { Db } from '../../../electron/core/db-types';
import { latestSchemaVersion } from '../../../electron/core/migrations/index';
import { loadClock } from '../../../electron/core/store/meta';
import { allEntities, type EntityDefinition, type RowValues, type SqlValue } from '../../../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../../../electron/core/write/write-path';
import { uuidv7 } from '../../../shared/ids';
import { password, type Device } from './sync-harness';

/**
 * Rows of every synced entity, written through THE write path on a real device database: what
 * the sync of "every record type without special code" is proven with. Values are made from the
 * column names, so a new entity in the registry gets rows here without a line of this file.
 */
const integerColumns = new Set(['version', 'duration_minutes', 'size_bytes', 'chunk_size', 'chunk_count', 'same_household']);

function sampleValue(entity: EntityDefinition, field: string, links: { personId: string; caseId: string; teamId: string }, n: number): SqlValue {
  if (field === 'person_id') return links.personId;
  if (field === 'case_id') return links.caseId;
  if (field === 'team_id') return links.teamId;
  if (field === 'created_at' || field === 'deleted_at') return null; // the write path sets them
  if (entity.jsonFields.has(field)) return JSON.stringify([`${entity.name}.${field}`, n]);
  if (integerColumns.has(field)) return n + 1;
  if (field.endsWith('_at')) return `2025-0${(n % 9) + 1}-1${n % 10}`;
  return `${entity.name}.${field} #${n}`;
}

/** A person and a case with values their mappers accept (screens read them). */
export function personValues(teamId: string, familyName: string): RowValues {
  return {
    team_id: teamId,
    family_name: familyName,
    given_names: 'Yusuf',
    other_spellings: '["Jusuf"]',
    birth_date: '{"kind":"year","year":1990}',
    gender: 'maennlich',
    nationalities: '["SYR"]',
    languages: '[]',
    phone: '0170 111',
  };
}

export function caseValues(teamId: string, personId: string): RowValues {
  return { team_id: teamId, person_id: personId, phase: 'clearing', case_manager: 'Aylin Demir', opened_at: '2025-03-01' };
}

/** Runs `fn` with a write context on the device's database while its session is locked. */
export async function writeOnDevice<T>(device: Device, fn: (ctx: WriteContext) => T): Promise<T> {
  device.close();
  const result = await device.read((db: Db) => {
    const clock = loadClock(db, () => Date.now() + device.offsetMs);
    return fn({ db, clock, actor: `Nutzer ${device.name}`, now: () => Date.now() + device.offsetMs, schemaVersion: latestSchemaVersion });
  });
  await device.call('session.unlock', { profileId: device.profileId, password });
  return result;
}

export interface WrittenRow {
  readonly entity: EntityDefinition;
  readonly rowId: string;
}

/** One person, one case, and one row of every other entity of the registry naming them. */
export function writeOneOfEach(ctx: WriteContext, teamId: string, familyName: string): { personId: string; caseId: string; rows: WrittenRow[] } {
  const personId = uuidv7(ctx.now());
  const caseId = uuidv7(ctx.now());
  const rows: WrittenRow[] = [];
  allEntities.forEach((entity, n) => {
    const rowId = entity.name === 'persons' ? personId : entity.name === 'cases' ? caseId : uuidv7(ctx.now());
    let values: RowValues;
    if (entity.name === 'persons') values = personValues(teamId, familyName);
    else if (entity.name === 'cases') values = caseValues(teamId, personId);
    else {
      values = {};
      for (const field of entity.fields) {
        const value = sampleValue(entity, field, { personId, caseId, teamId }, n);
        if (value !== null) values[field] = value;
      }
    }
    writeEntity(ctx, { entity, kind: 'create', rowId, values });
    rows.push({ entity, rowId });
  });
  return { personId, caseId, rows };
}
