import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../server/src/db/migrate';
import { uuidv7 } from '../../../shared/ids';
import { backends, startTestServer, teamWithUser, tempIdentity, type TestDatabase, type TestServer } from './harness';
import { TestDevice } from './test-device';

/**
 * The server keeps no state of its own: two instances on one database (and one key file) serve
 * the same devices. On PostgreSQL they are separate connection pools; on PGlite, which is one
 * process's database, two HTTP servers share it.
 */
describe.each(backends)('two server instances on one $name database', (backend) => {
  it('two instances starting together migrate once', async () => {
    const fresh = await backend.create();
    try {
      const [one, two] = await Promise.all([fresh.connectRaw(), fresh.connectRaw()]);
      const applied = await Promise.all([migrate(one), migrate(two)]);
      // every migration file once, by one of the two
      const files = readdirSync(new URL('../../../server/src/db/migrations/', import.meta.url)).filter((name) => name.endsWith('.sql'));
      expect(applied.flat().sort((a, b) => a - b)).toEqual(files.map((name) => Number(name.slice(0, 3))).sort((a, b) => a - b));
      expect(await migrate(one)).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });

  let database: TestDatabase;
  let first: TestServer;
  let second: TestServer;
  let identity: Awaited<ReturnType<typeof tempIdentity>>;
  let teamId: string;
  let viaFirst: TestDevice;
  let viaSecond: TestDevice;

  beforeAll(async () => {
    database = await backend.create();
    identity = await tempIdentity();
    const db1 = await database.connect();
    first = await startTestServer(db1, identity.path);
    second = await startTestServer(await database.connect(), identity.path);
    const one = await teamWithUser(db1, 'Wülfrath', 'Eins');
    const two = await teamWithUser(db1, 'Wülfrath', 'Zwei');
    teamId = one.teamId;
    viaFirst = await TestDevice.enroll(first.url, one.code);
    // enrolled through one instance, syncing through the other
    viaSecond = await TestDevice.enroll(first.url, two.code);
    viaSecond.url = second.url;
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.dispose();
    await identity?.dispose();
  });

  it('push through one, pull through the other', async () => {
    const person = uuidv7();
    const ack = await viaFirst.push([viaFirst.change({ rowId: person, field: 'familyName', value: 'Ahmadi', teamId })]);
    expect(ack.ok).toBe(true);
    const pulled = await viaSecond.pullAll();
    expect(pulled.changes.find((change) => change.rowId === person)?.value).toBe('Ahmadi');
  });

  it('concurrent pushes through both instances all arrive, each once, with no gap for a puller', async () => {
    const rows = Array.from({ length: 6 }, () => uuidv7());
    const changesOf = (device: TestDevice, offset: number) =>
      rows.filter((_, index) => index % 2 === offset).map((rowId) => device.change({ rowId, field: 'familyName', value: rowId, teamId }));
    const seen: string[] = [];
    const collect = (changes: { rowId: string }[]) => seen.push(...changes.map((change) => change.rowId).filter((rowId) => rows.includes(rowId)));
    // A pull racing the pushes must not move its cursor past a change that commits later.
    const [a, b] = await Promise.all([
      viaFirst.push(changesOf(viaFirst, 0)),
      viaSecond.push(changesOf(viaSecond, 1)),
      viaSecond.pull(2).then((reply) => reply.ok && collect(reply.value.changes)),
    ]);
    expect(a.ok && b.ok).toBe(true);
    collect((await viaSecond.pullAll(2)).changes);
    expect(seen.sort()).toEqual([...rows].sort());
  });
});
