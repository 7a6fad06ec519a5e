import { describe, expect, it } from 'vitest';
import { fieldChangeSchema, MAX_CHANGES_PER_BATCH, MAX_VALUE_BYTES, pushBatchSchema } from '../../../shared/sync';
import { checkPushBatch, isValidFieldChange } from '../../../shared/sync/push-batch-check';
import { uuidv7 } from '../../../shared/ids';
import { entityCases, jsonValues, notJsonValues, rowIdCases, seededRandom } from '../sync-protocol/check-cases';

/**
 * The hand-written push batch check must accept and refuse exactly what `pushBatchSchema` (and,
 * change by change, `fieldChangeSchema`) does: both run on the same valid batches and on every
 * mutation below.
 */
const device = '0190a6f1-7c2e-7a10-8b3c-1234567890ab';
const team = '0190a6f1-7c2e-4a10-9b3c-abcdefabcdef';

function change(i: number, ...withValue: [unknown?]): Record<string, unknown> {
  // `undefined` is a value under test too, so a missing argument is told apart by the length.
  const value = withValue.length > 0 ? withValue[0] : `Wert ${i}`;
  return {
    opId: uuidv7(),
    entity: 'persons',
    rowId: uuidv7(),
    field: 'family_name',
    value,
    hlc: `000001700000000-${String(i % 1_000_000).padStart(6, '0')}-${device}`,
    deviceId: device,
    teamId: team,
    baseSeq: i % 3 === 0 ? null : 1000 + i,
    schemaVersion: 4,
  };
}

function batch(changes: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { deviceId: device, batchSeq: 7, changes, ...extra };
}

/**
 * What a check says: accepted (with the data), refused, or thrown. The schema's HLC refine calls
 * `parseHlc` even when the stamp failed its pattern, and that throws; the hand check hands such
 * a change to the schema, so it throws alike.
 */
function outcome<T>(check: () => { success: boolean; data?: T }): { verdict: 'accepted' | 'refused' | 'throws'; data?: T } {
  try {
    const result = check();
    return result.success ? { verdict: 'accepted', data: result.data } : { verdict: 'refused' };
  } catch {
    return { verdict: 'throws' };
  }
}

/** The same answer from both, and for an accepted batch the same data; each change alike on its own. */
function agree(input: unknown): boolean {
  const mine = outcome(() => checkPushBatch(input));
  const zod = outcome(() => pushBatchSchema.safeParse(input));
  expect({ input, verdict: mine.verdict }).toEqual({ input, verdict: zod.verdict });
  if (mine.verdict === 'accepted') expect(mine.data).toEqual(zod.data);
  const changes = (input as { changes?: unknown } | null)?.changes;
  if (Array.isArray(changes)) {
    for (const one of changes) {
      const fast = outcome(() => ({ success: isValidFieldChange(one) }));
      expect({ one, verdict: fast.verdict }).toEqual({ one, verdict: outcome(() => fieldChangeSchema.safeParse(one)).verdict });
    }
  }
  return mine.verdict === 'accepted';
}

/** Values at and just over the size limit of a field value (UTF-8 bytes of its canonical JSON), in pairs. */
const sizedValues: unknown[] = [
  'a'.repeat(MAX_VALUE_BYTES - 2),
  'a'.repeat(MAX_VALUE_BYTES - 1),
  'ä'.repeat((MAX_VALUE_BYTES - 2) / 2),
  'ä'.repeat((MAX_VALUE_BYTES - 2) / 2 + 1),
  '\u0001'.repeat(Math.floor((MAX_VALUE_BYTES - 2) / 6)),
  '\u0001'.repeat(Math.floor((MAX_VALUE_BYTES - 2) / 6) + 1),
  '😀'.repeat(Math.floor((MAX_VALUE_BYTES - 2) / 4)),
  '😀'.repeat(Math.floor((MAX_VALUE_BYTES - 2) / 4) + 1),
  ['x'.repeat(MAX_VALUE_BYTES - 4)],
  ['x'.repeat(MAX_VALUE_BYTES - 3)],
  { b: 'x'.repeat(MAX_VALUE_BYTES - 60_000 - 15), a: 'ü'.repeat(30_000) },
  { b: 'x'.repeat(MAX_VALUE_BYTES - 60_000 - 14), a: 'ü'.repeat(30_000) },
];

