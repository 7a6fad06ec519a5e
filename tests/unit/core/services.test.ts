import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { call, createProfile, fail, FakeClock, makeCore, password, samplePerson, tempDir, userName, withDatabase } from './helpers';

/** The intake answers that, with samplePerson()'s arrival and status, meet the starting target group. */
const intakeAnswers = { no_other_cm: true, multiple_domains: true };

describe('domain services', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  it('persons.create / get / update round-trip every field', async () => {
    const clock = new FakeClock();
    const core = makeCore(dir, clock);
    await createProfile(core);
    const input = samplePerson();
    const created = await call(core, 'persons.create', input);
    expect(created).toEqual({
      ...input,
      id: expect.any(String),
      teamId: null,
      createdAt: new Date(clock.ms).toISOString(),
      updatedAt: new Date(clock.ms).toISOString(),
    });
    expect(await call(core, 'persons.get', { id: created.id })).toEqual(created);

    clock.advance(60_000);
    const minimal = { familyName: 'Haddad', givenNames: 'Yusuf', birthDate: { kind: 'unknown' as const }, gender: 'unbekannt' as const };
    const updated = await call(core, 'persons.update', { id: created.id, person: minimal });
    expect(updated).toEqual({
      ...minimal,
      otherSpellings: [],
      nationalities: [],
      languages: [],
      id: created.id,
      teamId: null,
      createdAt: created.createdAt,
      updatedAt: new Date(clock.ms).toISOString(),
    });
    expect(updated).not.toHaveProperty('residence');
    core.close();
  });

  it('NOT_FOUND for unknown persons, with a German message', async () => {
    const core = makeCore(dir);
    await createProfile(core);
    const id = uuidv7();
    for (const [channel, input] of [
      ['persons.get', { id }],
      ['persons.update', { id, person: samplePerson() }],
      ['cases.open', { personId: id }],
      ['cases.forPerson', { personId: id }],
    ] as const) {
      const error = await fail(core, channel, input);
      expect(error).toEqual({ code: 'NOT_FOUND', message: 'Diese Person wurde nicht gefunden. Vielleicht wurde sie gelöscht.' });
    }
    core.close();
  });

  it('cases.open: phase Zugang, the profile’s user, today’s LOCAL date; listed for the person', async () => {
    // 23:30 UTC on 14 March is already 15 March in Berlin; the test runs in the machine's zone
    const clock = new FakeClock(Date.UTC(2025, 2, 14, 23, 30));
    const core = makeCore(dir, clock);
    await createProfile(core);
    const person = await call(core, 'persons.create', samplePerson());
    const opened = await call(core, 'cases.open', { personId: person.id, answers: intakeAnswers });
    const local = new Date(clock.ms);
    const today = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`;
    expect(opened).toMatchObject({ personId: person.id, phase: 'zugang', caseManager: userName, openedAt: today, closedAt: null, teamId: null });
    expect(await call(core, 'cases.forPerson', { personId: person.id })).toEqual([opened]);
    core.close();
  });

  it('cases.mine: this user’s open cases, "Familienname, Vornamen", newest first', async () => {
    const clock = new FakeClock(Date.UTC(2025, 0, 10, 10));
    const core = makeCore(dir, clock);
    const profileId = await createProfile(core);
    const a = await call(core, 'persons.create', samplePerson({ familyName: 'Haddad', givenNames: 'Yusuf' }));
    const b = await call(core, 'persons.create', samplePerson({ familyName: 'Kovalenko', givenNames: 'Olena Petrivna' }));
    const first = await call(core, 'cases.open', { personId: a.id, answers: intakeAnswers });
    const second = await call(core, 'cases.open', { personId: b.id, answers: intakeAnswers });
    const closed = await call(core, 'cases.open', { personId: b.id, answers: intakeAnswers });
    const otherManagers = await call(core, 'cases.open', { personId: a.id, answers: intakeAnswers });
    core.close();
    await withDatabase(dir, profileId, (db) => {
      const setOpened = db.prepare('UPDATE cases SET opened_at = ? WHERE id = ?');
      setOpened.run('2025-01-03', first.id);
      setOpened.run('2025-01-07', second.id);
      setOpened.run('2025-01-09', closed.id);
      setOpened.run('2025-01-09', otherManagers.id);
      db.prepare("UPDATE cases SET closed_at = '2025-01-17' WHERE id = ?").run(closed.id);
      db.prepare("UPDATE cases SET case_manager = 'Jemand Anderes' WHERE id = ?").run(otherManagers.id);
    });
    await call(core, 'session.unlock', { profileId, password });
    expect(await call(core, 'cases.mine', {})).toEqual([
      { id: second.id, personId: b.id, personName: 'Kovalenko, Olena Petrivna', phase: 'zugang', openedAt: '2025-01-07', lastContactAt: null },
      { id: first.id, personId: a.id, personName: 'Haddad, Yusuf', phase: 'zugang', openedAt: '2025-01-03', lastContactAt: null },
    ]);
    core.close();
  });

  it('settings: defaults, partial update, invalid values refused', async () => {
    const core = makeCore(dir);
    await createProfile(core);
    expect(await call(core, 'settings.get', {})).toEqual({ autoLockMinutes: 10, locale: 'de' });
    expect(await call(core, 'settings.update', { locale: 'en' })).toEqual({ autoLockMinutes: 10, locale: 'en' });
    const error = await fail(core, 'settings.update', { autoLockMinutes: 0 });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.fieldErrors).toHaveProperty('autoLockMinutes');
    const status = await call(core, 'session.status', {});
    expect(status).toMatchObject({ state: 'unlocked', settings: { autoLockMinutes: 10, locale: 'en' } });
    core.close();
  });

  it('persons.search and persons.findDuplicates reach the search module', async () => {
    const core = makeCore(dir);
    await createProfile(core);
    await call(core, 'persons.create', samplePerson());
    // the search module owns ranking; here only that the channels answer with its result type
    expect(Array.isArray(await call(core, 'persons.search', { query: 'Quxtra' }))).toBe(true);
    expect(
      Array.isArray(
        await call(core, 'persons.findDuplicates', { familyName: 'Quxtrablinsky', givenNames: 'Amira', birthDate: { kind: 'unknown' } }),
      ),
    ).toBe(true);
    core.close();
  });
});
