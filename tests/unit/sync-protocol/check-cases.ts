/**
 * Inputs shared by the tests that hold a hand-written check against its zod schema (push batch:
 * tests/unit/sync/push-batch-check.test.ts; grouped pull page: pull-page-check.test.ts): the
 * same JSON values, the same non-JSON values, the same bad ids, and one seeded random source.
 */

/** Every kind of JSON value, including keys that are special to JavaScript objects. */
export const jsonValues: unknown[] = [
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
export const notJsonValues: unknown[] = [
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

/** Entity names around the identifier rule, and other types. */
export const entityCases: unknown[] = ['Persons', '1persons', 'p', 'a'.repeat(64), 'a'.repeat(65), 'per sons', 'persons\n', 1, null];

/** Row ids around the UUID rule (nil, max, other versions and variants), and other types. */
export const rowIdCases: unknown[] = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0190a6f1-7c2e-9a10-8b3c-1234567890ab',
  '0190a6f1-7c2e-7a10-7b3c-1234567890ab',
  'nope',
  null,
  5,
];

/**
 * A fixed-seed random integer below n (mulberry32: every bit well mixed — an LCG's low bits
 * repeat with a short period), so a failing mutation is found again on the next run.
 */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed;
  return (n: number) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}
