import { afterEach, describe, expect, it } from 'vitest';
import { refreshRuleTasks } from '../../../../electron/core/casework/tasks/refresh';
import { getTaskRuleSettings, updateTaskRuleSettings } from '../../../../electron/core/casework/tasks/rule-settings';
import { ruleTaskId } from '../../../../electron/core/casework/tasks/stable-id';
import { createTask, setTaskStatus } from '../../../../electron/core/casework/tasks/tasks';
import { todayDashboard } from '../../../../electron/core/casework/tasks/today';
import type { Workspace } from '../../../../electron/core/session/session';
import { casesEntity, consentsEntity, goalsEntity, personsEntity } from '../../../../electron/core/write/entities';
import { userName } from '../../core/helpers';
import {
  addCase,
  addConsent,
  addContact,
  addDeadline,
  addGoal,
  addPerson,
  openWorld,
  ruleTaskRows,
  taskRow,
  update,
  type TaskWorld,
} from './task-fixtures';

// FakeClock: 14.03.2025, 09:30 UTC
const dayMs = 86_400_000;
let world: TaskWorld;
afterEach(() => world?.close());

/** One person with one open case and something for every rule. */
function seedAllRules(ws: Workspace) {
  const personId = addPerson(ws, '2025-05-31');
  const caseId = addCase(ws, personId, { last_contact_at: '2025-01-20' });
  const consentId = addConsent(ws, personId, '2025-04-01');
  const goalId = addGoal(ws, personId, caseId, '2025-03-18');
  const deadlineId = addDeadline(ws, personId, caseId, 'p25b', '2025-03-25');
  return { personId, caseId, consentId, goalId, deadlineId };
}

const count = (ws: Workspace, sql: string): number => (ws.db.prepare(sql).get() as { n: number }).n;

