import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../../../server/src/admin/commands';
import { defaultReferenceData, type ReferenceData } from '../../../shared/reference/reference-data';
import type { Db } from '../../../electron/core/db-types';
import { allEntities, consentsEntity, type RowValues } from '../../../electron/core/write/entities';
import { writeEntity } from '../../../electron/core/write/write-path';
import { backends } from '../server/harness';
import { TestDevice } from '../server/test-device';
import { writeOnDevice, writeOneOfEach, type WrittenRow } from './entity-rows';
import { count, enroll, makeDevice, removeDevice, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

/**
 * Issue 4: every record type goes through the one write path and therefore syncs, merges, is
 * purged and audited without code of its own. Rows of EVERY entity of the registry, on real
 * devices against a real server.
 */
function rowOf(db: Db, row: WrittenRow): RowValues | undefined {
  return db.prepare(`SELECT * FROM ${row.entity.table} WHERE id = ?`).get(row.rowId) as RowValues | undefined;
}

/** Column by column, without the device's own bookkeeping (updated_at is the local write time). */
function syncedColumns(row: RowValues | undefined): RowValues | undefined {
  if (!row) return undefined;
  const { updated_at: _local, ...rest } = row;
  return rest;
}

describe.each(backends)('every entity syncs on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;
  let other: Device;
  let coordinator: TestDevice;
  let ratingen: string;
  let mettmann: string;
  let written: { personId: string; caseId: string; rows: WrittenRow[] };

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const jonas = await server.user('Jonas Weber', ['Ratingen']);
    const olena = await server.user('Olena Koval', ['Mettmann']);
    const both = await server.user('Koordination', ['Ratingen', 'Mettmann']);
    ratingen = aylin.teamIds[0]!;
    mettmann = olena.teamIds[0]!;
    a = await makeDevice('a');
    b = await makeDevice('b');
    other = await makeDevice('other');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
    await enroll(other, server, olena.code);
    coordinator = await TestDevice.enroll(server.server.url, both.code);
  });
  afterAll(async () => {
    [a, b, other].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  it('one row of every entity written on A arrives on B with equal values and a sync audit entry; another team gets none', async () => {
    written = await writeOnDevice(a, (ctx) => writeOneOfEach(ctx, ratingen, 'Haddad'));
    expect(new Set(written.rows.map((row) => row.entity.name))).toEqual(new Set(allEntities.map((entity) => entity.name)));
    expect(await syncNow(a)).toMatchObject({ pendingChanges: 0, conflicts: 0, lastError: null });
    expect(await syncNow(b)).toMatchObject({ pendingChanges: 0, conflicts: 0, lastError: null, updateNeeded: false });
    await syncNow(other);

    a.close();
    const onA = await a.read((db) => written.rows.map((row) => syncedColumns(rowOf(db, row))));
    b.close();
    await b.read((db) => {
      written.rows.forEach((row, index) => {
        expect(onA[index], row.entity.name).toBeDefined();
        expect(syncedColumns(rowOf(db, row)), row.entity.name).toEqual(onA[index]);
        expect(
          count(db, "SELECT count(*) AS n FROM audit_log WHERE actor = 'Synchronisation' AND entity = ? AND row_id = ?", row.entity.name, row.rowId),
          row.entity.name,
        ).toBeGreaterThan(0);
      });
      // nothing pulled went back into the outbox (no echo)
      expect(count(db, 'SELECT count(*) AS n FROM outbox')).toBe(0);
    });
    other.close();
    await other.read((db) => {
      for (const row of written.rows) expect(rowOf(db, row), row.entity.name).toBeUndefined();
    });
    for (const device of [a, b, other]) await device.call('session.unlock', { profileId: device.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });

  it('a consent edited on A and B at once becomes a conflict labelled with record type and person', async () => {
    const consent = written.rows.find((row) => row.entity.name === consentsEntity.name)!;
    await writeOnDevice(a, (ctx) => writeEntity(ctx, { entity: consentsEntity, kind: 'update', rowId: consent.rowId, values: { valid_until: '2026-01-31' } }));
    await writeOnDevice(b, (ctx) => writeEntity(ctx, { entity: consentsEntity, kind: 'update', rowId: consent.rowId, values: { valid_until: '2026-06-30' } }));
    await syncNow(a);
    expect((await syncNow(b)).conflicts).toBe(1);
    const [conflict] = await b.call('sync.conflicts', {});
    expect(conflict).toMatchObject({
      entity: 'consents',
      rowId: consent.rowId,
      field: 'valid_until',
      recordLabel: 'Einwilligung – Haddad, Yusuf',
      localValue: '2026-06-30',
      remoteValue: '2026-01-31',
    });
    // a typed value must be of the field's kind (a date stays a date)
    const refused = await b.fail('sync.resolveConflict', { id: conflict!.id, choice: 'manual', value: 17 });
    expect(refused.code).toBe('INVALID_INPUT');
    await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'manual', value: '2026-03-31' });
    expect(await b.call('sync.conflicts', {})).toEqual([]);
    await syncNow(b);
    await syncNow(a);
    a.close();
    await a.read((db) => {
      expect((db.prepare('SELECT valid_until FROM consents WHERE id = ?').get(consent.rowId) as { valid_until: string }).valid_until).toBe('2026-03-31');
    });
    await a.call('session.unlock', { profileId: a.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });

  it('a person moved to another team is purged on the old team\'s devices with every row that hangs off it', async () => {
    // an unsent local edit of a child row is kept for review, not lost
    const goal = written.rows.find((row) => row.entity.name === 'goals')!;
    await coordinator.pullAll();
    await coordinator.push([coordinator.change({ entity: 'persons', rowId: written.personId, field: 'team_id', value: mettmann, teamId: mettmann })]);
    await writeOnDevice(a, (ctx) => writeEntity(ctx, { entity: goal.entity, kind: 'update', rowId: goal.rowId, values: { status: 'in Arbeit' } }));
    const status = await syncNow(a);
    expect(status.lastError).toBeNull();
    const review = (await a.call('sync.conflicts', {})).filter((c) => c.rowId === goal.rowId);
    expect(review.map((c) => [c.field, c.recordLabel])).toEqual([['status', 'Ziel (nicht mehr auf diesem Gerät)']]);
    a.close();
    await a.read((db) => {
      for (const row of written.rows) {
        expect(rowOf(db, row), row.entity.name).toBeUndefined();
        expect(count(db, 'SELECT count(*) AS n FROM field_clock WHERE entity = ? AND row_id = ?', row.entity.name, row.rowId), row.entity.name).toBe(0);
        expect(count(db, "SELECT count(*) AS n FROM audit_log WHERE action = 'purge' AND entity = ? AND row_id = ?", row.entity.name, row.rowId)).toBe(1);
      }
      expect(count(db, 'SELECT count(*) AS n FROM search_person WHERE person_id = ?', written.personId)).toBe(0);
      expect(count(db, 'SELECT count(*) AS n FROM outbox')).toBe(0);
    });
    await a.call('session.unlock', { profileId: a.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
    // the new team's device gets the person with all of it
    expect(await syncNow(other)).toMatchObject({ lastError: null, conflicts: 0 });
    other.close();
    await other.read((db) => {
      for (const row of written.rows) expect(rowOf(db, row), row.entity.name).toBeDefined();
    });
    await other.call('session.unlock', { profileId: other.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
  });
});

describe.each(backends)('role and reference data from the server on $name', (backend) => {
  let server: SyncServer;
  let laptop: Device;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    laptop = await makeDevice('rolle');
  });
  afterAll(async () => {
    if (laptop) removeDevice(laptop);
    await server?.dispose();
  });

  const stored = (device: Device) => {
    device.close();
    return device.read((db) => db.prepare('SELECT role, reference_data FROM sync_state WHERE id = 1').get() as { role: string | null; reference_data: string | null });
  };

  it('arrive at enrolment, and change with a later pull after set-role and a new reference file', async () => {
    const user = await server.user('Lea Kaya', ['Velbert']);
    await enroll(laptop, server, user.code);
    let state = await stored(laptop);
    expect(state.role).toBe('fallmanagement');
    expect(JSON.parse(state.reference_data!)).toEqual(defaultReferenceData);
    await laptop.call('session.unlock', { profileId: laptop.profileId, password: 'Kaffee Fahrrad Wolke Sieben' });
    expect(await laptop.call('sync.now', {})).toMatchObject({ lastError: null });

    const county: ReferenceData = {
      ...defaultReferenceData,
      version: defaultReferenceData.version + 1,
      partners: [...defaultReferenceData.partners, { id: 'tafel-velbert', name: 'Tafel Velbert', type: 'Beratungsstelle', municipality: 'velbert' }],
    };
    await setRole(server.db, { user: 'Lea Kaya', role: 'teamleitung' });
    await server.restart({ referenceData: county });
    expect(await syncNow(laptop)).toMatchObject({ lastError: null });
    state = await stored(laptop);
    expect(state.role).toBe('teamleitung');
    expect(JSON.parse(state.reference_data!)).toEqual(county);
  });
});
