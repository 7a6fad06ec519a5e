/**
 * Scope by person (DESIGN.md, Sync: scope): a person row carries its team; every other row that
 * names a person in this field belongs to that person's team and moves with it.
 */
export const PERSON_ENTITY = 'persons';
export const PERSON_LINK_FIELD = 'person_id';
