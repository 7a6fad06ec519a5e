import { describe, expect, it } from 'vitest';
import { planPush } from '../../../server/src/sync/plan-push';
import { isBookkeepingField } from '../../../shared/sync';

/**
 * Two devices that create the same rule task (same derived id) before either syncs stamp
 * different creation times: the later stamp wins, but nobody is asked to decide it.
 */
describe('bookkeeping fields', () => {
  const deviceA = '0190f0f0-0000-7000-8000-00000000000a';
  const deviceB = '0190f0f0-0000-7000-8000-00000000000b';
  const team = '0190f0f0-0000-7000-8000-0000000000ee';
  const row = '0190f0f0-0000-8000-8000-000000000001';
  const change = (field: string, value: string) => ({
    opId: '0190f0f0-0000-7000-8000-000000000101',
    entity: 'tasks',
    rowId: row,
    field,
    value,
    hlc: `000001700000000-000001-${deviceB}`,
    deviceId: deviceB,
    teamId: team,
    baseSeq: null,
    schemaVersion: 5,
  });
  const serverVersion = (value: string) => ({
    valueJson: JSON.stringify(value),
    hlc: `000001600000000-000001-${deviceA}`,
    deviceId: deviceA,
    userId: '0190f0f0-0000-7000-8000-0000000000aa',
    opId: '0190f0f0-0000-7000-8000-000000000100',
    versionSeq: 7,
    schemaVersion: 5,
  });

  it('names created_at only', () => {
    expect(isBookkeepingField('created_at')).toBe(true);
    expect(isBookkeepingField('status')).toBe(false);
  });

  it('a different created_at from a second creator wins by HLC without a conflict; another field conflicts', () => {
    const plan = (field: string) =>
      planPush({
        inserted: [{ change: change(field, 'B'), seq: 8 }],
        userId: '0190f0f0-0000-7000-8000-0000000000bb',
        rows: new Map([[`tasks\u0000${row}`, { teamId: team, teamHlc: `000001600000000-000001-${deviceA}` }]]),
        fields: new Map([[`tasks\u0000${row}\u0000${field}`, serverVersion('A')]]),
        newId: () => '0190f0f0-0000-7000-8000-0000000000cc',
      });
    const created = plan('created_at');
    expect(created.conflicts).toHaveLength(0);
    expect(created.fieldWrites.map((w) => w.field)).toEqual(['created_at']);
    expect(plan('status').conflicts).toHaveLength(1);
  });
});
