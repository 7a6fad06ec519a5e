import { describe, expect, it } from 'vitest';
import { flatChangesText, groupedChangesText, type ChangesText, type StoredChange } from '../../../server/src/sync/pull-page-text';
import { canonicalJson, expandPullPage, groupedPullPageSchema, pullPageSchema } from '../../../shared/sync';
import { uuidv7 } from '../../../shared/ids';

/**
 * The server builds a page's changes as JSON text from the stored columns. Whatever the stored
 * rows, the grouped text must expand to exactly the changes the text in full lists, both must
 * pass their schemas, and the bytes the builders count must be the bytes of the text.
 */
const devices = [uuidv7(), uuidv7()];
const users = [uuidv7(), null];
const teams = [uuidv7(), uuidv7()];
const values: unknown[] = ['Müller', 'Zeile 1\nZeile "2" \\ Ende', '😀', 'ق', '\u2028', 0, -1.5, 1e300, true, null, [], ['SYR'], { street: 'Straße 1', n: [1, { x: null }] }];

function makeRandom(seed: number) {
  return (n: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

/** Stored rows in server order: runs of one row's fields, stamps mostly shared, sometimes not. */
function storedChanges(count: number, seed: number): StoredChange[] {
  const random = makeRandom(seed);
  const out: StoredChange[] = [];
  let seq = 100;
  while (out.length < count) {
    const entity = random(2) === 0 ? 'persons' : 'cases';
    const rowId = random(8) === 0 && out.length > 0 ? out[out.length - 1]!.rowId : uuidv7();
    const teamId = teams[random(teams.length)]!;
    const stamp = () => {
      const deviceId = devices[random(devices.length)]!;
      // An hlc's device part is free text in the schema: quotes and non-ASCII must travel too.
      const suffix = random(10) === 0 ? `${deviceId}"ä` : deviceId;
      return { hlc: `000001700000000-${String(random(1000)).padStart(6, '0')}-${suffix}`, deviceId, userId: users[random(users.length)]!, schemaVersion: 1 + random(2) };
    };
    const shared = stamp();
    const fields = 1 + random(6);
    for (let i = 0; i < fields && out.length < count; i++) {
      out.push({
        entity,
        rowId,
        field: `field_${i}`,
        teamId,
        valueJson: canonicalJson(values[random(values.length)]),
        ...(random(4) === 0 ? stamp() : shared),
        opId: uuidv7(),
        serverSeq: seq++,
      });
    }
  }
  return out;
}

const rest = '"purges":[],"nextCursor":"1","hasMore":false,"serverTime":1';

function build(builder: ChangesText, changes: StoredChange[]): { text: string; counted: number } {
  let counted = 0;
  for (const change of changes) counted += builder.add(change, Number.POSITIVE_INFINITY)!;
  return { text: builder.text(), counted };
}

describe('pull page text', () => {
  it('the grouped text expands to exactly the changes in full, and counts its bytes exactly', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const changes = storedChanges(1 + (seed % 7) * 13, seed);
      const grouped = build(groupedChangesText(), changes);
      const full = build(flatChangesText(), changes);
      const fullPage = pullPageSchema.parse(JSON.parse(`{${full.text},${rest}}`));
      const groupedPage = expandPullPage(groupedPullPageSchema.parse(JSON.parse(`{${grouped.text},${rest}}`)));
      expect(groupedPage).toEqual(fullPage);
      expect(fullPage.changes.map((change) => change.serverSeq)).toEqual(changes.map((change) => change.serverSeq));
      expect(fullPage.changes.map((change) => canonicalJson(change.value))).toEqual(changes.map((change) => change.valueJson));
      // counted: everything between the key's `[` and the closing `]`
      expect(grouped.counted).toBe(Buffer.byteLength(grouped.text) - Buffer.byteLength('"rows":[]'));
      expect(full.counted).toBe(Buffer.byteLength(full.text) - Buffer.byteLength('"changes":[]'));
    }
  });

  it('groups consecutive fields of one row, overriding only what differs', () => {
    const first = { ...storedChanges(1, 3)[0]!, userId: uuidv7(), schemaVersion: 1 };
    const same = { ...first, field: 'second', opId: uuidv7(), serverSeq: 2 };
    const other = { ...first, field: 'third', opId: uuidv7(), serverSeq: 3, userId: null, schemaVersion: 9 };
    const { text } = build(groupedChangesText(), [first, same, other, { ...first, rowId: uuidv7(), serverSeq: 4 }]);
    const page = groupedPullPageSchema.parse(JSON.parse(`{${text},${rest}}`));
    expect(page.rows.map((row) => row.fields.length)).toEqual([3, 1]);
    expect(page.rows[0]!.fields[1]).toHaveLength(4);
    expect(page.rows[0]!.fields[2]![4]).toEqual({ userId: null, schemaVersion: 9 });
  });

  it('refuses a change that does not fit the room left, and adds nothing then', () => {
    const changes = storedChanges(20, 5);
    for (const make of [groupedChangesText, flatChangesText]) {
      const builder = make();
      let used = 0;
      const room = 1500;
      let taken = 0;
      for (const change of changes) {
        const added = builder.add(change, room - used);
        if (added === null) break;
        used += added;
        taken++;
      }
      expect(taken).toBeGreaterThan(0);
      expect(taken).toBeLessThan(changes.length);
      expect(used).toBeLessThanOrEqual(room);
      const text = builder.text();
      const parsed = JSON.parse(`{${text},${rest}}`) as Record<string, unknown>;
      const count = make === groupedChangesText ? expandPullPage(groupedPullPageSchema.parse(parsed)).changes.length : pullPageSchema.parse(parsed).changes.length;
      expect(count).toBe(taken);
    }
  });
});
