import { canonicalJson } from '../../../shared/sync';
import type { EntityDefinition, SqlValue } from '../write/entities';
import { allEntities } from '../write/entities';
import { localIsoDate } from '../services/write-context';

/**
 * How synced values map onto the local columns. A value travels as JSON; a JSON column holds
 * its canonical text, any other column the plain string or number. A value that does not fit
 * (wrong type, null for a required column) is not forced in: the caller keeps it aside.
 */
export const syncedEntities: ReadonlyMap<string, EntityDefinition> = new Map(allEntities.map((entity) => [entity.name, entity]));

const requiredColumns: Readonly<Record<string, ReadonlySet<string>>> = {
  persons: new Set(['family_name', 'given_names', 'other_spellings', 'birth_date', 'gender', 'nationalities', 'languages', 'created_at']),
  cases: new Set(['person_id', 'phase', 'case_manager', 'opened_at', 'created_at']),
};

export type ColumnValue = { ok: true; value: SqlValue } | { ok: false };

export function toColumn(entity: EntityDefinition, field: string, value: unknown): ColumnValue {
  if (value === null) return requiredColumns[entity.name]?.has(field) ? { ok: false } : { ok: true, value: null };
  if (entity.jsonFields.has(field)) return { ok: true, value: canonicalJson(value) };
  if (typeof value === 'string') return { ok: true, value };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  return { ok: false };
}

/** The column's value as the JSON value it syncs as (for comparing with a pulled one). */
export function fromColumn(entity: EntityDefinition, field: string, value: SqlValue | undefined): unknown {
  if (value === undefined || value === null) return null;
  if (entity.jsonFields.has(field) && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

export const placeholderName = '(wird übertragen)';

/**
 * Placeholders for a row that a pull creates before all of its fields arrived (pages end
 * anywhere): valid for the NOT NULL columns, and overwritten as soon as the real values come.
 */
export function rowDefaults(entity: EntityDefinition, now: number): Record<string, SqlValue> {
  const nowIso = new Date(now).toISOString();
  if (entity.name === 'persons') {
    // Names are required by the domain schema: a visible placeholder, never an empty string.
    return {
      family_name: placeholderName,
      given_names: placeholderName,
      other_spellings: '[]',
      birth_date: '{"kind":"unknown"}',
      gender: 'unbekannt',
      nationalities: '[]',
      languages: '[]',
      created_at: nowIso,
    };
  }
  if (entity.name === 'cases') return { phase: 'zugang', case_manager: '', opened_at: localIsoDate(now), created_at: nowIso };
  // case-work tables have no NOT NULL columns but created_at: readers skip rows not complete yet
  return { created_at: nowIso };
}
