import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultTaskRuleSettings, type TaskRuleSettings } from '../../../../shared/domain/task';
import { evaluateTaskRules, type OpenCaseFact, type RuleFacts } from '../../../../electron/core/casework/tasks/rules';
import { ruleTaskId } from '../../../../electron/core/casework/tasks/stable-id';

const today = '2025-03-14';
const user = 'Erika Beispiel';
const personA = '0195a1b2-0000-7000-8000-00000000000a';
const personB = '0195a1b2-0000-7000-8000-00000000000b';
const caseA = '0195a1b2-0000-7000-8000-0000000000ca';
const caseA2 = '0195a1b2-0000-7000-8000-0000000000c2';
const caseB = '0195a1b2-0000-7000-8000-0000000000cb';

function openCase(overrides: Partial<OpenCaseFact> = {}): OpenCaseFact {
  return {
    caseId: caseA,
    personId: personA,
    caseManager: user,
    openedAt: '2025-03-01',
    lastContactAt: '2025-03-10',
    permitValidUntil: null,
    ...overrides,
  };
}

function facts(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return { openCases: [openCase()], consents: [], goals: [], deadlines: [], ...overrides };
}

const run = (f: RuleFacts, settings: TaskRuleSettings = defaultTaskRuleSettings, on = today) => evaluateTaskRules(f, settings, on);
const ofRule = (f: RuleFacts, rule: string, settings?: TaskRuleSettings, on?: string) => run(f, settings, on).filter((t) => t.rule === rule);

describe('permit_expiry', () => {
  const withPermit = (validUntil: string) => facts({ openCases: [openCase({ permitValidUntil: validUntil })] });

  it('creates a task when the permit expires within the lead time, due at the start of the window', () => {
    const [task, ...rest] = ofRule(withPermit('2025-05-31'), 'permit_expiry');
    expect(rest).toHaveLength(0);
    expect(task).toMatchObject({
      title: 'Aufenthaltstitel läuft am 31.05.2025 ab',
      personId: personA,
      caseId: caseA,
      ruleRef: personA,
      assignee: user,
      // 31.05. − 90 days = 02.03., before today: due today, not "overdue" since before it existed
      dueAt: today,
    });
  });

  it('is due lead days before expiry when that day is still ahead', () => {
    // the window starts in 10 days: not yet a task …
    expect(ofRule(withPermit('2025-06-22'), 'permit_expiry')).toHaveLength(0);
    // … and on the day it starts, a task due that day
    expect(ofRule(withPermit('2025-06-22'), 'permit_expiry', defaultTaskRuleSettings, '2025-03-24')[0]?.dueAt).toBe('2025-03-24');
  });

  it('boundary: exactly lead days ahead is inside, one day more is outside', () => {
    expect(ofRule(withPermit('2025-06-12'), 'permit_expiry')).toHaveLength(1); // 14.03. + 90 = 12.06.
    expect(ofRule(withPermit('2025-06-13'), 'permit_expiry')).toHaveLength(0);
  });

  it('an expired permit gives a task that says so, due today', () => {
    const [task] = ofRule(withPermit('2025-02-01'), 'permit_expiry');
    expect(task).toMatchObject({ title: 'Aufenthaltstitel ist am 01.02.2025 abgelaufen', dueAt: today });
  });

  it('needs an open case: no facts for the person, no task', () => {
    expect(ofRule(facts({ openCases: [] }), 'permit_expiry')).toHaveLength(0);
  });

  it('one task per person, on the most recently opened case, however many cases are open', () => {
    const f = facts({
      openCases: [
        openCase({ permitValidUntil: '2025-04-30' }),
        openCase({ caseId: caseA2, openedAt: '2025-03-05', permitValidUntil: '2025-04-30' }),
      ],
    });
    const tasks = ofRule(f, 'permit_expiry');
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.caseId).toBe(caseA2);
  });

  it('a deadline of kind aufenthaltstitel_ablauf counts too, and the same date is the same task', () => {
    const deadline = { id: '0195a1b2-0000-7000-8000-0000000000d1', personId: personA, caseId: caseA, kind: 'aufenthaltstitel_ablauf', dueAt: '2025-04-30' };
    const onlyDeadline = ofRule(facts({ deadlines: [deadline] }), 'permit_expiry');
    expect(onlyDeadline).toHaveLength(1);
    expect(onlyDeadline[0]?.title).toBe('Aufenthaltstitel läuft am 30.04.2025 ab');
    const both = ofRule(facts({ openCases: [openCase({ permitValidUntil: '2025-04-30' })], deadlines: [deadline] }), 'permit_expiry');
    expect(both.map((t) => t.id)).toEqual(onlyDeadline.map((t) => t.id));
    // it is not also a generic deadline task
    expect(ofRule(facts({ deadlines: [deadline] }), 'deadline')).toHaveLength(0);
  });

  it('two permit deadlines with the same date on different cases: one task, on the same case in any row order', () => {
    const first = { id: '0195a1b2-0000-7000-8000-0000000000d1', personId: personA, caseId: caseA, kind: 'aufenthaltstitel_ablauf', dueAt: '2025-04-30' };
    const second = { ...first, id: '0195a1b2-0000-7000-8000-0000000000d9', caseId: caseA2 };
    const cases = [openCase(), openCase({ caseId: caseA2, caseManager: 'Kim Kollegin' })];
    const one = ofRule(facts({ openCases: cases, deadlines: [first, second] }), 'permit_expiry');
    const other = ofRule(facts({ openCases: [...cases].reverse(), deadlines: [second, first] }), 'permit_expiry');
    expect(one).toHaveLength(1);
    expect(other).toEqual(one);
    expect(one[0]?.caseId).toBe(caseA);
  });

  it('a settings change moves the lead', () => {
    const f = withPermit('2025-07-31'); // 139 days ahead
    expect(ofRule(f, 'permit_expiry')).toHaveLength(0);
    const longer = { ...defaultTaskRuleSettings, permitExpiryLeadDays: 150 };
    expect(ofRule(f, 'permit_expiry', longer)).toHaveLength(1);
    const shorter = { ...defaultTaskRuleSettings, permitExpiryLeadDays: 30 };
    expect(ofRule(withPermit('2025-05-31'), 'permit_expiry', shorter)).toHaveLength(0);
  });
});