describe('refreshRuleTasks', () => {
  it('creates one task per rule through the write path (so it syncs and is audited)', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    const outboxBefore = count(ws, 'SELECT count(*) AS n FROM outbox');

    expect(refreshRuleTasks(ws)).toEqual({ created: 5, reassigned: 0, dropped: 0, revived: 0 });

    const rows = ruleTaskRows(ws);
    expect(rows.map((r) => r.rule).sort()).toEqual(['consent_expiry', 'deadline', 'goal_due', 'no_contact', 'permit_expiry']);
    for (const row of rows) expect(row).toMatchObject({ source: 'rule', status: 'offen', assignee: userName, person_id: seed.personId, case_id: seed.caseId });
    expect(taskRow(ws, ruleTaskId('permit_expiry', seed.personId, '2025-05-31'))?.title).toBe('Aufenthaltstitel läuft am 31.05.2025 ab');
    expect(taskRow(ws, ruleTaskId('goal_due', seed.goalId, '2025-03-18'))?.due_at).toBe('2025-03-18');
    expect(count(ws, "SELECT count(DISTINCT row_id) AS n FROM outbox WHERE entity = 'tasks'")).toBe(5);
    expect(count(ws, 'SELECT count(*) AS n FROM outbox')).toBeGreaterThan(outboxBefore);
    expect(count(ws, "SELECT count(*) AS n FROM audit_log WHERE entity = 'tasks' AND action = 'create'")).toBe(5);
  });

  it('running again creates nothing and writes nothing', () => {
    world = openWorld();
    const { ws } = world;
    seedAllRules(ws);
    refreshRuleTasks(ws);
    const audit = count(ws, 'SELECT count(*) AS n FROM audit_log');
    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 0, revived: 0 });
    expect(count(ws, 'SELECT count(*) AS n FROM audit_log')).toBe(audit);
    expect(ruleTaskRows(ws)).toHaveLength(5);
  });

  it('sets the task of a condition that is gone to entfallen, without a done day (nobody closed it)', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    refreshRuleTasks(ws);
    world.clock.advance(dayMs); // 15.03.

    // permit renewed until 2027 (outside the lead), consent withdrawn, goal reached,
    // deadline met, and a contact today (the contacts service moves the case's last contact)
    update(ws, personsEntity, seed.personId, { residence: JSON.stringify({ status: 'ae_25_2', validUntil: '2027-05-31' }) });
    update(ws, consentsEntity, seed.consentId, { withdrawn_at: '2025-03-15' });
    update(ws, goalsEntity, seed.goalId, { status: 'erreicht' });
    ws.db.prepare('UPDATE deadlines SET done_at = ? WHERE id = ?').run('2025-03-15', seed.deadlineId);
    addContact(ws, seed.personId, seed.caseId, '2025-03-15');
    update(ws, casesEntity, seed.caseId, { last_contact_at: '2025-03-15' });

    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 5, revived: 0 });
    for (const row of ruleTaskRows(ws)) expect(row).toMatchObject({ status: 'entfallen', done_at: null });
  });

  it('a task that fell away by itself opens again when its condition holds again; one the user dropped does not', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    refreshRuleTasks(ws);
    const goalTask = ruleTaskId('goal_due', seed.goalId, '2025-03-18');
    const permitTask = ruleTaskId('permit_expiry', seed.personId, '2025-05-31');

    update(ws, goalsEntity, seed.goalId, { status: 'erreicht' });
    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 1, revived: 0 });
    update(ws, goalsEntity, seed.goalId, { status: 'in_arbeit' });
    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 0, revived: 1 });
    expect(taskRow(ws, goalTask)).toMatchObject({ status: 'offen', done_at: null });

    // closing the case drops all five; reopening it brings back those the user had not closed
    setTaskStatus(ws, permitTask, 'entfallen');
    update(ws, casesEntity, seed.caseId, { phase: 'abschluss', closed_at: '2025-03-14' });
    expect(refreshRuleTasks(ws).dropped).toBe(4);
    update(ws, casesEntity, seed.caseId, { phase: 'umsetzung', closed_at: null });
    expect(refreshRuleTasks(ws).revived).toBe(4);
    expect(taskRow(ws, permitTask)).toMatchObject({ status: 'entfallen', done_at: '2025-03-14' });
  });

  it('leaves alone a rule task whose case has not arrived by sync yet', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    refreshRuleTasks(ws);
    // as if the tasks had been pulled before their case: the case row is not there
    ws.db.prepare('DELETE FROM cases WHERE id = ?').run(seed.caseId);
    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 0, revived: 0 });
    expect(ruleTaskRows(ws).every((row) => row.status === 'offen')).toBe(true);
  });

  it('a renewed permit that expires within the lead again is a new task beside the dropped one', () => {
    world = openWorld();
    const { ws } = world;
    const personId = addPerson(ws, '2025-04-30');
    addCase(ws, personId);
    refreshRuleTasks(ws);
    update(ws, personsEntity, personId, { residence: JSON.stringify({ status: 'fiktion', validUntil: '2025-06-10' }) });
    expect(refreshRuleTasks(ws)).toMatchObject({ created: 1, dropped: 1 });
    expect(taskRow(ws, ruleTaskId('permit_expiry', personId, '2025-04-30'))?.status).toBe('entfallen');
    expect(taskRow(ws, ruleTaskId('permit_expiry', personId, '2025-06-10'))).toMatchObject({
      status: 'offen',
      title: 'Aufenthaltstitel läuft am 10.06.2025 ab',
    });
  });

  it('never touches or recreates a task the user marked erledigt or entfallen', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    refreshRuleTasks(ws);
    const permitTask = ruleTaskId('permit_expiry', seed.personId, '2025-05-31');
    const goalTask = ruleTaskId('goal_due', seed.goalId, '2025-03-18');
    setTaskStatus(ws, permitTask, 'erledigt');
    setTaskStatus(ws, goalTask, 'entfallen');
    world.clock.advance(dayMs);

    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 0, revived: 0 });
    expect(taskRow(ws, permitTask)).toMatchObject({ status: 'erledigt', done_at: '2025-03-14' });
    expect(taskRow(ws, goalTask)).toMatchObject({ status: 'entfallen', done_at: '2025-03-14' });
    expect(ruleTaskRows(ws)).toHaveLength(5);

    // even once its condition is gone, a done task keeps its status
    update(ws, goalsEntity, seed.goalId, { status: 'erreicht' });
    refreshRuleTasks(ws);
    expect(taskRow(ws, permitTask)?.status).toBe('erledigt');
  });

  it('a closed case drops its open rule tasks', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    refreshRuleTasks(ws);
    update(ws, casesEntity, seed.caseId, { phase: 'abschluss', closed_at: '2025-03-14', close_reason: 'ziele_erreicht' });
    expect(refreshRuleTasks(ws).dropped).toBe(5);
  });

  it('a case handed over: my device leaves its tasks, the new case manager’s device takes them over', () => {
    world = openWorld();
    const { ws } = world;
    const seed = seedAllRules(ws);
    refreshRuleTasks(ws);
    update(ws, casesEntity, seed.caseId, { case_manager: 'Kim Kollegin' });

    expect(refreshRuleTasks(ws)).toEqual({ created: 0, reassigned: 0, dropped: 0, revived: 0 });
    expect(ruleTaskRows(ws).every((row) => row.status === 'offen' && row.assignee === userName)).toBe(true);

    const colleague: Workspace = { ...ws, profile: { ...ws.profile, userName: 'Kim Kollegin' } };
    expect(refreshRuleTasks(colleague)).toEqual({ created: 0, reassigned: 5, dropped: 0, revived: 0 });
    expect(ruleTaskRows(ws).every((row) => row.status === 'offen' && row.assignee === 'Kim Kollegin')).toBe(true);
  });

  it('rules look only at the user’s own open cases', () => {
    world = openWorld();
    const { ws } = world;
    const personId = addPerson(ws, '2025-04-30');
    addCase(ws, personId, { case_manager: 'Kim Kollegin', last_contact_at: '2024-12-01' });
    const closedPerson = addPerson(ws, '2025-04-30', 'Rahimi');
    addCase(ws, closedPerson, { closed_at: '2025-03-01', phase: 'abschluss' });
    expect(refreshRuleTasks(ws).created).toBe(0);
  });
});

