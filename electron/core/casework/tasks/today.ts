import type { Task, Today } from '../../../../shared/domain/task';
import type { Workspace } from '../../session/session';
import { localIsoDate } from '../../services/write-context';
import { prepared } from '../../store/prepared';
import type { RowValues } from '../../write/entities';
import { addDays } from './dates';
import { refreshRuleTasksIfDue } from './refresh';
import { rowsToTasks, taskSelectSql } from './task-rows';

const weekMs = 7 * 86_400_000;

/** The user's open tasks that are due within a week (or overdue) or that are new this week. */
const dashboardTasksSql = `${taskSelectSql}
  WHERE t.assignee = @user AND t.status = 'offen' AND t.deleted_at IS NULL
    AND (t.due_at <= @horizon OR t.created_at >= @freshSince)
  ORDER BY t.due_at, t.created_at, t.id`;

/** Counted like "Meine Fälle" (cases.mine), so both screens show the same number. */
const openCasesSql = `
  SELECT count(*) AS n FROM cases c JOIN persons p ON p.id = c.person_id
  WHERE c.case_manager = ? AND c.closed_at IS NULL AND c.deleted_at IS NULL AND p.deleted_at IS NULL`;

/**
 * The dashboard "Heute": runs the task rules first when the store changed since they last ran
 * (or the day changed), then sorts the user's open tasks into overdue (due before today), due
 * today, upcoming (the next 7 days) and fresh (created in the last 7 days, by a rule, the user
 * or a colleague's sync). A task can be both fresh and in one of the date buckets.
 */
export function todayDashboard(ws: Workspace): Today {
  refreshRuleTasksIfDue(ws);
  const nowMs = ws.now();
  const date = localIsoDate(nowMs);
  const horizon = addDays(date, 7);
  const freshSince = new Date(nowMs - weekMs).toISOString();
  const tasks = rowsToTasks(
    prepared(ws.db, dashboardTasksSql).all({ user: ws.profile.userName, horizon, freshSince }) as RowValues[],
  );

  const overdue: Task[] = [];
  const dueToday: Task[] = [];
  const upcoming: Task[] = [];
  const fresh: Task[] = [];
  for (const task of tasks) {
    if (task.dueAt !== null && task.dueAt < date) overdue.push(task);
    else if (task.dueAt === date) dueToday.push(task);
    else if (task.dueAt !== null && task.dueAt <= horizon) upcoming.push(task);
    if (task.createdAt >= freshSince) fresh.push(task);
  }
  fresh.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));

  const openCases = (prepared(ws.db, openCasesSql).get(ws.profile.userName) as { n: number }).n;
  return { date, overdue, dueToday, upcoming, fresh, openCases };
}
