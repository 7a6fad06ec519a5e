import { taskSchema, type Task } from '../../../../shared/domain/task';
import type { RowValues } from '../../write/entities';

/** Tasks with their person's name; a task whose person is deleted (or not yet synced) is not shown. */
export const taskSelectSql = `
  SELECT t.id, t.person_id, t.case_id, t.title, t.due_at, t.source, t.rule, t.rule_ref, t.status, t.done_at,
    t.assignee, t.note, t.created_at, p.family_name, p.given_names
  FROM tasks t JOIN persons p ON p.id = t.person_id AND p.deleted_at IS NULL`;

/** A row of taskSelectSql → Task, or null when sync left the row incomplete for a moment. */
export function rowToTask(row: RowValues): Task | null {
  const parsed = taskSchema.safeParse(taskCandidate(row, `${String(row.family_name ?? '')}, ${String(row.given_names ?? '')}`));
  return parsed.success ? parsed.data : null;
}

/**
 * A `tasks` row → the task to check with taskSchema; the person's name comes from the persons
 * table and is given (the sync's row check uses this too).
 */
export function taskCandidate(row: RowValues, personName: string): unknown {
  return {
    id: row.id,
    personId: row.person_id,
    personName,
    caseId: row.case_id ?? null,
    title: row.title,
    dueAt: row.due_at ?? null,
    source: row.source,
    rule: row.rule ?? null,
    ruleRef: row.rule_ref ?? null,
    status: row.status,
    doneAt: row.done_at ?? null,
    assignee: row.assignee ?? null,
    note: row.note ?? null,
    createdAt: row.created_at,
  };
}

export function rowsToTasks(rows: readonly RowValues[]): Task[] {
  const tasks: Task[] = [];
  for (const row of rows) {
    const task = rowToTask(row);
    if (task) tasks.push(task);
  }
  return tasks;
}
