import { closeCheckSchema, type CloseCheck } from '../../../../shared/domain/case';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { tasksEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';

type OpenGoal = CloseCheck['openGoals'][number];
type OpenTask = CloseCheck['openTasks'][number];

const openGoalSchema = closeCheckSchema.shape.openGoals.element;
const openTaskSchema = closeCheckSchema.shape.openTasks.element;

/**
 * What stands in the way of closing a case: goals still 'offen' or 'in_arbeit', and tasks
 * (Wiedervorlagen) of the case still 'offen'. Rows a sync has not completed are skipped.
 */
export function openItemsOf(ws: Workspace, caseId: string): CloseCheck {
  const goals = prepared(
    ws.db,
    `SELECT id, description, status FROM goals
     WHERE case_id = ? AND status IN ('offen', 'in_arbeit') AND deleted_at IS NULL
     ORDER BY due_at IS NULL, due_at, created_at, id`,
  ).all(caseId) as RowValues[];
  const tasks = prepared(
    ws.db,
    `SELECT id, title, due_at FROM tasks
     WHERE case_id = ? AND status = 'offen' AND deleted_at IS NULL
     ORDER BY due_at IS NULL, due_at, created_at, id`,
  ).all(caseId) as RowValues[];
  return {
    openGoals: goals.flatMap((row): OpenGoal[] => {
      const parsed = openGoalSchema.safeParse({ id: row.id, description: row.description, status: row.status });
      return parsed.success ? [parsed.data] : [];
    }),
    openTasks: tasks.flatMap((row): OpenTask[] => {
      const parsed = openTaskSchema.safeParse({ id: row.id, title: row.title, dueAt: row.due_at ?? null });
      return parsed.success ? [parsed.data] : [];
    }),
  };
}

/** Open tasks of a closing case are dropped ('entfallen'), each through the write path so it syncs. */
export function setOpenTasksDropped(ws: Workspace, taskIds: readonly string[]): void {
  const ctx = writeContextOf(ws);
  for (const id of taskIds) {
    writeEntity(ctx, { entity: tasksEntity, kind: 'update', rowId: id, values: { status: 'entfallen' } });
  }
}
