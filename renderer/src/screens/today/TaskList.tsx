import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/domain/task';
import { call } from '../../api';
import { ActionFeedback } from '../../components/ActionFeedback';
import { formatIsoDate } from '../../format/dates';
import { errorText } from '../../i18n/error-text';

interface TaskListProps {
  tasks: readonly Task[];
  /** called after a task was marked done, so the screen loads afresh */
  onChanged: () => void;
  /** the person's name and the link to the case are left out inside a case file */
  inCase?: boolean;
  /** the case is closed: no more changes */
  readOnly?: boolean;
  /** said plainly when there is nothing */
  emptyText: string;
  /**
   * The screen announces "done" itself (its list may vanish with the last task, and the message
   * and the focus with it); without this the list shows the message above itself.
   */
  onDone?: (message: string) => void;
}

/**
 * Wiedervorlagen as a list: what, for whom, when due, where to go, and "Erledigt". Each task
 * reads as one line; the button names its task, so a screen-reader list of buttons is clear.
 */
export function TaskList({ tasks, onChanged, inCase = false, readOnly = false, emptyText, onDone }: TaskListProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const markDone = async (task: Task) => {
    setBusy(task.id);
    setFailure(null);
    setMessage(null);
    try {
      await call('tasks.setStatus', { id: task.id, status: 'erledigt' });
      const done = t('caseFile.tasks.doneMessage', { title: task.title });
      if (onDone) onDone(done);
      else setMessage(done);
      onChanged();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <ActionFeedback message={message} failure={failure} />
      {tasks.length === 0 ? <p className="muted">{emptyText}</p> : null}
      <ul className="task-list" hidden={tasks.length === 0}>
        {tasks.map((task) => (
          <li key={task.id} className={`task-item task-${task.status}`}>
            <div className="task-main">
              <span className="task-title">{task.title}</span>
              <span className="task-meta">
                {inCase ? null : (
                  <>
                    <Link to={`/persons/${task.personId}`}>{task.personName}</Link>
                    <span aria-hidden="true"> · </span>
                  </>
                )}
                {task.dueAt ? t('caseFile.tasks.dueAt', { date: formatIsoDate(task.dueAt) }) : t('caseFile.tasks.noDue')}
                {task.source === 'rule' && task.rule ? (
                  <>
                    <span aria-hidden="true"> · </span>
                    {t('caseFile.tasks.byRule', { rule: t(`caseFile.taskRule.${task.rule}`) })}
                  </>
                ) : null}
                {task.status !== 'offen' ? (
                  <>
                    <span aria-hidden="true"> · </span>
                    <span className="task-status">{t(`caseFile.taskStatus.${task.status}`)}</span>
                  </>
                ) : null}
              </span>
              {task.note ? <span className="task-note">{task.note}</span> : null}
            </div>
            <div className="task-actions">
              {!inCase && task.caseId ? (
                <Link to={`/cases/${task.caseId}/tasks`} className="button button-secondary button-small">
                  {t('caseFile.tasks.toCase')}
                  <span className="visually-hidden">: {task.personName}</span>
                </Link>
              ) : null}
              {task.status === 'offen' && !readOnly ? (
                <button type="button" className="button button-secondary button-small" disabled={busy !== null} onClick={() => void markDone(task)}>
                  {t('caseFile.tasks.markDone')}
                  <span className="visually-hidden">: {task.title}</span>
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
