import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../../shared/ids';
import { call, fail } from '../../core/helpers';
import { careHarness, openTestCase, personWithCase, rowsOf, type CareHarness } from './care-harness';

describe('Hilfeplan: goals and steps', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  it('goals listed by life domain, then date agreed, each with its steps and partner names', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const work = await call(h.core, 'goals.create', { caseId, lifeDomain: 'ausbildung_arbeit', description: 'Anerkennung des Abschlusses', agreedAt: '2025-03-10' });
    const languageLate = await call(h.core, 'goals.create', { caseId, lifeDomain: 'sprache', description: 'B1-Prüfung', agreedAt: '2025-03-12', dueAt: '2025-12-31' });
    const languageEarly = await call(h.core, 'goals.create', { caseId, lifeDomain: 'sprache', description: 'Integrationskurs beginnen', agreedAt: '2025-03-01' });
    expect(work).toMatchObject({ status: 'offen', dueAt: null, steps: [] });

    const withStep = await call(h.core, 'steps.create', { goalId: languageEarly.id, description: 'Anmeldung beim Kursträger', responsible: 'partner', partnerId: 'ik-vhs', dueAt: '2025-03-31' });
    expect(withStep.steps).toEqual([
      {
        id: expect.any(String),
        goalId: languageEarly.id,
        description: 'Anmeldung beim Kursträger',
        responsible: 'partner',
        partnerId: 'ik-vhs',
        partnerName: 'Integrationskurse VHS',
        dueAt: '2025-03-31',
        doneAt: null,
      },
    ]);
    // a partner id sent along for a step the person does is not kept
    const own = await call(h.core, 'steps.create', { goalId: languageEarly.id, description: 'Unterlagen mitbringen', responsible: 'klient', partnerId: 'ik-vhs' });
    expect(own.steps[1]).toMatchObject({ responsible: 'klient', partnerId: null, partnerName: null, dueAt: null });

    const plan = await call(h.core, 'goals.list', { caseId });
    expect(plan.map((goal) => goal.id)).toEqual([languageEarly.id, languageLate.id, work.id]);
    expect(plan[0]?.steps.map((step) => step.description)).toEqual(['Anmeldung beim Kursträger', 'Unterlagen mitbringen']);
    expect(rowsOf(h, 'goal_steps').every((row) => row.person_id === personId && row.case_id === caseId)).toBe(true);
  });

  it('steps.setDone and goals.update return the goal; dueAt can be cleared', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    const goal = await call(h.core, 'goals.create', { caseId, lifeDomain: 'wohnen', description: 'Eigene Wohnung', agreedAt: '2025-03-01', dueAt: '2025-09-30' });
    const withStep = await call(h.core, 'steps.create', { goalId: goal.id, description: 'WBS beantragen', responsible: 'fallmanagement' });
    const stepId = withStep.steps[0]!.id;

    const done = await call(h.core, 'steps.setDone', { id: stepId, doneAt: '2025-03-14' });
    expect(done.steps[0]?.doneAt).toBe('2025-03-14');
    expect((await call(h.core, 'steps.setDone', { id: stepId, doneAt: null })).steps[0]?.doneAt).toBeNull();

    const updated = await call(h.core, 'goals.update', { id: goal.id, status: 'in_arbeit', description: 'Eigene Wohnung in Hilden' });
    expect(updated).toMatchObject({ status: 'in_arbeit', description: 'Eigene Wohnung in Hilden', dueAt: '2025-09-30', steps: [{ id: stepId }] });
    expect((await call(h.core, 'goals.update', { id: goal.id, dueAt: null })).dueAt).toBeNull();

    const early = await fail(h.core, 'goals.update', { id: goal.id, dueAt: '2025-02-01' });
    expect(early).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { dueAt: 'Fällig am liegt vor dem Vereinbarungsdatum' } });
  });

  it('refusals: unknown partner, unknown goal or step, closed case', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const goal = await call(h.core, 'goals.create', { caseId, lifeDomain: 'gesundheit', description: 'Hausarzt finden', agreedAt: '2025-03-01' });
    expect((await fail(h.core, 'steps.create', { goalId: goal.id, description: 'Termin', responsible: 'partner', partnerId: 'gibt-es-nicht' })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'steps.create', { goalId: goal.id, description: 'Termin', responsible: 'partner' })).code).toBe('INVALID_INPUT');
    expect((await fail(h.core, 'steps.create', { goalId: uuidv7(), description: 'Termin', responsible: 'klient' })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'steps.setDone', { id: uuidv7(), doneAt: '2025-03-14' })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'goals.update', { id: uuidv7(), status: 'erreicht' })).code).toBe('NOT_FOUND');
    expect(rowsOf(h, 'goal_steps')).toHaveLength(0);

    const closed = openTestCase(h, personId, { phase: 'abschluss', closed_at: '2025-03-10' });
    expect((await fail(h.core, 'goals.create', { caseId: closed, lifeDomain: 'gesundheit', description: 'x', agreedAt: '2025-03-01' })).code).toBe('INVALID_TRANSITION');
    expect((await fail(h.core, 'goals.list', { caseId: uuidv7() })).code).toBe('NOT_FOUND');
  });
});
