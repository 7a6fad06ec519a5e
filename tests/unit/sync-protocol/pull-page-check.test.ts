import { describe, expect, it } from 'vitest';
import { checkPullPage, MAX_PULL_LIMIT, pullPageSchema } from '../../../shared/sync';
import { uuidv7 } from '../../../shared/ids';

/**
 * The hand-written pull page check must accept and refuse exactly what `pullPageSchema` does:
 * both run on the same valid pages and on every mutation below.
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
    userId: i % 3 === 0 ? null : uuidv7(),
    teamId: team,
    schemaVersion: 1,
    serverSeq: 1000 + i,
  };
}

function page(changes: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { changes, purges: [], nextCursor: '1234', hasMore: true, serverTime: 1_700_000_000_000, ...extra };
}

/** The same answer from both, and for an accepted page the same data. */
function agree(input: unknown): boolean {
  const mine = checkPullPage(input);
  const zod = pullPageSchema.safeParse(input);
  expect({ input, accepted: mine.success }).toEqual({ input, accepted: zod.success });
  if (mine.success && zod.success) expect(mine.data).toEqual(zod.data);
  return mine.success;
}

const values: unknown[] = [
  'Müller-Lüdenscheidt',
  '😀 Emoji',
  '',
  0,
  -1.5,
  1e300,
  true,
  false,
  null,
  [],
  ['SYR', 'AFG'],
  { kind: 'year', year: 1980 },
  { street: 'Straße 1', nested: { deep: [1, { x: null }] } },
  [{ language: 'ar', interpreterNeeded: true }],
  JSON.parse('{"__proto__": "x"}') as unknown,
  JSON.parse('{"constructor": {"prototype": 1}}') as unknown,
];

/** Values that are not JSON, or not as JSON.parse makes it. */
const badValues: unknown[] = [
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  [1, undefined],
  { a: undefined },
  { a: Number.NaN },
  new Date(0),
  new Map(),
  () => 1,
  BigInt(1),
  Symbol('x'),
  Object.assign(Object.create({ inherited: 1 }) as object, { own: 1 }),
];

/** For each field of a change: values that must be refused, and some that must pass. */
const fieldCases: Record<string, unknown[]> = {
  opId: [uuidv7().toUpperCase(), '0190a6f1-7c2e-4a10-8b3c-1234567890ab', 'x', '', 1, null, undefined],
  entity: ['Persons', '1persons', 'p', 'a'.repeat(64), 'a'.repeat(65), 'per sons', 'persons\n', 1, null],
  rowId: ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '0190a6f1-7c2e-9a10-8b3c-1234567890ab', '0190a6f1-7c2e-7a10-7b3c-1234567890ab', 'nope', null, 5],
  field: ['family_name', 'Family', '', 'x', null],
  hlc: [
    `000001700000000-000001-${'x'.repeat(64)}`,
    `000001700000000-000001-${'x'.repeat(65)}`,
    `000001700000000-000001-${'😀'.repeat(64)}`,
    `000001700000000-000001-${'😀'.repeat(65)}`,
    `000001700000000-000001-${'😀'.repeat(33)}`,
    '000001700000000-000001-',
    '00000170000000-000001-x',
    '000001700000000-000001-\n',
    '000001700000000-000001-a\nb',
    ` 000001700000000-000001-${device}`,
    1,
    null,
  ],
  deviceId: [uuidv7(), 'x', null],
  userId: [null, uuidv7(), 'x', undefined, 0],
  teamId: [team, 'x', null, undefined],
  schemaVersion: [1, 2, 100_000_000, 0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, null],
  serverSeq: [0, 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, '5', null, undefined],
};

describe('hand-written pull page check', () => {
  it('accepts what the schema accepts: every kind of JSON value, empty and full pages', () => {
    for (const value of values) expect(agree(page([change(1, value)]))).toBe(true);
    expect(agree(page([]))).toBe(true);
    // The fast path: a valid page comes back as it came, its changes not copied (an own
    // `__proto__`, which zod strips, takes the schema's path).
    const plain = values.filter((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')));
    const valid = page(plain.map((value, i) => change(i, value)));
    const checked = checkPullPage(valid);
    expect(checked.success && checked.data.changes).toBe(valid['changes']);
    expect(agree(page(Array.from({ length: MAX_PULL_LIMIT }, (_, i) => change(i))))).toBe(true);
    expect(
      agree(
        page([change(2)], {
          purges: [{ entity: 'persons', rowId: uuidv7(), reason: 'team-changed' }],
          role: 'teamleitung',
          referenceData: { version: 3, partners: [] },
          serverKey: { keyId: 'k2', publicKeys: { x25519: 'A'.repeat(43), ed25519: 'B'.repeat(43) }, fingerprint: 'ab', oldKeyValidUntil: 5 },
        }),
      ),
    ).toBe(true);
  });

  it('refuses what the schema refuses, field by field', () => {
    // Shapes JSON.parse never makes go to the schema itself: the answer is the schema's either way.
    for (const value of badValues) agree(page([change(1, value)]));
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, [1, undefined], { a: Number.NaN }]) {
      expect(agree(page([change(1, value)]))).toBe(false);
    }
    for (const [field, cases] of Object.entries(fieldCases)) {
      for (const bad of cases) agree(page([change(3), { ...change(4), [field]: bad }]));
      const missing = change(5);
      delete missing[field];
      expect(agree(page([missing]))).toBe(false);
    }
    expect(agree(page([{ ...change(6), extra: 1 }]))).toBe(false);
    expect(agree(page([JSON.parse(`{${JSON.stringify(change(7)).slice(1, -1)},"__proto__":{}}`) as unknown]))).toBe(false);
    expect(agree(page([Object.assign(Object.create({ inherited: 1 }) as object, change(8))]))).toBe(false);
  });

  it('refuses malformed pages like the schema', () => {
    const cases: unknown[] = [
      null,
      [],
      'page',
      page(Array.from({ length: MAX_PULL_LIMIT + 1 }, (_, i) => change(i))),
      page([null]),
      page([[]]),
      page([change(1)], { extra: true }),
      page([change(1)], { nextCursor: 'x' }),
      page([change(1)], { hasMore: 'yes' }),
      page([change(1)], { purges: [{ entity: 'persons', rowId: uuidv7(), reason: 'other' }] }),
      page([change(1)], { role: 'Team Leitung' }),
      page([change(1)], { referenceData: Number.NaN }),
      { ...page([]), changes: undefined },
      { ...page([]), changes: {} },
      { purges: [], nextCursor: '1', hasMore: false, serverTime: 1 },
    ];
    for (const input of cases) expect(agree(input)).toBe(false);
  });

  it('agrees with the schema on random mutations of valid pages', () => {
    const pool: unknown[] = [...values, ...badValues, ...Object.values(fieldCases).flat(), 'persons', uuidv7(), {}, []];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const keys = Object.keys(change(0));
    for (let round = 0; round < 2000; round++) {
      const changes = Array.from({ length: 1 + random(4) }, (_, i) => change(i, values[random(values.length)]));
      const target = changes[random(changes.length)]!;
      const key = random(8) === 0 ? `k${random(3)}` : keys[random(keys.length)]!;
      target[key] = pool[random(pool.length)];
      agree(page(changes));
    }
  });
});
