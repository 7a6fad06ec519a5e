import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index';
import { call, createProfile, fail, FakeClock, makeCore, password, samplePerson, tempDir, userName } from '../../core/helpers';

// FakeClock: 14.03.2025, 09:30 UTC. samplePerson's permit runs until 30.09.2025.
const dayMs = 86_400_000;
let core: Core;
let clock: FakeClock;
let cleanup: () => void;
let profileId: string;

beforeEach(async () => {
  const dir = tempDir();
  cleanup = dir.cleanup;
  clock = new FakeClock();
  core = makeCore(dir.dir, clock);
  profileId = await createProfile(core);
});
afterEach(() => {
  core.close();
  cleanup();
});

async function personWithCase() {
  const person = await call(core, 'persons.create', samplePerson());
  const opened = await call(core, 'cases.open', { personId: person.id, overrideReason: 'Test' });
  return { personId: person.id, caseId: opened.id };
}

describe('manual tasks through the channels', () => {
  it('create, list by person and by case, mark done (done_at set) and reopen (cleared)', async () => {
    const { personId, caseId } = await personWithCase();
    const task = await call(core, 'tasks.create', { personId, caseId, title: 'Unterlagen Jobcenter nachreichen', dueAt: '2025-03-20', note: 'Kontoauszüge' });
    expect(task).toMatchObject({
      personId,
      caseId,
      personName: 'Quxtrablinsky, Zeynepova Amira',
      source: 'manual',
      rule: null,
      status: 'offen',
      doneAt: null,
      assignee: userName,
      note: 'Kontoauszüge',
    });
    const undated = await call(core, 'tasks.create', { personId, title: 'Rückruf', dueAt: '2025-03-15' });
    expect(undated.caseId).toBeNull();

    expect((await call(core, 'tasks.list', { personId })).map((t) => t.title)).toEqual(['Rückruf', 'Unterlagen Jobcenter nachreichen']);
    expect((await call(core, 'tasks.list', { caseId })).map((t) => t.id)).toEqual([task.id]);
    expect((await call(core, 'tasks.list', {})).map((t) => t.id)).toHaveLength(2);

    const done = await call(core, 'tasks.setStatus', { id: task.id, status: 'erledigt' });
    expect(done).toMatchObject({ status: 'erledigt', doneAt: '2025-03-14' });
    expect(await call(core, 'tasks.list', { caseId })).toEqual([]);
    expect((await call(core, 'tasks.list', { caseId, includeDone: true })).map((t) => t.status)).toEqual(['erledigt']);

    const reopened = await call(core, 'tasks.setStatus', { id: task.id, status: 'offen' });
    expect(reopened).toMatchObject({ status: 'offen', doneAt: null });
  });

  it('refuses what does not fit, in German', async () => {
    const { personId } = await personWithCase();
    const other = await call(core, 'persons.create', samplePerson({ familyName: 'Andere', givenNames: 'Person' }));
    const otherCase = await call(core, 'cases.open', { personId: other.id, overrideReason: 'Test' });

    const mismatch = await fail(core, 'tasks.create', { personId, caseId: otherCase.id, title: 'x', dueAt: '2025-03-20' });
    expect(mismatch).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { caseId: 'Der Fall gehört zu einer anderen Person.' } });
    expect((await fail(core, 'tasks.create', { personId, title: '', dueAt: '2025-03-20' })).code).toBe('INVALID_INPUT');
    const unknown = '0195a1b2-0000-7000-8000-000000000000';
    expect((await fail(core, 'tasks.create', { personId: unknown, title: 'x', dueAt: '2025-03-20' })).code).toBe('NOT_FOUND');
    expect(await fail(core, 'tasks.setStatus', { id: unknown, status: 'erledigt' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Diese Wiedervorlage wurde nicht gefunden. Vielleicht wurde sie gelöscht.',
    });
  });
});

describe('"Heute" and the rule settings through the channels', () => {
  it('a permit expiry becomes a task once the lead covers it; done, it stays done', async () => {
    const { personId } = await personWithCase();
    expect((await call(core, 'tasks.today', {})).dueToday).toEqual([]);

    expect(await call(core, 'tasks.ruleSettings.update', { permitExpiryLeadDays: 200 })).toMatchObject({ permitExpiryLeadDays: 200, consentExpiryLeadDays: 30 });
    expect(await call(core, 'tasks.ruleSettings.get', {})).toMatchObject({ permitExpiryLeadDays: 200 });

    const today = await call(core, 'tasks.today', {});
    expect(today.openCases).toBe(1);
    const [permit] = today.dueToday;
    expect(permit).toMatchObject({ personId, source: 'rule', rule: 'permit_expiry', title: 'Aufenthaltstitel läuft am 30.09.2025 ab' });
    expect(today.fresh.map((t) => t.id)).toEqual([permit!.id]);

    await call(core, 'tasks.setStatus', { id: permit!.id, status: 'erledigt' });
    clock.advance(dayMs); // the next morning (the idle profile locked itself overnight)
    await call(core, 'session.unlock', { profileId, password });
    const tomorrow = await call(core, 'tasks.today', {});
    expect([...tomorrow.overdue, ...tomorrow.dueToday, ...tomorrow.upcoming, ...tomorrow.fresh]).toEqual([]);
    expect((await call(core, 'tasks.list', { personId, includeDone: true })).map((t) => t.status)).toEqual(['erledigt']);
  });

  it('refuses lead times outside their range', async () => {
    expect((await fail(core, 'tasks.ruleSettings.update', { noContactWeeks: 0 })).code).toBe('INVALID_INPUT');
    expect((await fail(core, 'tasks.ruleSettings.update', { permitExpiryLeadDays: 400 })).code).toBe('INVALID_INPUT');
  });
});