/** For each field of a change: values that must be refused, and some that must pass. */
const fieldCases: Record<string, unknown[]> = {
  opId: [uuidv7().toUpperCase(), '0190a6f1-7c2e-4a10-8b3c-1234567890ab', 'x', '', 1, null, undefined],
  entity: entityCases,
  rowId: rowIdCases,
  field: ['family_name', 'Family', '', 'x', null],
  hlc: [
    `000001700000000-000001-${device}`,
    `000001700000000-000001-${device.toUpperCase()}`,
    `000001700000000-000001-${device}\n`,
    `000001700000000-000001-${'x'.repeat(64)}`,
    `000001700000000-000001-${'😀'.repeat(65)}`,
    '000001700000000-000001-',
    '00000170000000-000001-x',
    `00000170000000-000001-${device}`,
    `000001700000000-00001-${device}`,
    '000001700000000-000001-\n',
    ` 000001700000000-000001-${device}`,
    1,
    null,
  ],
  deviceId: [uuidv7(), 'x', null],
  teamId: [team, uuidv7(), 'x', null, undefined],
  baseSeq: [null, 0, 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, '5', undefined, Number.NaN],
  schemaVersion: [1, 2, 100_000, 100_001, 0, -1, 1.5, '1', Number.NaN, Number.POSITIVE_INFINITY, null],
};

describe('hand-written push batch check', () => {
  it('accepts what the schema accepts: every kind of JSON value, values up to the size limit, a full batch', () => {
    for (const value of jsonValues) expect(agree(batch([change(1, value)]))).toBe(true);
    for (const value of sizedValues) agree(batch([change(1, value)]));
    expect(sizedValues.filter((value) => checkPushBatch(batch([change(1, value)])).success)).toHaveLength(sizedValues.length / 2);
    // The fast path: a valid batch comes back as it came, not copied (an own `__proto__`, which
    // zod strips, takes the schema's path).
    const plain = jsonValues.filter((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')));
    const valid = batch(plain.map((value, i) => change(i, value)));
    const checked = checkPushBatch(valid);
    expect(checked.success && checked.data).toBe(valid);
    expect(agree(batch(Array.from({ length: MAX_CHANGES_PER_BATCH }, (_, i) => change(i))))).toBe(true);
  });

  it('refuses what the schema refuses, field by field', () => {
    // Shapes JSON.parse never makes go to the schema itself: the answer is the schema's either way.
    for (const value of notJsonValues) agree(batch([change(1, value)]));
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, [1, undefined], { a: Number.NaN }]) {
      expect(agree(batch([change(1, value)]))).toBe(false);
    }
    for (const [field, cases] of Object.entries(fieldCases)) {
      for (const bad of cases) agree(batch([change(3), { ...change(4), [field]: bad }]));
      const missing = change(5);
      delete missing[field];
      expect(agree(batch([missing]))).toBe(false);
    }
    expect(agree(batch([{ ...change(6), extra: 1 }]))).toBe(false);
    expect(agree(batch([JSON.parse(`{${JSON.stringify(change(7)).slice(1, -1)},"__proto__":{}}`) as unknown]))).toBe(false);
    expect(agree(batch([Object.assign(Object.create({ inherited: 1 }) as object, change(8))]))).toBe(false);
  });

  it('refuses malformed batches like the schema: size, device, a repeated opId', () => {
    const twice = change(1);
    const other = uuidv7();
    const cases: unknown[] = [
      null,
      [],
      'batch',
      batch([]),
      batch(Array.from({ length: MAX_CHANGES_PER_BATCH + 1 }, (_, i) => change(i))),
      batch([null]),
      batch([[]]),
      batch([change(1)], { extra: true }),
      batch([change(1)], { batchSeq: 0 }),
      batch([change(1)], { batchSeq: 1.5 }),
      batch([change(1)], { batchSeq: '7' }),
      batch([change(1)], { deviceId: 'x' }),
      batch([{ ...change(1), deviceId: other, hlc: `000001700000000-000001-${other}` }]),
      batch([twice, change(2), twice]),
      { ...batch([]), changes: undefined },
      { ...batch([]), changes: {} },
      { deviceId: device, changes: [change(1)] },
    ];
    for (const input of cases) expect(agree(input)).toBe(false);
  });

  it('agrees with the schema on random mutations of valid batches', () => {
    const pool: unknown[] = [...jsonValues, ...notJsonValues, ...Object.values(fieldCases).flat(), 'persons', uuidv7(), device, {}, []];
    const random = seededRandom(11);
    const keys = Object.keys(change(0));
    for (let round = 0; round < 2000; round++) {
      const changes = Array.from({ length: 1 + random(4) }, (_, i) => change(i, jsonValues[random(jsonValues.length)]));
      const target = changes[random(changes.length)]!;
      const key = random(8) === 0 ? `k${random(3)}` : keys[random(keys.length)]!;
      target[key] = pool[random(pool.length)];
      if (random(10) === 0) changes.push({ ...target });
      agree(random(12) === 0 ? batch(changes, { [['deviceId', 'batchSeq', 'x'][random(3)]!]: pool[random(pool.length)] }) : batch(changes));
    }
  });
});
