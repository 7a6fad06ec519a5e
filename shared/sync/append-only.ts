/**
 * The synced entities whose rows are created once and never changed (DESIGN.md, Sync: contact
 * notes are append-only rows, so they never conflict; a phase move and an assessment are history
 * as well). Over sync each of their fields is WRITE-ONCE: the server takes a field's first value
 * and refuses any other one later (it records a conflict, the original stays), and a device never
 * lets a pulled value replace a value it already holds.
 *
 * The device's entity registry (`electron/core/write/entities.ts`, `appendOnly: true`) must name
 * exactly these; a unit test holds the two together.
 */
export const APPEND_ONLY_ENTITIES: ReadonlySet<string> = new Set(['case_phase_events', 'assessments', 'contact_notes']);

export function isAppendOnlyEntity(entity: string): boolean {
  return APPEND_ONLY_ENTITIES.has(entity);
}
