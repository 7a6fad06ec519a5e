import { uuidv7 } from '../shared/ids';
import type { FieldChange } from '../shared/sync';
import type { Device } from '../tests/unit/sync/sync-harness';

/**
 * Bench data for the sync figures: the field changes one person and one case (with its 'open'
 * phase event) make on a real device, repeated with new ids and names. Made once through the
 * core, so the values are exactly what the app writes; varied here, so 10,000 persons take
 * seconds, not the minutes the write path would.
 */
export interface TemplateRow {
  readonly entity: string;
  readonly field: string;
  readonly value: string;
  readonly schema_version: number;
}

/** The device's outbox after it made the template person and case, in order. */
export function readTemplate(device: Device): Promise<TemplateRow[]> {
  return device.read((db) => db.prepare('SELECT entity, field, value, schema_version FROM outbox ORDER BY seq').all() as TemplateRow[]);
}

/** The part of a change that the template decides; who sent it and where it goes is the caller's. */
export type TemplateChange = Pick<FieldChange, 'opId' | 'entity' | 'rowId' | 'field' | 'value' | 'hlc' | 'schemaVersion'>;

/**
 * Person number `i`: its own row ids (one per entity of the template), names with its number,
 * the case and event pointing at it; one stamp per row, from `stamp`.
 */
export function templatePerson(template: readonly TemplateRow[], i: number, stamp: () => string): TemplateChange[] {
  const rowIds = new Map<string, string>([
    ['persons', uuidv7()],
    ['cases', uuidv7()],
  ]);
  const hlcs = new Map<string, string>();
  return template.map((row) => {
    if (!rowIds.has(row.entity)) rowIds.set(row.entity, uuidv7());
    if (!hlcs.has(row.entity)) hlcs.set(row.entity, stamp());
    const isPerson = row.entity === 'persons';
    let value = JSON.parse(row.value) as FieldChange['value'];
    if (isPerson && row.field === 'family_name') value = `Familienname ${i}`;
    if (isPerson && row.field === 'given_names') value = `Vorname ${i}`;
    if (!isPerson && row.field === 'person_id') value = rowIds.get('persons')!;
    if (row.field === 'case_id') value = rowIds.get('cases')!;
    return {
      opId: uuidv7(),
      entity: row.entity,
      rowId: rowIds.get(row.entity)!,
      field: row.field,
      value,
      hlc: hlcs.get(row.entity)!,
      schemaVersion: row.schema_version,
    };
  });
}
