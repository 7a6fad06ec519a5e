import { describe, expect, it } from 'vitest';
import {
  checkGroupedPullPage,
  expandPullPage,
  groupedPullPageSchema,
  MAX_PULL_LIMIT,
  pullPageCheck,
  type GroupedPullPage,
  type PulledChange,
} from '../../../shared/sync';
import { uuidv7 } from '../../../shared/ids';
import { entityCases, jsonValues, notJsonValues, rowIdCases, seededRandom } from './check-cases';

/**
 * The hand-written grouped pull page check must accept and refuse exactly what
 * `groupedPullPageSchema` does: both run on the same valid pages and on every mutation below.
 * Then the expansion must give back every change in full, its stamp overrides applied.
 */
const device = '0190a6f1-7c2e-7a10-8b3c-1234567890ab';
const otherDevice = '0190a6f1-7c2e-7a10-8b3c-0000000000ff';
const team = '0190a6f1-7c2e-4a10-9b3c-abcdefabcdef';
const hlc = (i: number, by = device) => `000001700000000-${String(i % 1_000_000).padStart(6, '0')}-${by}`;

type Row = Record<string, unknown>;

function field(i: number, ...withValue: [unknown?]): unknown[] {
  // `undefined` is a value under test too, so a missing argument is told apart by the length.
  const value = withValue.length > 0 ? withValue[0] : `Wert ${i}`;
  return [`field_${i % 7}`, value, uuidv7(), 1000 + i];
}

function row(fields: unknown[], extra: Row = {}): Row {
  return {
    entity: 'persons',
    rowId: uuidv7(),
    teamId: team,
    hlc: hlc(1),
    deviceId: device,
    userId: uuidv7(),
    schemaVersion: 1,
    fields,
    ...extra,
  };
}

function page(rows: unknown[], extra: Row = {}): Row {
  return { rows, purges: [], nextCursor: '1234', hasMore: true, serverTime: 1_700_000_000_000, ...extra };
}

/** The same answer from both, and for an accepted page the same data. */
function agree(input: unknown): boolean {
  const mine = checkGroupedPullPage(input);
  const zod = groupedPullPageSchema.safeParse(input);
  expect({ input, accepted: mine.success }).toEqual({ input, accepted: zod.success });
  if (mine.success && zod.success) expect(mine.data).toEqual(zod.data);
  return mine.success;
}

const hlcCases: unknown[] = [
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
];
const schemaVersionCases: unknown[] = [1, 2, 100_000_000, 0, -1, 1.5, '1', Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, null];

/** For each key of a row: values that must be refused, and some that must pass. */
const rowCases: Record<string, unknown[]> = {
  entity: entityCases,
  rowId: rowIdCases,
  teamId: [team, 'x', null, undefined],
  hlc: hlcCases,
  deviceId: [uuidv7(), 'x', null],
  userId: [null, uuidv7(), 'x', undefined, 0],
  schemaVersion: schemaVersionCases,
  fields: [[], {}, null, 'x', [[]], [null], [field(1), null]],
};

/** For each place of a field: values that must be refused, and some that must pass. */
const fieldCases: Record<number, unknown[]> = {
  0: ['family_name', 'Family', '', 'x', null, 1],
  2: [uuidv7().toUpperCase(), '0190a6f1-7c2e-4a10-8b3c-1234567890ab', 'x', '', 1, null, undefined],
  3: [0, 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, -1, 0.5, '5', null, undefined],
};

/** Fifth places of a field: overrides that must pass or be refused. */
const overrides: unknown[] = [
  {},
  { hlc: hlc(2, otherDevice) },
  { hlc: hlc(3), deviceId: otherDevice, userId: null, schemaVersion: 2 },
  { userId: null },
  { userId: uuidv7() },
  { userId: 'x' },
  { userId: undefined },
  { deviceId: 'x' },
  { deviceId: null },
  { schemaVersion: 0 },
  { schemaVersion: 1.5 },
  ...hlcCases.map((value) => ({ hlc: value })),
  { teamId: team },
  { extra: 1 },
  JSON.parse('{"__proto__": {}}') as unknown,
  Object.assign(Object.create({ inherited: 1 }) as object, { userId: null }),
  null,
  [],
  'x',
  undefined,
];

