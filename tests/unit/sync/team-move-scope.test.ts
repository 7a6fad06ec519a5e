import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db-types';
import { casesEntity, consentsEntity, personsEntity } from '../../../electron/core/write/entities';
import { writeEntity } from '../../../electron/core/write/write-path';
import { uuidv7 } from '../../../shared/ids';
import { backends } from '../server/harness';
import { TestDevice } from '../server/test-device';
import { caseValues, personValues, writeOnDevice } from './entity-rows';
import { enroll, makeDevice, password, removeDevice, serverCount, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

const has = (db: Db, table: string, id: string) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
const rowTeam = "SELECT count(*) AS n FROM sync_row WHERE entity = 'consents' AND row_id = $1 AND team_id = $2";

/**
 * A person's rows live in the person's team on the server (DESIGN.md, Sync: scope), whatever
 * team the device that wrote them named: a device that was offline while the person moved has
 * its new rows re-homed to the person's new team, and is told to purge them.
 */
describe.each(backends)('person-scoped rows follow their person on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let other: Device;
  let coordinator: TestDevice;
  let bernd: TestDevice;
  let ratingen: string;
  let mettmann: string;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const olena = await server.user('Olena Koval', ['Mettmann']);
    const both = await server.user('Koordination', ['Ratingen', 'Mettmann']);
    const ratingenOnly = await server.user('Bernd Roth', ['Ratingen']);
    ratingen = aylin.teamIds[0]!;
    mettmann = olena.teamIds[0]!;
    a = await makeDevice('a');
    other = await makeDevice('other');
    await enroll(a, server, aylin.code);
    await enroll(other, server, olena.code);
    coordinator = await TestDevice.enroll(server.server.url, both.code);
    bernd = await TestDevice.enroll(server.server.url, ratingenOnly.code);
  });
  afterAll(async () => {
    [a, other].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  it("a consent created offline on the old team's device after the person moved reaches the new team", async () => {
    const personId = uuidv7();
    await writeOnDevice(a, (ctx) => {
      writeEntity(ctx, { entity: personsEntity, kind: 'create', rowId: personId, values: personValues(ratingen, 'Haddad') });
      writeEntity(ctx, { entity: casesEntity, kind: 'create', rowId: uuidv7(), values: caseValues(ratingen, personId) });
    });
    expect((await syncNow(a)).lastError).toBeNull();

    // the coordination moves the person to Mettmann while A is offline …
    await coordinator.pullAll();
    await coordinator.push([coordinator.change({ entity: 'persons', rowId: personId, field: 'team_id', value: mettmann, teamId: mettmann })]);
    // … and A records a new consent for the person before its next sync
    const consentId = uuidv7();
    await writeOnDevice(a, (ctx) =>
      writeEntity(ctx, {
        entity: consentsEntity,
        kind: 'create',
        rowId: consentId,
        values: { person_id: personId, purpose: 'verarbeitung', given_at: '2025-03-01', form: 'schriftlich', recorded_by: 'Aylin Demir' },
      }),
    );
    const afterPush = await syncNow(a);
    expect(afterPush.lastError).toBeNull();
    expect(afterPush.pendingChanges).toBe(0);
    expect((await syncNow(other)).lastError).toBeNull();

    // on the server the consent is with its person's team, and nowhere else
    expect(await serverCount(server, rowTeam, [consentId, mettmann])).toBe(1);
    expect(await serverCount(server, rowTeam, [consentId, ratingen])).toBe(0);
    expect(
      await serverCount(server, "SELECT count(*) AS n FROM field_state WHERE entity = 'consents' AND row_id = $1 AND team_id <> $2", [consentId, mettmann]),
    ).toBe(0);

    // the new team has it; the old team's device dropped it (purge), and nothing went to review
    other.close();
    const onOther = await other.read((db) => has(db, 'consents', consentId));
    await other.call('session.unlock', { profileId: other.profileId, password });
    expect(onOther).toBe(true);
    a.close();
    const onA = await a.read((db) => ({
      consent: has(db, 'consents', consentId),
      person: has(db, 'persons', personId),
      review: (db.prepare('SELECT count(*) AS n FROM sync_conflict WHERE row_id = ?').get(consentId) as { n: number }).n,
    }));
    await a.call('session.unlock', { profileId: a.profileId, password });
    expect(onA).toEqual({ consent: false, person: false, review: 0 });
  });

  it('a row naming a person that was never in the team the device named is refused, not re-homed', async () => {
    const personId = uuidv7();
    await coordinator.push([coordinator.change({ entity: 'persons', rowId: personId, field: 'team_id', value: mettmann, teamId: mettmann })]);
    const consentId = uuidv7();
    const reply = await bernd.push([
      bernd.change({ entity: 'consents', rowId: consentId, field: 'person_id', value: personId, teamId: ratingen }),
      bernd.change({ entity: 'consents', rowId: consentId, field: 'purpose', value: 'verarbeitung', teamId: ratingen }),
    ]);
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.error.code).toBe('OUT_OF_SCOPE');
    expect(!reply.ok && reply.error.error.rows).toEqual([{ entity: 'consents', rowId: consentId }]);
    expect(await serverCount(server, "SELECT count(*) AS n FROM change_log WHERE row_id = $1", [consentId])).toBe(0);
  });

  it('a user of both teams writing under the old team: re-homed, and only the old team is told to purge', async () => {
    const personId = uuidv7();
    await coordinator.push([coordinator.change({ entity: 'persons', rowId: personId, field: 'team_id', value: ratingen, teamId: ratingen })]);
    await coordinator.push([coordinator.change({ entity: 'persons', rowId: personId, field: 'team_id', value: mettmann, teamId: mettmann })]);
    const consentId = uuidv7();
    const reply = await coordinator.push([
      coordinator.change({ entity: 'consents', rowId: consentId, field: 'person_id', value: personId, teamId: ratingen }),
    ]);
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.value.accepted).toHaveLength(1);
    expect(await serverCount(server, rowTeam, [consentId, mettmann])).toBe(1);
    expect(
      await serverCount(server, 'SELECT count(*) AS n FROM purge_log WHERE row_id = $1 AND from_team_id = $2 AND to_team_id = $3', [consentId, ratingen, mettmann]),
    ).toBe(1);
    // the coordinator is in the new team too: it gets the row, not a purge
    const page = await coordinator.pullAll();
    expect(page.purges.filter((p) => p.rowId === consentId)).toEqual([]);
    expect(page.changes.filter((c) => c.rowId === consentId).map((c) => c.teamId)).toEqual([mettmann]);
  });

  it('a batch that moves a person and writes its rows keeps them together, without a purge', async () => {
    const personId = uuidv7();
    await coordinator.push([coordinator.change({ entity: 'persons', rowId: personId, field: 'team_id', value: ratingen, teamId: ratingen })]);
    const consentId = uuidv7();
    const reply = await coordinator.push([
      coordinator.change({ entity: 'persons', rowId: personId, field: 'team_id', value: mettmann, teamId: mettmann }),
      coordinator.change({ entity: 'consents', rowId: consentId, field: 'person_id', value: personId, teamId: mettmann }),
    ]);
    expect(reply.ok).toBe(true);
    expect(await serverCount(server, rowTeam, [consentId, mettmann])).toBe(1);
    expect(await serverCount(server, 'SELECT count(*) AS n FROM purge_log WHERE row_id = $1', [consentId])).toBe(0);
  });
});
