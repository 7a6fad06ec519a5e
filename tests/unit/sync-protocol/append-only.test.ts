import { describe, expect, it } from 'vitest';
import { allEntities } from '../../../electron/core/write/entities';
import { planPush } from '../../../server/src/sync/plan-push';
import { mergeIncomingWriteOnce, mergePulledWriteOnce } from '../../../shared/sync';
import { APPEND_ONLY_ENTITIES, isAppendOnlyEntity } from '../../../shared/sync/append-only';

/**
 * Append-only over sync: each field of a contact note, an assessment or a phase event is written
 * once. The server's list (shared/sync/append-only.ts) and the device's registry must agree.
 */
describe('append-only entities over sync', () => {
  it('the shared list names exactly the entities the device registry marks appendOnly', () => {
    const marked = allEntities.filter((entity) => entity.appendOnly === true).map((entity) => entity.name).sort();
    expect([...APPEND_ONLY_ENTITIES].sort()).toEqual(marked);
    for (const entity of allEntities) expect(isAppendOnlyEntity(entity.name)).toBe(entity.appendOnly === true);
    expect(marked).toEqual(['assessments', 'case_phase_events', 'contact_notes']);
  });

  const deviceA = '0190f0f0-0000-7000-8000-00000000000a';
  const deviceB = '0190f0f0-0000-7000-8000-00000000000b';
  const older = `000001600000000-000001-${deviceA}`;
  const newer = `000001700000000-000001-${deviceB}`;

  it('server rule: a first value is taken, a different later one is refused and a conflict, the same one changes nothing', () => {
    const current = { value: 'Original', hlc: older, deviceId: deviceA, serverSeq: 7 };
    expect(mergeIncomingWriteOnce({ value: 'Original', hlc: newer, deviceId: deviceB, baseSeq: null }, null)).toEqual({ apply: true, conflict: false });
    expect(mergeIncomingWriteOnce({ value: 'Neu', hlc: newer, deviceId: deviceB, baseSeq: 7 }, current)).toEqual({ apply: false, conflict: true });
    // the creating device itself cannot rewrite it either
    expect(mergeIncomingWriteOnce({ value: 'Neu', hlc: newer, deviceId: deviceA, baseSeq: 7 }, current)).toEqual({ apply: false, conflict: true });
    expect(mergeIncomingWriteOnce({ value: 'Original', hlc: newer, deviceId: deviceB, baseSeq: 7 }, current)).toEqual({ apply: false, conflict: false });
  });

  it('device rule: a held value is never replaced by a different one; an empty field takes the pulled value', () => {
    expect(mergePulledWriteOnce({ value: 'Neu', hlc: newer }, { value: 'Original', hlc: older, pending: false })).toEqual({ apply: false, conflict: true });
    expect(mergePulledWriteOnce({ value: 'Original', hlc: newer }, { value: 'Original', hlc: older, pending: false })).toEqual({ apply: true, conflict: false });
    expect(mergePulledWriteOnce({ value: 'Neu', hlc: newer }, null)).toEqual({ apply: true, conflict: false });
    expect(mergePulledWriteOnce({ value: 'Neu', hlc: newer }, { value: null, hlc: older, pending: false })).toEqual({ apply: true, conflict: false });
  });

  const team = '0190f0f0-0000-7000-8000-0000000000ee';
  const otherTeam = '0190f0f0-0000-7000-8000-0000000000ef';
  const row = '0190f0f0-0000-7000-8000-000000000001';
  const change = (entity: string, field: string, value: string | null, teamId = team) => ({
    opId: '0190f0f0-0000-7000-8000-000000000101',
    entity,
    rowId: row,
    field,
    value,
    hlc: newer,
    deviceId: deviceB,
    teamId,
    baseSeq: 7,
    schemaVersion: 5,
  });
  const serverVersion = (value: string | null) => ({
    valueJson: JSON.stringify(value),
    hlc: older,
    deviceId: deviceA,
    userId: '0190f0f0-0000-7000-8000-0000000000aa',
    opId: '0190f0f0-0000-7000-8000-000000000100',
    versionSeq: 7,
    schemaVersion: 5,
  });
  const plan = (entity: string, field: string, value: string | null, held: string | null | undefined, teamId = team) =>
    planPush({
      inserted: [{ change: change(entity, field, value, teamId), seq: 8 }],
      userId: '0190f0f0-0000-7000-8000-0000000000bb',
      rows: new Map([[`${entity}\u0000${row}`, { teamId: team, teamHlc: older }]]),
      fields: held === undefined ? new Map() : new Map([[`${entity}\u0000${row}\u0000${field}`, serverVersion(held)]]),
      newId: () => '0190f0f0-0000-7000-8000-0000000000cc',
    });

  it.each(['contact_notes', 'assessments', 'case_phase_events'])('plan-push keeps a %s field as first written and records the rewrite', (entity) => {
    const rewrite = plan(entity, 'note', 'Umgeschrieben', 'Original');
    expect(rewrite.fieldWrites).toEqual([]);
    expect(rewrite.conflicts).toHaveLength(1);
    expect(rewrite.conflicts[0]).toMatchObject({ entity, field: 'note', winner: 'server', teamId: team });
    expect(JSON.parse(rewrite.conflicts[0]!.incoming.valueJson)).toBe('Umgeschrieben');
    expect(JSON.parse(rewrite.conflicts[0]!.server.valueJson)).toBe('Original');
    // a field written as null at creation is written all the same; a bookkeeping field too
    expect(plan(entity, 'note', 'später', null).fieldWrites).toEqual([]);
    expect(plan(entity, 'created_at', '2030-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z').conflicts).toHaveLength(1);
    // the same value again: nothing changes, nothing to review
    const same = plan(entity, 'note', 'Original', 'Original');
    expect(same.fieldWrites).toEqual([]);
    expect(same.conflicts).toEqual([]);
    // the first value of a field is taken
    expect(plan(entity, 'note', 'Erstfassung', undefined).fieldWrites.map((w) => w.version.valueJson)).toEqual(['"Erstfassung"']);
  });

  it('a refused rewrite does not move the row to another team', () => {
    const moved = plan('contact_notes', 'text', 'Umgeschrieben', 'Original', otherTeam);
    expect(moved.rowWrites).toEqual([]);
    expect(moved.moves).toEqual([]);
    expect(moved.conflicts[0]?.teamId).toBe(team);
  });

  it('other entities keep last-writer-wins', () => {
    const edit = plan('contacts', 'mode', 'telefonisch', 'persoenlich');
    expect(edit.fieldWrites.map((w) => w.field)).toEqual(['mode']);
  });
});