describe('hand-written grouped pull page check', () => {
  it('accepts what the schema accepts: every kind of JSON value, overrides, empty and full pages', () => {
    for (const value of jsonValues) expect(agree(page([row([field(1, value)])]))).toBe(true);
    expect(agree(page([]))).toBe(true);
    expect(agree(page([row([field(1), [...field(2), { hlc: hlc(2, otherDevice), userId: null }]])]))).toBe(true);
    // The fast path: a valid page comes back as it came, its rows not copied (an own
    // `__proto__`, which zod strips, takes the schema's path).
    const plain = jsonValues.filter((value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')));
    const valid = page([row(plain.map((value, i) => field(i, value))), row([field(1)], { userId: null })]);
    const checked = checkGroupedPullPage(valid);
    expect(checked.success && checked.data.rows).toBe(valid['rows']);
    // Full pages: all changes in one row, and one change per row.
    expect(agree(page([row(Array.from({ length: MAX_PULL_LIMIT }, (_, i) => field(i)))]))).toBe(true);
    expect(agree(page(Array.from({ length: MAX_PULL_LIMIT }, (_, i) => row([field(i)]))))).toBe(true);
    expect(
      agree(
        page([row([field(2)])], {
          purges: [{ entity: 'persons', rowId: uuidv7(), reason: 'team-changed' }],
          role: 'teamleitung',
          referenceData: { version: 3, partners: [] },
          serverKey: { keyId: 'k2', publicKeys: { x25519: 'A'.repeat(43), ed25519: 'B'.repeat(43) }, fingerprint: 'ab', oldKeyValidUntil: 5 },
        }),
      ),
    ).toBe(true);
  });

  it('refuses what the schema refuses, row key by row key and field place by place', () => {
    // Shapes JSON.parse never makes go to the schema itself: the answer is the schema's either way.
    for (const value of notJsonValues) agree(page([row([field(1, value)])]));
    for (const value of [undefined, Number.NaN, Number.POSITIVE_INFINITY, [1, undefined], { a: Number.NaN }]) {
      expect(agree(page([row([field(1, value)])]))).toBe(false);
    }
    for (const [key, cases] of Object.entries(rowCases)) {
      for (const bad of cases) agree(page([row([field(3)]), row([field(4)], { [key]: bad })]));
      const missing = row([field(5)]);
      delete missing[key];
      expect(agree(page([missing]))).toBe(false);
    }
    for (const [place, cases] of Object.entries(fieldCases)) {
      for (const bad of cases) {
        const changed = field(6);
        changed[Number(place)] = bad;
        agree(page([row([field(5), changed])]));
      }
    }
    for (const override of overrides) agree(page([row([field(7), [...field(8), override]])]));
    expect(agree(page([row([field(6).slice(0, 3)])]))).toBe(false);
    expect(agree(page([row([[...field(6), {}, 1]])]))).toBe(false);
    expect(agree(page([row([{ ...field(6) }])]))).toBe(false);
    expect(agree(page([row([field(6)], { extra: 1 })]))).toBe(false);
    expect(agree(page([JSON.parse(`{${JSON.stringify(row([field(7)])).slice(1, -1)},"__proto__":{}}`) as unknown]))).toBe(false);
    expect(agree(page([Object.assign(Object.create({ inherited: 1 }) as object, row([field(8)]))]))).toBe(false);
  });

  it('refuses malformed pages like the schema, and more changes than a page may hold', () => {
    const cases: unknown[] = [
      null,
      [],
      'page',
      page(Array.from({ length: MAX_PULL_LIMIT + 1 }, (_, i) => row([field(i)]))),
      page([row(Array.from({ length: MAX_PULL_LIMIT + 1 }, (_, i) => field(i)))]),
      // within each row's bound, but too many together
      page([row(Array.from({ length: MAX_PULL_LIMIT / 2 + 1 }, (_, i) => field(i))), row(Array.from({ length: MAX_PULL_LIMIT / 2 }, (_, i) => field(i)))]),
      page([null]),
      page([[]]),
      page([row([field(1)])], { extra: true }),
      page([row([field(1)])], { nextCursor: 'x' }),
      page([row([field(1)])], { hasMore: 'yes' }),
      page([row([field(1)])], { purges: [{ entity: 'persons', rowId: uuidv7(), reason: 'other' }] }),
      page([row([field(1)])], { role: 'Team Leitung' }),
      page([row([field(1)])], { referenceData: Number.NaN }),
      { ...page([]), rows: undefined },
      { ...page([]), rows: {} },
      // a page in full is not a grouped page
      { changes: [], purges: [], nextCursor: '1', hasMore: false, serverTime: 1 },
      { purges: [], nextCursor: '1', hasMore: false, serverTime: 1 },
    ];
    for (const input of cases) expect(agree(input)).toBe(false);
  });

  it('agrees with the schema on random mutations of valid pages', () => {
    const pool: unknown[] = [
      ...jsonValues,
      ...notJsonValues,
      ...Object.values(rowCases).flat(),
      ...Object.values(fieldCases).flat(),
      ...overrides,
      'persons',
      uuidv7(),
      {},
      [],
    ];
    const random = seededRandom(7);
    const outcomes = { accepted: 0, refused: 0 };
    const rowKeys = Object.keys(row([]));
    const overrideKeys = ['hlc', 'deviceId', 'userId', 'schemaVersion', 'teamId', 'x'];
    for (let round = 0; round < 3000; round++) {
      const rows = Array.from({ length: 1 + random(3) }, () =>
        row(
          Array.from({ length: 1 + random(4) }, (_, i) => {
            const made = field(i, jsonValues[random(jsonValues.length)]);
            return random(3) === 0 ? [...made, { hlc: hlc(i, otherDevice) }] : made;
          }),
        ),
      );
      const target = rows[random(rows.length)]!;
      const fields = target['fields'] as unknown[][];
      const targetField = fields[random(fields.length)]!;
      switch (random(5)) {
        case 0:
          target[random(8) === 0 ? `k${random(3)}` : rowKeys[random(rowKeys.length)]!] = pool[random(pool.length)];
          break;
        case 1:
          targetField[random(6)] = pool[random(pool.length)];
          break;
        case 2: {
          const override = targetField[4];
          if (typeof override === 'object' && override !== null) (override as Row)[overrideKeys[random(overrideKeys.length)]!] = pool[random(pool.length)];
          else targetField[4] = { [overrideKeys[random(overrideKeys.length)]!]: pool[random(pool.length)] };
          break;
        }
        case 3:
          targetField.length = random(7);
          break;
        default:
          fields.length = random(fields.length);
      }
      outcomes[agree(page(rows)) ? 'accepted' : 'refused']++;
    }
    // Both answers come up often: the mutations probe the boundary, not one side of it.
    expect(outcomes.accepted).toBeGreaterThan(300);
    expect(outcomes.refused).toBeGreaterThan(300);
  });
});

describe('expanding a grouped page', () => {
  const userA = uuidv7();
  const rowA = uuidv7();
  const rowB = uuidv7();
  const opIds = Array.from({ length: 4 }, () => uuidv7());
  const grouped = {
    rows: [
      {
        entity: 'persons',
        rowId: rowA,
        teamId: team,
        hlc: hlc(1),
        deviceId: device,
        userId: userA,
        schemaVersion: 1,
        fields: [
          ['family_name', 'Haddad', opIds[0], 11],
          ['address', { street: 'Straße 1' }, opIds[1], 12, { hlc: hlc(2, otherDevice), deviceId: otherDevice, userId: null }],
        ],
      },
      {
        entity: 'cases',
        rowId: rowB,
        teamId: team,
        hlc: hlc(3),
        deviceId: device,
        userId: null,
        schemaVersion: 2,
        fields: [
          ['person_id', rowA, opIds[2], 13, { userId: userA, schemaVersion: 5 }],
          ['phase', null, opIds[3], 14],
        ],
      },
    ],
    purges: [{ entity: 'persons', rowId: uuidv7(), reason: 'team-changed' }],
    nextCursor: '14',
    hasMore: false,
    serverTime: 5,
    role: 'fallmanagement',
  };
  const expected: PulledChange[] = [
    { opId: opIds[0]!, entity: 'persons', rowId: rowA, field: 'family_name', value: 'Haddad', hlc: hlc(1), deviceId: device, userId: userA, teamId: team, schemaVersion: 1, serverSeq: 11 },
    { opId: opIds[1]!, entity: 'persons', rowId: rowA, field: 'address', value: { street: 'Straße 1' }, hlc: hlc(2, otherDevice), deviceId: otherDevice, userId: null, teamId: team, schemaVersion: 1, serverSeq: 12 },
    { opId: opIds[2]!, entity: 'cases', rowId: rowB, field: 'person_id', value: rowA, hlc: hlc(3), deviceId: device, userId: userA, teamId: team, schemaVersion: 5, serverSeq: 13 },
    { opId: opIds[3]!, entity: 'cases', rowId: rowB, field: 'phase', value: null, hlc: hlc(3), deviceId: device, userId: null, teamId: team, schemaVersion: 2, serverSeq: 14 },
  ];

  it('gives back every change in full, in order, the group stamp with what a field overrides', () => {
    const expanded = expandPullPage(groupedPullPageSchema.parse(grouped));
    const { rows: _rows, ...rest } = grouped;
    expect(expanded).toEqual({ ...rest, changes: expected });
    // JSON.parse input, as the exchange gives it: the same through the device's check.
    const checked = pullPageCheck.safeParse(JSON.parse(JSON.stringify(grouped)));
    expect(checked.success && checked.data).toEqual({ ...rest, changes: expected });
  });

  it('the device check refuses what the grouped schema refuses', () => {
    const broken = JSON.parse(JSON.stringify(grouped)) as GroupedPullPage;
    (broken.rows[1]!.fields[0]![4] as Row)['userId'] = 'x';
    expect(groupedPullPageSchema.safeParse(broken).success).toBe(false);
    expect(pullPageCheck.safeParse(broken).success).toBe(false);
    expect(pullPageCheck.safeParse({ ...grouped, rows: undefined, changes: expected }).success).toBe(false);
  });
});
