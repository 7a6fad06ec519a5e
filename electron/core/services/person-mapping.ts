import { personSchema, type Person, type PersonInput } from '../../../shared/domain/person';
import { canonicalJson } from '../util/canonical-json';
import type { RowValues } from '../write/entities';

/** Domain person → synced columns of `persons`. JSON columns get canonical JSON text. */
export function personToRow(input: PersonInput): RowValues {
  return {
    family_name: input.familyName,
    given_names: input.givenNames,
    other_spellings: canonicalJson(input.otherSpellings),
    birth_date: canonicalJson(input.birthDate),
    gender: input.gender,
    nationalities: canonicalJson(input.nationalities),
    languages: canonicalJson(input.languages),
    residence: input.residence ? canonicalJson(input.residence) : null,
    arrival_date: input.arrivalDate ?? null,
    address: input.address ? canonicalJson(input.address) : null,
    phone: input.phone ?? null,
    email: input.email ?? null,
  };
}

function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : undefined;
}

function optional(value: unknown): unknown {
  return value === null ? undefined : value;
}

/** A `persons` row → domain person, checked by the shared schema so a bad row cannot leak out. */
export function rowToPerson(row: RowValues): Person {
  return personSchema.parse(withoutUndefined({
    id: row.id,
    teamId: row.team_id ?? null,
    familyName: row.family_name,
    givenNames: row.given_names,
    otherSpellings: json(row.other_spellings),
    birthDate: json(row.birth_date),
    gender: row.gender,
    nationalities: json(row.nationalities),
    languages: json(row.languages),
    residence: optional(json(row.residence)),
    arrivalDate: optional(row.arrival_date),
    address: optional(json(row.address)),
    phone: optional(row.phone),
    email: optional(row.email),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

/** Absent optional fields are left out, not sent as `undefined` keys. */
function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
