import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import { fieldChangeSchema, incomingWins, MAX_CHANGES_PER_BATCH, mergeIncoming, mergePulled, pushBatchSchema } from '../../../shared/sync';

const deviceA = '00000000-0000-4000-8000-00000000000a';
const deviceB = '00000000-0000-4000-8000-00000000000b';
const hlc = (millis: number, counter: number, deviceId: string) => formatHlc({ millis, counter, deviceId });

describe('merge rule', () => {
  it('a greater HLC wins, a smaller one loses, anything beats nothing', () => {
    expect(incomingWins(hlc(2, 0, deviceA), hlc(1, 5, deviceB))).toBe(true);
    expect(incomingWins(hlc(1, 5, deviceB), hlc(2, 0, deviceA))).toBe(false);
    expect(incomingWins(hlc(1, 1, deviceA), hlc(1, 0, deviceB))).toBe(true);
    expect(incomingWins(hlc(1, 0, deviceA), null)).toBe(true);
  });

  it('breaks ties of time and counter by device id, and an identical stamp never replaces', () => {
    expect(incomingWins(hlc(1, 0, deviceB), hlc(1, 0, deviceA))).toBe(true);
    expect(incomingWins(hlc(1, 0, deviceA), hlc(1, 0, deviceB))).toBe(false);
    expect(incomingWins(hlc(1, 0, deviceA), hlc(1, 0, deviceA))).toBe(false);
  });

  const current = { value: 'Duldung', hlc: hlc(100, 0, deviceA), deviceId: deviceA, serverSeq: 7 };

  it('a stale base with a different value is a conflict, whoever wins', () => {
    expect(mergeIncoming({ value: 'Gestattung', hlc: hlc(200, 0, deviceB), deviceId: deviceB, baseSeq: 3 }, current)).toEqual({
      apply: true,
      conflict: true,
    });
    expect(mergeIncoming({ value: 'Gestattung', hlc: hlc(50, 0, deviceB), deviceId: deviceB, baseSeq: null }, current)).toEqual({
      apply: false,
      conflict: true,
    });
  });

  it('no conflict for a fresh base, the same value, or the same device', () => {
    expect(mergeIncoming({ value: 'Gestattung', hlc: hlc(200, 0, deviceB), deviceId: deviceB, baseSeq: 7 }, current)).toEqual({
      apply: true,
      conflict: false,
    });
    expect(mergeIncoming({ value: 'Duldung', hlc: hlc(200, 0, deviceB), deviceId: deviceB, baseSeq: 1 }, current).conflict).toBe(false);
    expect(mergeIncoming({ value: 'x', hlc: hlc(200, 0, deviceA), deviceId: deviceA, baseSeq: 1 }, current).conflict).toBe(false);
    expect(mergeIncoming({ value: 'x', hlc: hlc(1, 0, deviceB), deviceId: deviceB, baseSeq: null }, null)).toEqual({
      apply: true,
      conflict: false,
    });
  });

  it('an edit on top of the current value that loses by HLC is kept as a conflict', () => {
    expect(mergeIncoming({ value: 'neu', hlc: hlc(50, 0, deviceB), deviceId: deviceB, baseSeq: 7 }, current)).toEqual({
      apply: false,
      conflict: true,
    });
  });

  it('objects compare by content, not key order', () => {
    const objectCurrent = { ...current, value: { a: 1, b: [1, 2] } };
    const incoming = { value: { b: [1, 2], a: 1 }, hlc: hlc(200, 0, deviceB), deviceId: deviceB, baseSeq: 1 };
    expect(mergeIncoming(incoming, objectCurrent).conflict).toBe(false);
  });

  it('device side: a pulled winner over an unpushed, different local edit is a conflict', () => {
    const pulled = { value: 'neu', hlc: hlc(200, 0, deviceB) };
    expect(mergePulled(pulled, { value: 'alt', hlc: hlc(100, 0, deviceA), pending: true })).toEqual({ apply: true, conflict: true });
    expect(mergePulled(pulled, { value: 'alt', hlc: hlc(100, 0, deviceA), pending: false })).toEqual({ apply: true, conflict: false });
    expect(mergePulled(pulled, { value: 'alt', hlc: hlc(300, 0, deviceA), pending: true })).toEqual({ apply: false, conflict: false });
  });
});

describe('protocol schemas', () => {
  const change = {
    opId: uuidv7(),
    entity: 'person',
    rowId: uuidv7(),
    field: 'familyName',
    value: 'Yusuf',
    hlc: hlc(Date.now(), 0, deviceA),
    deviceId: deviceA,
    teamId: uuidv7(),
    baseSeq: null,
    schemaVersion: 1,
  };

  it('accepts a good change and refuses a stamp of another device', () => {
    expect(fieldChangeSchema.safeParse(change).success).toBe(true);
    expect(fieldChangeSchema.safeParse({ ...change, hlc: hlc(1, 0, deviceB) }).success).toBe(false);
    expect(fieldChangeSchema.safeParse({ ...change, entity: 'person; DROP TABLE' }).success).toBe(false);
    expect(fieldChangeSchema.safeParse({ ...change, extra: 1 }).success).toBe(false);
    // a malformed stamp is refused like any bad field, never thrown (the server would answer 500)
    expect(fieldChangeSchema.safeParse({ ...change, hlc: 'kein-zeitstempel' }).success).toBe(false);
    expect(fieldChangeSchema.safeParse({ ...change, hlc: 42 }).success).toBe(false);
  });

  it('caps batches and refuses duplicate opIds and foreign changes in one batch', () => {
    expect(pushBatchSchema.safeParse({ deviceId: deviceA, batchSeq: 1, changes: [change] }).success).toBe(true);
    expect(pushBatchSchema.safeParse({ deviceId: deviceA, batchSeq: 1, changes: [change, change] }).success).toBe(false);
    expect(pushBatchSchema.safeParse({ deviceId: deviceB, batchSeq: 1, changes: [change] }).success).toBe(false);
    expect(pushBatchSchema.safeParse({ deviceId: deviceA, batchSeq: 1, changes: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_CHANGES_PER_BATCH + 1 }, () => ({ ...change, opId: uuidv7() }));
    expect(pushBatchSchema.safeParse({ deviceId: deviceA, batchSeq: 1, changes: many }).success).toBe(false);
    expect(fieldChangeSchema.safeParse({ ...change, value: 'x'.repeat(200_000) }).success).toBe(false);
  });
});
