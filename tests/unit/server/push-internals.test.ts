import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { canonicalJson, type FieldChange, type PushBatch } from '../../../shared/sync';
import type { Db } from '../../../server/src/db/adapter';
import { jsonColumn } from '../../../server/src/db/arrays';
import { num, numOrNull, strOrNull } from '../../../server/src/db/values';
import { canonicalBatchJson } from '../../../server/src/sync/content-hash';
import { backends, type TestDatabase } from './harness';

/**
 * The push path's own building blocks: the batch fingerprint must stay the text it always was
 * (canonicalJson), or a batch resent after an update would no longer be recognised; and the
 * columns it sends as JSON arrays must come back from the database exactly, whatever the text
 * holds.
 */
const device = '0190a6f1-7c2e-7a10-8b3c-1234567890ab';

function change(value: unknown, extra: Partial<FieldChange> = {}): FieldChange {
  return {
    opId: uuidv7(),
    entity: 'persons',
    rowId: uuidv7(),
    field: 'family_name',
    value: value as FieldChange['value'],
    hlc: `000001700000000-000001-${device}`,
    deviceId: device,
    teamId: uuidv7(),
    baseSeq: null,
    schemaVersion: 4,
    ...extra,
  };
}

const trickyValues: unknown[] = [
  'Müller',
  '',
  'Anführungszeichen " und \\ Rückstrich',
  'Zeile\nZeile\t{,}',
  'NULL',
  '😀',
  0,
  -1.25,
  true,
  null,
  [],
  [3, 1, 2],
  { b: 1, a: { d: [{ z: 1, y: 2 }], c: null } },
  { 10: 'zehn', 2: 'zwei', b: 'b', a: 'a' },
  JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as unknown,
];

describe('push fingerprint', () => {
  it('is exactly canonicalJson of the batch, whatever the key order the device sent', () => {
    const changes = trickyValues.map((value, i) => change(value, { baseSeq: i % 2 === 0 ? null : i, schemaVersion: 1 + i }));
    const batch: PushBatch = { deviceId: device, batchSeq: 42, changes };
    expect(canonicalBatchJson(batch)).toBe(canonicalJson(batch));
    // The same batch with every key in another order (as a device may send it): the same text.
    const shuffled = JSON.parse(
      JSON.stringify({
        changes: changes.map((c) => Object.fromEntries(Object.entries(c).reverse())),
        batchSeq: 42,
        deviceId: device,
      }),
    ) as PushBatch;
    expect(canonicalBatchJson(shuffled)).toBe(canonicalJson(batch));
    expect(canonicalBatchJson({ ...batch, batchSeq: 43 })).not.toBe(canonicalJson(batch));
  });
});

describe.each(backends)('JSON columns on $name', (backend) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await backend.create();
    db = await database.connectRaw();
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('text columns come back element for element, null as NULL, in order, side by side', async () => {
    const values: (string | null)[] = [
      ...trickyValues.map((value) => canonicalJson(value)),
      canonicalJson('\u0000 \ud800 \u001f \u2028'),
      canonicalJson('\u0000'),
      'NULL',
      'null',
      null,
      '',
      ' leading and trailing ',
      '\\"',
      '"',
      '\\',
      '{"a":"b\\"c"}',
      uuidv7(),
    ];
    const ids = values.map(() => uuidv7());
    const rows = await db.query(
      `SELECT v, id, i FROM ROWS FROM (json_array_elements_text($1::json), json_array_elements_text($2::json)) WITH ORDINALITY AS t(v, id, i) ORDER BY i`,
      [jsonColumn(values), jsonColumn(ids)],
    );
    expect(rows.map((row) => strOrNull(row, 'v'))).toEqual(values);
    expect(rows.map((row) => strOrNull(row, 'id'))).toEqual(ids);
    expect(await db.query('SELECT count(*)::integer AS n FROM json_array_elements_text($1::json)', [jsonColumn([])])).toEqual([{ n: 0 }]);
  });

  it('integer columns come back exactly, up to the largest safe integer', async () => {
    const values = [0, 1, -5, null, 2 ** 40, Number.MAX_SAFE_INTEGER];
    const rows = await db.query('SELECT v::bigint AS v, i FROM json_array_elements_text($1::json) WITH ORDINALITY AS t(v, i) ORDER BY i', [
      jsonColumn(values),
    ]);
    expect(rows.map((row) => numOrNull(row, 'v'))).toEqual(values);
    const small = await db.query('SELECT sum(v::integer)::integer AS s FROM json_array_elements_text($1::json) AS t(v)', [jsonColumn([1, 2, 3])]);
    expect(num(small[0]!, 's')).toBe(6);
  });
});