describe('when "Heute" runs the rules', () => {
  it('not again while nothing changed on the same day; again after a write, a new day or a settings change', () => {
    world = openWorld();
    const { ws } = world;
    const personId = addPerson(ws, '2025-09-30'); // 200 days ahead: outside the lead
    const caseId = addCase(ws, personId);
    const goalId = addGoal(ws, personId, caseId, '2025-04-30');
    expect(todayDashboard(ws).fresh).toHaveLength(0);

    // a change that bypasses the write path is not seen: the rules do not run again
    ws.db.prepare('UPDATE goals SET due_at = ? WHERE id = ?').run('2025-03-16', goalId);
    expect(todayDashboard(ws).upcoming).toHaveLength(0);

    // reading a person is audited too, but changes nothing: still no run
    ws.db.prepare("INSERT INTO audit_log (seq, at, actor, action, entity, row_id, details, prev_hash, hash) SELECT max(seq) + 1, 'x', 'x', 'read', 'persons', 'x', '{}', 'x', 'x' FROM audit_log").run();
    expect(todayDashboard(ws).upcoming).toHaveLength(0);

    // ticking off a task changes nothing the rules read: still no run
    const manual = createTask(ws, { personId, title: 'Rückruf', dueAt: '2025-03-20' });
    setTaskStatus(ws, manual.id, 'erledigt');
    expect(todayDashboard(ws).upcoming).toHaveLength(0);

    // a write to a table the rules read marks the store changed
    addPerson(ws, undefined, 'Karimi');
    expect(todayDashboard(ws).upcoming.map((t) => t.title)).toEqual(['Ziel im Handlungsfeld Sprache fällig am 16.03.2025']);

    // a new day: the permit's window has not begun yet …
    world.clock.advance(10 * dayMs);
    expect(todayDashboard(ws).dueToday).toHaveLength(0);
    // … until the lead is made longer in the settings
    updateTaskRuleSettings(ws.db, { permitExpiryLeadDays: 200 });
    expect(todayDashboard(ws).dueToday.map((t) => t.title)).toEqual(['Aufenthaltstitel läuft am 30.09.2025 ab']);
  });
});

describe('rule settings', () => {
  it('defaults, partial update, and a stored value this version cannot read falls back per field', () => {
    world = openWorld();
    const { ws } = world;
    expect(getTaskRuleSettings(ws.db)).toEqual({
      permitExpiryLeadDays: 90,
      consentExpiryLeadDays: 30,
      goalDueLeadDays: 7,
      deadlineLeadDays: 14,
      noContactWeeks: 6,
    });
    expect(updateTaskRuleSettings(ws.db, { noContactWeeks: 4 })).toMatchObject({ noContactWeeks: 4, permitExpiryLeadDays: 90 });
    ws.db.prepare("UPDATE settings SET value = ? WHERE key = 'taskRules'").run(JSON.stringify({ noContactWeeks: 4, permitExpiryLeadDays: 'viel' }));
    expect(getTaskRuleSettings(ws.db)).toMatchObject({ noContactWeeks: 4, permitExpiryLeadDays: 90 });
  });
});
