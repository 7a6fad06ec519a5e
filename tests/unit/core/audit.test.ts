import { entryHash } from '../../../electron/core/audit/audit-log';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createProfile, makeCore, samplePerson, tempDir, userName, withDatabase, password } from './helpers';

describe('audit log', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  async function profileWithHistory() {
    const core = makeCore(dir);
    const profileId = await createProfile(core);
    const a = await call(core, 'persons.create', samplePerson());
    const b = await call(core, 'persons.create', samplePerson({ familyName: 'Haddad', givenNames: 'Yusuf' }));
    await call(core, 'persons.update', { id: a.id, person: samplePerson({ phone: '+49 2104 999' }) });
    await call(core, 'persons.get', { id: b.id });
    await call(core, 'cases.open', { personId: a.id, answers: { no_other_cm: true, multiple_domains: true } });
    return { core, profileId, a, b };
  }

  it('records writes and reads with field names only, and the chain verifies', async () => {
    const { core, profileId, a, b } = await profileWithHistory();
    expect(await call(core, 'audit.verify', {})).toEqual({ ok: true, entries: 6, firstBrokenSeq: null });
    core.close();
    const rows = await withDatabase(dir, profileId, (db) =>
      db.prepare('SELECT seq, actor, action, entity, row_id, details FROM audit_log ORDER BY seq').all(),
    );
    expect(rows).toMatchObject([
      { seq: 1, actor: userName, action: 'create', entity: 'persons', row_id: a.id },
      { seq: 2, action: 'create', entity: 'persons', row_id: b.id },
      { seq: 3, action: 'update', entity: 'persons', row_id: a.id, details: '{"fields":["phone"]}' },
      { seq: 4, action: 'read', entity: 'persons', row_id: b.id, details: '{}' },
      { seq: 5, action: 'create', entity: 'cases' },
      { seq: 6, action: 'create', entity: 'case_phase_events' },
    ]);
    const all = JSON.stringify(rows);
    expect(all).not.toContain('Quxtrablinsky');
    expect(all).not.toContain('+49');
  });

  it('is append-only for the app: UPDATE and DELETE are refused', async () => {
    const { core, profileId } = await profileWithHistory();
    core.close();
    await withDatabase(dir, profileId, (db) => {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    });
  });

  it('finds a corrupted entry by its seq', async () => {
    const { core, profileId } = await profileWithHistory();
    core.close();
    await withDatabase(dir, profileId, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare("UPDATE audit_log SET actor = 'Jemand Anderes' WHERE seq = 3").run();
    });
    await call(core, 'session.unlock', { profileId, password });
    expect(await call(core, 'audit.verify', {})).toEqual({ ok: false, entries: 6, firstBrokenSeq: 3 });
    core.close();
  });

  it('finds a removed entry at the next link', async () => {
    const { core, profileId } = await profileWithHistory();
    core.close();
    await withDatabase(dir, profileId, (db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    });
    await call(core, 'session.unlock', { profileId, password });
    expect(await call(core, 'audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 3 });
    core.close();
  });

  it('a forged entry with a recomputed own hash still breaks the following link', async () => {
    const { core, profileId } = await profileWithHistory();
    core.close();
    await withDatabase(dir, profileId, (db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      // rewrite entry 2 and give it a correct hash of its own; entry 3 still links the old hash
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as { at: string; entity: string; row_id: string; prev_hash: string };
      const forged = { at: row.at, actor: 'Jemand Anderes', action: 'read' as const, entity: row.entity, rowId: row.row_id, details: {} };
      db.prepare("UPDATE audit_log SET actor = ?, action = 'read', details = '{}', hash = ? WHERE seq = 2").run(
        forged.actor,
        entryHash(row.prev_hash, 2, forged),
      );
    });
    await call(core, 'session.unlock', { profileId, password });
    expect((await call(core, 'audit.verify', {})).firstBrokenSeq).toBe(3);
    core.close();
  });
});
