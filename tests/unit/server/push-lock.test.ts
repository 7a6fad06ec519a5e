import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { FieldChange } from '../../../shared/sync';
import { createTeam, createUser } from '../../../server/src/admin/commands';
import type { Db } from '../../../server/src/db/adapter';
import { findDevice, type DeviceRecord } from '../../../server/src/sync/devices';
import { pushLockKey } from '../../../server/src/sync/locks';
import { applyPush } from '../../../server/src/sync/push-service';
import { backends, type TestDatabase } from './harness';

/**
 * The push lock belongs to the schema, as its sync_seq does: a push waits for another push of
 * the same schema (so sequence numbers become visible in order), never for one of another
 * schema (tests and benchmarks share one database). PostgreSQL only: PGlite has one connection.
 */
const postgres = backends.find((backend) => backend.name === 'PostgreSQL');

describe.skipIf(!postgres)('push lock on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const schemas: { db: Db; schema: string; device: DeviceRecord; teamId: string }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const database = await postgres!.create();
      databases.push(database);
      const db = await database.connect();
      const schema = String((await db.query('SELECT current_schema() AS s'))[0]!['s']);
      const team = await createTeam(db, { name: 'Sperre' });
      const user = await createUser(db, { name: 'sperre', teams: ['Sperre'] });
      const deviceId = uuidv7();
      await db.query(`INSERT INTO device (id, user_id, name, x25519_public, ed25519_public, enrolled_at) VALUES ($1, $2, 'd', 'x', 'e', 0)`, [
        deviceId,
        user.id,
      ]);
      schemas.push({ db, schema, device: (await findDevice(db, deviceId))!, teamId: team.id });
    }
  });
  afterAll(async () => {
    for (const database of databases) await database.dispose();
  });

  function push(target: (typeof schemas)[number], batchSeq: number) {
    const change: FieldChange = {
      opId: uuidv7(),
      entity: 'persons',
      rowId: uuidv7(),
      field: 'family_name',
      value: `Name ${batchSeq}`,
      hlc: formatHlc({ millis: Date.now() - 1000, counter: batchSeq, deviceId: target.device.id }),
      deviceId: target.device.id,
      teamId: target.teamId,
      baseSeq: null,
      schemaVersion: 4,
    };
    return applyPush({ db: target.db, now: Date.now, newId: () => uuidv7() }, target.device, {
      deviceId: target.device.id,
      batchSeq,
      changes: [change],
    });
  }

  it("a push waits for its own schema's lock holder, not for another schema's", async () => {
    const [first, second] = schemas as [(typeof schemas)[number], (typeof schemas)[number]];
    // Hold the first schema's push lock, as a long push there would.
    const holder = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SET LOCAL search_path = "${first.schema}"`);
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))', [pushLockKey]);

      let firstDone = false;
      const waiting = push(first, 1).then((ack) => {
        firstDone = true;
        return ack;
      });
      // The other schema's push goes through while the lock is held.
      const other = await push(second, 1);
      expect(other.accepted).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(firstDone).toBe(false);

      await holder.query('COMMIT');
      const ack = await waiting;
      expect(ack.accepted).toHaveLength(1);
    } finally {
      await holder.end();
    }
  });
});
