import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedEntities, checkRow, issueOfWrite } from '../../../electron/core/sync/row-validators';
import { allEntities, casesEntity, goalsEntity, personsEntity, type RowValues } from '../../../electron/core/write/entities';
import { writeEntity } from '../../../electron/core/write/write-path';
import { uuidv7 } from '../../../shared/ids';
import { backends } from '../server/harness';
import { caseValues, personValues, writeOnDevice } from './entity-rows';
import { enroll, makeDevice, password, removeDevice, startSyncServer, syncNow, type Device, type SyncServer } from './sync-harness';

/**
 * A value typed by hand in the review list must leave a valid record of its entity, for every
 * entity (not only persons and cases): a goal with the status "xyz" would vanish from the plan.
 */
describe.each(backends)('a typed conflict value is checked against the record on $name', (backend) => {
  let server: SyncServer;
  let a: Device;
  let b: Device;
  let ratingen: string;
  let goalId: string;

  beforeAll(async () => {
    server = await startSyncServer(backend);
    const aylin = await server.user('Aylin Demir', ['Ratingen']);
    const jonas = await server.user('Jonas Weber', ['Ratingen']);
    ratingen = aylin.teamIds[0]!;
    a = await makeDevice('a');
    b = await makeDevice('b');
    await enroll(a, server, aylin.code);
    await enroll(b, server, jonas.code);
  });
  afterAll(async () => {
    [a, b].filter(Boolean).forEach(removeDevice);
    await server?.dispose();
  });

  it('every entity has a row check; a goal as the plan writes it passes, one with an unknown status does not', async () => {
    expect(new Set(checkedEntities())).toEqual(new Set(allEntities.map((entity) => entity.name)));
    const personId = uuidv7();
    const caseId = uuidv7();
    goalId = uuidv7();
    await writeOnDevice(a, (ctx) => {
      writeEntity(ctx, { entity: personsEntity, kind: 'create', rowId: personId, values: personValues(ratingen, 'Haddad') });
      writeEntity(ctx, { entity: casesEntity, kind: 'create', rowId: caseId, values: caseValues(ratingen, personId) });
      writeEntity(ctx, {
        entity: goalsEntity,
        kind: 'create',
        rowId: goalId,
        values: { person_id: personId, case_id: caseId, life_domain: 'sprache', description: 'Deutschkurs B1', agreed_at: '2025-03-01', status: 'offen' },
      });
    });
    a.close();
    const row = await a.read((db) => db.prepare('SELECT * FROM goals WHERE id = ?').get(goalId) as RowValues);
    await a.call('session.unlock', { profileId: a.profileId, password });
    expect(checkRow('goals', row)).toEqual({ ok: true });
    expect(checkRow('goals', { ...row, status: 'xyz' })).toMatchObject({ ok: false, issues: [{ path: 'status' }] });
    expect(checkRow('goals', { ...row, agreed_at: '2025-02-30' })).toMatchObject({ ok: false, issues: [{ path: 'agreed_at', message: 'Kein gültiges Datum' }] });
    // a record that is not complete yet: the typed field itself must be right, the rest may wait
    const incomplete = { ...row, description: null };
    expect(issueOfWrite('goals', 'status', incomplete, { ...incomplete, status: 'erreicht' })).toBeNull();
    expect(issueOfWrite('goals', 'status', incomplete, { ...incomplete, status: 'xyz' })).toMatchObject({ path: 'status' });
    expect(issueOfWrite('goals', 'due_at', row, { ...row, due_at: '2025-02-30' })).toMatchObject({ path: 'due_at', message: 'Kein gültiges Datum' });
  });

  it('goals.status typed as "xyz" is refused with a German message; a valid status is accepted', async () => {
    const goal = { rowId: goalId };
    expect((await syncNow(a)).lastError).toBeNull();
    expect((await syncNow(b)).lastError).toBeNull();
    await writeOnDevice(a, (ctx) => writeEntity(ctx, { entity: goalsEntity, kind: 'update', rowId: goal.rowId, values: { status: 'erreicht' } }));
    await writeOnDevice(b, (ctx) => writeEntity(ctx, { entity: goalsEntity, kind: 'update', rowId: goal.rowId, values: { status: 'verworfen' } }));
    await syncNow(a);
    expect((await syncNow(b)).conflicts).toBe(1);
    const [conflict] = await b.call('sync.conflicts', {});
    expect(conflict).toMatchObject({ entity: 'goals', field: 'status' });

    const refused = await b.fail('sync.resolveConflict', { id: conflict!.id, choice: 'manual', value: 'xyz' });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toContain('Der gewählte Wert passt nicht zu diesem Feld');
    expect(refused.message).toContain('Ziel, Feld „status“');
    expect(refused.message).toMatch(/Ungültig/);
    // nothing was written: the conflict is open, the row unchanged
    expect(await b.call('sync.conflicts', {})).toHaveLength(1);

    await b.call('sync.resolveConflict', { id: conflict!.id, choice: 'manual', value: 'teilweise_erreicht' });
    expect(await b.call('sync.conflicts', {})).toEqual([]);
    b.close();
    const status = await b.read((db) => (db.prepare('SELECT status FROM goals WHERE id = ?').get(goal.rowId) as { status: string }).status);
    await b.call('session.unlock', { profileId: b.profileId, password });
    expect(status).toBe('teilweise_erreicht');
  });
});