describe('consent_expiry', () => {
  const consent = (overrides: Partial<RuleFacts['consents'][number]> = {}) => ({
    id: '0195a1b2-0000-7000-8000-0000000000e1',
    personId: personA,
    caseId: null,
    purpose: 'schweigepflichtentbindung',
    recipientPartnerId: 'jobcenter-mettmann',
    recipientName: 'Jobcenter ME-aktiv',
    validUntil: '2025-04-10',
    ...overrides,
  });

  it('inside the lead (30 days), due at the start of the window, on the person’s open case', () => {
    const [task] = ofRule(facts({ consents: [consent()] }), 'consent_expiry');
    expect(task).toMatchObject({
      title: 'Einwilligung für Jobcenter ME-aktiv läuft am 10.04.2025 ab',
      dueAt: today, // 10.04. − 30 = 11.03., before today
      caseId: caseA,
      ruleRef: '0195a1b2-0000-7000-8000-0000000000e1',
    });
  });

  it('boundary and outside; past; no limit', () => {
    expect(ofRule(facts({ consents: [consent({ validUntil: '2025-04-13' })] }), 'consent_expiry')).toHaveLength(1);
    expect(ofRule(facts({ consents: [consent({ validUntil: '2025-04-14' })] }), 'consent_expiry')).toHaveLength(0);
    expect(ofRule(facts({ consents: [consent({ validUntil: '2025-01-31' })] }), 'consent_expiry')[0]?.title).toBe(
      'Einwilligung für Jobcenter ME-aktiv ist am 31.01.2025 abgelaufen',
    );
    expect(ofRule(facts({ consents: [consent({ validUntil: null })] }), 'consent_expiry')).toHaveLength(0);
  });

  it('a renewed consent (same purpose and recipient, valid longer) needs no reminder', () => {
    const renewed = consent({ id: '0195a1b2-0000-7000-8000-0000000000e2', validUntil: '2026-04-10' });
    expect(ofRule(facts({ consents: [consent(), renewed] }), 'consent_expiry')).toHaveLength(0);
    const otherRecipient = { ...renewed, recipientPartnerId: 'abh-mettmann' };
    expect(ofRule(facts({ consents: [consent(), otherRecipient] }), 'consent_expiry')).toHaveLength(1);
  });

  it('a person without an open case gets no consent task', () => {
    expect(ofRule(facts({ consents: [consent({ personId: personB })] }), 'consent_expiry')).toHaveLength(0);
  });
});

