import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../electron/core/db-types';
import { latestSchemaVersion } from '../../../electron/core/migrations/index';
import { ensureMeta, loadClock, readMeta } from '../../../electron/core/store/meta';
import { openEncryptedDatabase } from '../../../electron/core/store/open-db';
import { casesEntity, personsEntity, type EntityDefinition } from '../../../electron/core/write/entities';
import { writeEntity, type WriteContext } from '../../../electron/core/write/write-path';
import { personToRow } from '../../../electron/core/services/person-mapping';
import { FakeClock, samplePerson, tempDir } from './helpers';

const indexerCalls = vi.hoisted(() => [] as { id: string; familyName: string; otherSpellings: readonly string[]; inTransaction: boolean }[]);
vi.mock('../../../electron/core/search/indexer', () => ({
  reindexPerson: (db: Db, person: { id: string; familyName: string; otherSpellings: readonly string[] }) => {
    indexerCalls.push({ id: person.id, familyName: person.familyName, otherSpellings: person.otherSpellings, inTransaction: db.inTransaction });
  },
  unindexPerson: () => undefined,
  ensureSearchIndex: () => undefined,
}));

const personId = '0190f0b4-7c2d-7a3e-8f00-123456789abc';

describe('the one write path', () => {
  let dir: string;
  let cleanup: () => void;
  let db: Db;
  let clock: FakeClock;
  let ctx: WriteContext;

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    clock = new FakeClock();
    db = openEncryptedDatabase(join(dir, 'w.db'), randomBytes(32));
    ensureMeta(db, clock.now);
    ctx = { db, clock: loadClock(db, clock.now), actor: 'Erika Beispiel', now: clock.now, schemaVersion: latestSchemaVersion };
    indexerCalls.length = 0;
  });
  afterEach(() => {
    db.close();
    cleanup();
  });

  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  function createPerson(): void {
    writeEntity(ctx, { entity: personsEntity, kind: 'create', rowId: personId, values: { ...personToRow(samplePerson()), team_id: null } });
  }

  it('one save → row + a clock and an outbox entry per field + one audit entry, one HLC, clock persisted', () => {
    createPerson();
    expect(db.prepare('SELECT family_name, other_spellings FROM persons').get()).toEqual({
      family_name: 'Quxtrablinsky',
      other_spellings: '["Kuxtrablinski Seynebowa"]',
    });
    const fields = personsEntity.fields;
    const clocks = db.prepare('SELECT field, hlc FROM field_clock WHERE entity = ? AND row_id = ?').all('persons', personId) as { field: string; hlc: string }[];
    expect(clocks.map((c) => c.field).sort()).toEqual([...fields].sort());
    const outbox = db.prepare('SELECT * FROM outbox ORDER BY seq').all() as Record<string, string | number | null>[];
    expect(outbox.map((o) => o.field).sort()).toEqual([...fields].sort());
    expect(new Set(outbox.map((o) => o.op_id)).size).toBe(outbox.length);
    const hlcs = new Set([...clocks.map((c) => c.hlc), ...outbox.map((o) => o.hlc)]);
    expect(hlcs.size).toBe(1);
    const [hlc] = [...hlcs];
    expect(readMeta(db, 'hlc')).toBe(hlc);
    expect(outbox.every((o) => o.schema_version === latestSchemaVersion && o.batch_id === null)).toBe(true);

    // outbox values are JSON of the field's value; JSON columns are not double-encoded
    const value = (field: string) => JSON.parse(String(outbox.find((o) => o.field === field)!.value));
    expect(value('family_name')).toBe('Quxtrablinsky');
    expect(value('birth_date')).toEqual({ kind: 'year', year: 1991 });
    expect(value('team_id')).toBeNull();

    const audit = db.prepare('SELECT action, entity, row_id, details FROM audit_log').all();
    expect(audit).toEqual([{ action: 'create', entity: 'persons', row_id: personId, details: JSON.stringify({ fields }) }]);

    // the search hook ran inside the same transaction
    expect(indexerCalls).toEqual([
      { id: personId, familyName: 'Quxtrablinsky', otherSpellings: ['Kuxtrablinski Seynebowa'], inTransaction: true },
    ]);
  });

  it('an update writes only changed fields; a save without changes writes nothing', () => {
    createPerson();
    const outboxBefore = count('outbox');
    const clockBefore = db.prepare("SELECT hlc FROM field_clock WHERE field = 'family_name'").get() as { hlc: string };
    clock.advance(5000);
    const result = writeEntity(ctx, {
      entity: personsEntity,
      kind: 'update',
      rowId: personId,
      values: personToRow(samplePerson({ phone: '+49 211 555', otherSpellings: ['Kuxtrablinski Seynebowa', 'Quxtrablinski'] })),
    });
    expect(result.changedFields).toEqual(['other_spellings', 'phone']);
    const newRows = db.prepare('SELECT field, value, hlc FROM outbox WHERE seq > ? ORDER BY seq').all(outboxBefore) as { field: string; value: string; hlc: string }[];
    expect(newRows.map((r) => [r.field, JSON.parse(r.value)])).toEqual([
      ['other_spellings', ['Kuxtrablinski Seynebowa', 'Quxtrablinski']],
      ['phone', '+49 211 555'],
    ]);
    const phoneClock = db.prepare("SELECT hlc FROM field_clock WHERE field = 'phone'").get() as { hlc: string };
    expect(phoneClock.hlc > clockBefore.hlc).toBe(true);
    expect(db.prepare("SELECT hlc FROM field_clock WHERE field = 'family_name'").get()).toEqual(clockBefore);
    expect(db.prepare('SELECT updated_at FROM persons').get()).toEqual({ updated_at: new Date(clock.ms).toISOString() });
    expect(db.prepare("SELECT details FROM audit_log WHERE action = 'update'").get()).toEqual({
      details: '{"fields":["other_spellings","phone"]}',
    });

    const counts = ['outbox', 'audit_log', 'field_clock'].map(count);
    const same = writeEntity(ctx, { entity: personsEntity, kind: 'update', rowId: personId, values: personToRow(samplePerson({ phone: '+49 211 555', otherSpellings: ['Kuxtrablinski Seynebowa', 'Quxtrablinski'] })) });
    expect(same.changedFields).toEqual([]);
    expect(['outbox', 'audit_log', 'field_clock'].map(count)).toEqual(counts);
  });

  it('a failure in a hook rolls back row, clocks, outbox, audit and the HLC state', () => {
    createPerson();
    const snapshot = () => ({
      counts: ['persons', 'cases', 'field_clock', 'outbox', 'audit_log'].map(count),
      hlc: readMeta(db, 'hlc'),
    });
    const before = snapshot();
    const failing: EntityDefinition = {
      ...casesEntity,
      afterWrite: () => {
        throw new Error('hook failed');
      },
    };
    expect(() =>
      writeEntity(ctx, {
        entity: failing,
        kind: 'create',
        rowId: '0190f0b4-7c2d-7a3e-8f00-000000000001',
        values: { person_id: personId, phase: 'zugang', case_manager: 'x', opened_at: '2025-03-14' },
      }),
    ).toThrow('hook failed');
    expect(snapshot()).toEqual(before);
  });

  it('a failure in the audit append rolls back the row as well', () => {
    db.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;");
    expect(() => createPerson()).toThrow(/audit down/);
    expect(['persons', 'field_clock', 'outbox', 'audit_log'].map(count)).toEqual([0, 0, 0, 0]);
    expect(indexerCalls).toEqual([]);
  });

  it('a foreign-key violation (case of a missing person) rolls back', () => {
    expect(() =>
      writeEntity(ctx, {
        entity: casesEntity,
        kind: 'create',
        rowId: '0190f0b4-7c2d-7a3e-8f00-000000000002',
        values: { person_id: personId, phase: 'zugang', case_manager: 'x', opened_at: '2025-03-14' },
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(['cases', 'outbox', 'audit_log'].map(count)).toEqual([0, 0, 0]);
  });

  it('refuses field names that are not synced columns (nothing from input reaches SQL text)', () => {
    expect(() =>
      writeEntity(ctx, { entity: personsEntity, kind: 'update', rowId: personId, values: { 'family_name = 1; --': 'x' } }),
    ).toThrow(/unknown field/);
  });

  it('HLC stamps stay monotonic across a restart even when the wall clock goes back', () => {
    createPerson();
    const first = readMeta(db, 'hlc')!;
    clock.advance(-60_000);
    const restarted: WriteContext = { ...ctx, clock: loadClock(db, clock.now) };
    writeEntity(restarted, { entity: personsEntity, kind: 'update', rowId: personId, values: { phone: '+49 1' } });
    const second = readMeta(db, 'hlc')!;
    expect(second > first).toBe(true);
  });
});
