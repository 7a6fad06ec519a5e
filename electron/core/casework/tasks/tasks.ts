import type { Task, TaskStatus } from '../../../../shared/domain/task';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { uuidv7 } from '../../../../shared/ids';
import { findLivePersonRow, personNotFoundMessage } from '../../services/persons';
import { localIsoDate, writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { tasksEntity, type RowValues } from '../../write/entities';
import { RowMissingError, writeEntity } from '../../write/write-path';
import { refuseIfCaseClosed, requireCase, requireOpenCase } from '../cases/case-guard';
import { rowsToTasks, rowToTask, taskSelectSql } from './task-rows';

export const taskNotFoundMessage = 'Diese Wiedervorlage wurde nicht gefunden. Vielleicht wurde sie gelöscht.';

/** Open tasks first (by due date, undated last), then done and dropped ones, newest first. */
const listOrder = `ORDER BY CASE t.status WHEN 'offen' THEN 0 ELSE 1 END,
  CASE WHEN t.status = 'offen' THEN t.due_at END IS NULL, CASE WHEN t.status = 'offen' THEN t.due_at END,
  t.done_at DESC, t.created_at DESC, t.id`;
const statusFilter = "AND (@includeDone = 1 OR t.status = 'offen')";
const byCaseSql = `${taskSelectSql} WHERE t.case_id = @id AND t.deleted_at IS NULL ${statusFilter} ${listOrder}`;
const byPersonSql = `${taskSelectSql} WHERE t.person_id = @id AND t.deleted_at IS NULL ${statusFilter} ${listOrder}`;
const mineSql = `${taskSelectSql} WHERE t.assignee = @id AND t.deleted_at IS NULL ${statusFilter} ${listOrder}`;

/** Tasks of a case, else of a person, else those assigned to the user. */
export function listTasks(ws: Workspace, input: ChannelParsedInput<'tasks.list'>): Task[] {
  const includeDone = input.includeDone ? 1 : 0;
  if (input.caseId !== undefined) {
    requireCase(ws, input.caseId);
    return rowsToTasks(prepared(ws.db, byCaseSql).all({ id: input.caseId, includeDone }) as RowValues[]);
  }
  if (input.personId !== undefined) {
    if (!findLivePersonRow(ws, input.personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
    return rowsToTasks(prepared(ws.db, byPersonSql).all({ id: input.personId, includeDone }) as RowValues[]);
  }
  return rowsToTasks(prepared(ws.db, mineSql).all({ id: ws.profile.userName, includeDone }) as RowValues[]);
}

/** The open tasks of one person (the person file shows them). */
export function openTasksOfPerson(ws: Workspace, personId: string): Task[] {
  return rowsToTasks(prepared(ws.db, byPersonSql).all({ id: personId, includeDone: 0 }) as RowValues[]);
}

/** A manual Wiedervorlage, for the user who sets it. */
export function createTask(ws: Workspace, input: ChannelParsedInput<'tasks.create'>): Task {
  if (!findLivePersonRow(ws, input.personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  if (input.caseId !== undefined) {
    const caseRow = requireOpenCase(ws, input.caseId);
    if (caseRow.person_id !== input.personId) {
      throw new KimError('INVALID_INPUT', 'Der Fall gehört zu einer anderen Person.', {
        fieldErrors: { caseId: 'Der Fall gehört zu einer anderen Person.' },
      });
    }
  }
  const id = uuidv7(ws.now());
  writeEntity(writeContextOf(ws), {
    entity: tasksEntity,
    kind: 'create',
    rowId: id,
    values: {
      person_id: input.personId,
      case_id: input.caseId ?? null,
      title: input.title,
      due_at: input.dueAt,
      source: 'manual',
      rule: null,
      rule_ref: null,
      status: 'offen',
      done_at: null,
      assignee: ws.profile.userName,
      note: input.note !== undefined && input.note.length > 0 ? input.note : null,
    },
  });
  return readTask(ws, id);
}

/**
 * erledigt/entfallen record the day it happened; back to offen clears it. The day also marks
 * the user's decision: the rules never reopen a task that carries one (see refresh.ts). A task
 * of a closed case is not opened again (nobody follows up a closed case); ticking it off or
 * dropping it stays possible.
 */
export function setTaskStatus(ws: Workspace, id: string, status: TaskStatus): Task {
  const current = prepared(ws.db, 'SELECT status, case_id FROM tasks WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { status: string | null; case_id: string | null }
    | undefined;
  if (!current) throw new KimError('NOT_FOUND', taskNotFoundMessage);
  if (current.status !== status) {
    if (status === 'offen') refuseIfCaseClosed(ws, typeof current.case_id === 'string' ? current.case_id : null);
    try {
      writeEntity(writeContextOf(ws), {
        entity: tasksEntity,
        kind: 'update',
        rowId: id,
        values: { status, done_at: status === 'offen' ? null : localIsoDate(ws.now()) },
      });
    } catch (error) {
      if (error instanceof RowMissingError) throw new KimError('NOT_FOUND', taskNotFoundMessage);
      throw error;
    }
  }
  return readTask(ws, id);
}

function readTask(ws: Workspace, id: string): Task {
  const row = prepared(ws.db, `${taskSelectSql} WHERE t.id = ? AND t.deleted_at IS NULL`).get(id) as RowValues | undefined;
  const task = row ? rowToTask(row) : null;
  if (!task) throw new KimError('NOT_FOUND', taskNotFoundMessage);
  return task;
}