describe('goal_due and deadline', () => {
  const goal = (dueAt: string) => ({ id: '0195a1b2-0000-7000-8000-0000000000f1', personId: personA, caseId: caseA, lifeDomain: 'wohnen', dueAt });
  const deadline = (dueAt: string, kind = 'p25b') => ({ id: '0195a1b2-0000-7000-8000-0000000000d2', personId: personA, caseId: caseA, kind, dueAt });

  it('a goal due within 7 days gets a task due on the goal’s date', () => {
    const [task] = ofRule(facts({ goals: [goal('2025-03-21')] }), 'goal_due');
    expect(task).toMatchObject({ title: 'Ziel im Handlungsfeld Wohnen fällig am 21.03.2025', dueAt: '2025-03-21' });
    expect(ofRule(facts({ goals: [goal('2025-03-22')] }), 'goal_due')).toHaveLength(0);
  });

  it('a goal already past its date is overdue (the real date is kept)', () => {
    expect(ofRule(facts({ goals: [goal('2025-02-28')] }), 'goal_due')[0]?.dueAt).toBe('2025-02-28');
  });

  it('lead 0: only on the due day', () => {
    const zero = { ...defaultTaskRuleSettings, goalDueLeadDays: 0 };
    expect(ofRule(facts({ goals: [goal('2025-03-15')] }), 'goal_due', zero)).toHaveLength(0);
    expect(ofRule(facts({ goals: [goal('2025-03-14')] }), 'goal_due', zero)).toHaveLength(1);
  });

  it('a goal of a case that is not open is ignored', () => {
    expect(ofRule(facts({ goals: [{ ...goal('2025-03-15'), caseId: caseB }] }), 'goal_due')).toHaveLength(0);
  });

  it('deadlines within 14 days, due on their date', () => {
    const [task] = ofRule(facts({ deadlines: [deadline('2025-03-28')] }), 'deadline');
    expect(task).toMatchObject({ title: 'Frist (§ 25b AufenthG) am 28.03.2025', dueAt: '2025-03-28' });
    expect(ofRule(facts({ deadlines: [deadline('2025-03-29')] }), 'deadline')).toHaveLength(0);
    expect(ofRule(facts({ deadlines: [deadline('2025-03-01', 'sonstige')] }), 'deadline')[0]?.title).toBe('Frist am 01.03.2025');
  });
});

