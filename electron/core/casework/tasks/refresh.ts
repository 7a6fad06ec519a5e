import type { Workspace } from '../../session/session';
import { localIsoDate, writeContextOf } from '../../services/write-context';
import { prepared } from '../../store/prepared';
import { tasksEntity } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { gatherRuleFacts } from './facts';
import { recordRuleRun, rulesAreCurrent } from './rule-marker';
import { getTaskRuleSettings } from './rule-settings';
import { evaluateTaskRules, type DesiredTask } from './rules';

export interface RuleRefreshResult {
  readonly created: number;
  /** open rule tasks moved to another case or case manager (a case handed over) */
  readonly reassigned: number;
  /** open rule tasks whose condition is gone (permit renewed, consent withdrawn …): 'entfallen' */
  readonly dropped: number;
  /** tasks that had fallen away by themselves (not by the user) whose condition holds again */
  readonly revived: number;
}

interface TaskState {
  id: string;
  status: string | null;
  done_at: string | null;
  assignee: string | null;
  case_id: string | null;
  deleted_at: string | null;
}

interface CaseState {
  id: string;
  open: number | null;
}

const openRuleTasksSql = `
  SELECT id, status, done_at, assignee, case_id, deleted_at FROM tasks
  WHERE status = 'offen' AND source = 'rule' AND deleted_at IS NULL`;
const tasksByIdSql = `
  SELECT id, status, done_at, assignee, case_id, deleted_at FROM tasks
  WHERE id IN (SELECT value FROM json_each(?))`;
/** open: NULL when the row is incomplete (a sync page ended mid-row) */
const caseStatesSql = `
  SELECT c.id,
    c.closed_at IS NULL AND c.deleted_at IS NULL AND c.phase <> 'abschluss' AND p.deleted_at IS NULL AS open
  FROM cases c JOIN persons p ON p.id = c.person_id
  WHERE c.id IN (SELECT value FROM json_each(@ids))`;

/**
 * Runs the task rules and brings the tasks table in line, in ONE transaction, every write
 * through the write path (so rule tasks sync, merge and are audited like everything else):
 * - a desired task whose id does not exist is created (source 'rule');
 * - a desired task that exists is never recreated, whatever its status: a task the user marked
 *   erledigt or entfallen stays so (its stable id is the memory of that, on every device);
 * - an open rule task no longer desired is set 'entfallen' WITHOUT a done_at — its condition is
 *   gone, nobody closed it. The user's erledigt/entfallen always carries the day (tasks.ts).
 * - a desired task that fell away that way (entfallen, no done_at; also the open tasks dropped
 *   when a case was closed) is opened again: its condition holds again (a goal reopened, a case
 *   reopened, or rules that ran on a store a sync had not completed yet).
 *
 * The rules are evaluated for every open case (facts.ts), but a device creates, reassigns and
 * revives only the desired tasks assigned to its user (the case manager of the task's case):
 * every device computes the same desired set from the same synced rows, so a task has one
 * place and one assignee, and no two devices pull it back and forth. Cases without a case
 * manager get no rule tasks (rules.ts); nobody's device claims them.
 *
 * Which open rule tasks are the rules' to drop: those no rule wants any more (on any case) that
 * lie on the user's open cases, and those assigned to the user whose case is closed or deleted.
 * A task some rule still wants on a colleague's case is left to the colleague's devices, which
 * take it over; a task on a case a colleague runs now is left to them as well; a task whose
 * case or person has not arrived by sync yet (or is incomplete) is left alone. So a second run
 * on unchanged rows writes nothing, on every device.
 *
 * Reads are set-based: all open rule tasks in one query, then only the few others it needs
 * (desired tasks that are done or new; cases of tasks that are not the user's open cases).
 */
export function refreshRuleTasks(ws: Workspace): RuleRefreshResult {
  const { db } = ws;
  const today = localIsoDate(ws.now());
  const user = ws.profile.userName;
  const settings = getTaskRuleSettings(db);
  return db.transaction((): RuleRefreshResult => {
    const facts = gatherRuleFacts(db, settings, today);
    const allDesired = evaluateTaskRules(facts, settings, today);
    const desired = allDesired.filter((task) => task.assignee === user);
    const ctx = writeContextOf(ws);

    const openTasks = byId(prepared(db, openRuleTasksSql).all() as TaskState[]);
    const others = byId(
      prepared(db, tasksByIdSql).all(JSON.stringify(desired.filter((task) => !openTasks.has(task.id)).map((task) => task.id))) as TaskState[],
    );
    let created = 0;
    let reassigned = 0;
    let revived = 0;
    for (const task of desired) {
      const row = openTasks.get(task.id) ?? others.get(task.id);
      if (!row) {
        writeEntity(ctx, { entity: tasksEntity, kind: 'create', rowId: task.id, values: newTaskValues(task) });
        created++;
      } else if (row.deleted_at !== null) {
        continue;
      } else if (row.status === 'entfallen' && row.done_at === null) {
        writeEntity(ctx, { entity: tasksEntity, kind: 'update', rowId: task.id, values: { status: 'offen', assignee: task.assignee, case_id: task.caseId } });
        revived++;
      } else if (row.status === 'offen' && (row.assignee !== task.assignee || row.case_id !== task.caseId)) {
        writeEntity(ctx, { entity: tasksEntity, kind: 'update', rowId: task.id, values: { assignee: task.assignee, case_id: task.caseId } });
        reassigned++;
      }
    }

    const wanted = new Set(allDesired.map((task) => task.id));
    const myOpenCases = new Set(facts.openCases.filter((openCase) => openCase.caseManager.trim() === user).map((openCase) => openCase.caseId));
    const unwanted = [...openTasks.values()].filter((task) => !wanted.has(task.id) && task.case_id !== null);
    const otherCaseIds = [...new Set(unwanted.map((task) => task.case_id!).filter((caseId) => !myOpenCases.has(caseId)))];
    const otherCases = byId(prepared(db, caseStatesSql).all({ ids: JSON.stringify(otherCaseIds) }) as CaseState[]);
    let dropped = 0;
    for (const task of unwanted) {
      const caseId = task.case_id!;
      if (!myOpenCases.has(caseId)) {
        const state = otherCases.get(caseId);
        // not there or incomplete: unknown, leave it; open: its case manager's devices decide
        if (!state || state.open === null || state.open === 1 || task.assignee !== user) continue;
      }
      writeEntity(ctx, { entity: tasksEntity, kind: 'update', rowId: task.id, values: { status: 'entfallen', done_at: null } });
      dropped++;
    }
    recordRuleRun(db, today);
    return { created, reassigned, dropped, revived };
  })();
}

/** Runs the rules unless they ran today and nothing they look at changed since (rule-marker.ts). */
export function refreshRuleTasksIfDue(ws: Workspace): RuleRefreshResult | null {
  if (rulesAreCurrent(ws.db, localIsoDate(ws.now()))) return null;
  return refreshRuleTasks(ws);
}

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function newTaskValues(task: DesiredTask) {
  return {
    person_id: task.personId,
    case_id: task.caseId,
    title: task.title,
    due_at: task.dueAt,
    source: 'rule',
    rule: task.rule,
    rule_ref: task.ruleRef,
    status: 'offen',
    done_at: null,
    assignee: task.assignee,
    note: null,
  };
}