describe('no_contact', () => {
  it('from the 42nd day after the last contact (6 weeks), due that day', () => {
    expect(ofRule(facts({ openCases: [openCase({ lastContactAt: '2025-02-01' })] }), 'no_contact')).toHaveLength(0); // 41 days
    const [task] = ofRule(facts({ openCases: [openCase({ lastContactAt: '2025-01-31' })] }), 'no_contact'); // 42 days
    expect(task).toMatchObject({ title: 'Kein Kontakt seit 31.01.2025', dueAt: today, ruleRef: caseA });
  });

  it('without any contact, counts from the opening of the case', () => {
    const [task] = ofRule(facts({ openCases: [openCase({ lastContactAt: null, openedAt: '2025-01-02' })] }), 'no_contact');
    expect(task).toMatchObject({ title: 'Kein Kontakt seit Fallbeginn am 02.01.2025', dueAt: today }); // 02.01. + 42 days = 13.02., before today
  });

  it('a settings change moves the threshold', () => {
    const f = facts({ openCases: [openCase({ lastContactAt: '2025-02-10' })] }); // 32 days
    expect(ofRule(f, 'no_contact')).toHaveLength(0);
    expect(ofRule(f, 'no_contact', { ...defaultTaskRuleSettings, noContactWeeks: 4 })).toHaveLength(1);
  });

  it('a new contact is a new condition: a different id', () => {
    const before = ofRule(facts({ openCases: [openCase({ lastContactAt: '2025-01-01' })] }), 'no_contact');
    const after = ofRule(facts({ openCases: [openCase({ lastContactAt: '2025-01-20' })] }), 'no_contact');
    expect(before[0]?.id).not.toBe(after[0]?.id);
  });
});

describe('stable ids and assignees', () => {
  const rich = facts({
    openCases: [openCase({ permitValidUntil: '2025-04-30', lastContactAt: '2025-01-01' }), openCase({ caseId: caseB, personId: personB, caseManager: '', lastContactAt: '2025-01-01' })],
    goals: [{ id: '0195a1b2-0000-7000-8000-0000000000f1', personId: personA, caseId: caseA, lifeDomain: 'sprache', dueAt: '2025-03-20' }],
  });

  it('two evaluations (another day, another device) give the same ids', () => {
    const first = run(rich).map((t) => t.id).sort();
    const second = run(rich, defaultTaskRuleSettings, '2025-03-15').map((t) => t.id).sort();
    expect(first.length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it('ids derive from rule, row and key date, and are RFC 4122 UUIDs (version 8)', () => {
    const id = ruleTaskId('permit_expiry', personA, '2025-04-30');
    expect(id).toBe(ruleTaskId('permit_expiry', personA, '2025-04-30'));
    expect(id).not.toBe(ruleTaskId('permit_expiry', personA, '2025-05-01'));
    expect(id).not.toBe(ruleTaskId('consent_expiry', personA, '2025-04-30'));
    expect(id[14]).toBe('8');
    expect(z.string().uuid().safeParse(id).success).toBe(true);
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(run(rich).find((t) => t.rule === 'permit_expiry')?.id).toBe(id);
  });

  it('the case manager is the assignee; a case without one gets no rule tasks (no device may claim them)', () => {
    const colleague = facts({ openCases: [openCase({ caseManager: 'Kim Kollegin', lastContactAt: '2025-01-01' })] });
    expect(ofRule(colleague, 'no_contact')[0]?.assignee).toBe('Kim Kollegin');
    expect(run(rich).filter((t) => t.caseId === caseB)).toHaveLength(0);
  });

  it('a person-level task goes to the newest open case with a case manager, whoever runs the rules', () => {
    const f = facts({
      openCases: [
        openCase({ permitValidUntil: '2025-04-30' }),
        openCase({ caseId: caseA2, caseManager: 'Kim Kollegin', openedAt: '2025-03-05', permitValidUntil: '2025-04-30' }),
        // newer still, but without a case manager: not a candidate
        openCase({ caseId: caseB, caseManager: '  ', openedAt: '2025-03-10', permitValidUntil: '2025-04-30' }),
      ],
    });
    expect(ofRule(f, 'permit_expiry')).toMatchObject([{ caseId: caseA2, assignee: 'Kim Kollegin' }]);
    // same opening day: the higher id wins, in any input order
    const sameDay = [openCase({ permitValidUntil: '2025-04-30' }), openCase({ caseId: caseA2, permitValidUntil: '2025-04-30' })];
    const winner = [caseA, caseA2].sort().at(-1);
    expect(ofRule(facts({ openCases: sameDay }), 'permit_expiry')[0]?.caseId).toBe(winner);
    expect(ofRule(facts({ openCases: [...sameDay].reverse() }), 'permit_expiry')[0]?.caseId).toBe(winner);
  });
});
