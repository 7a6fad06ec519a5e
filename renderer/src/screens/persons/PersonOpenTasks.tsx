import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/domain/task';
import { call } from '../../api';
import { ActionFeedback } from '../../components/ActionFeedback';
import { formatIsoDate, todayIsoDate } from '../../format/dates';
import { errorText } from '../../i18n/error-text';

/**
 * "Offene Wiedervorlagen" of the person, across her cases: what, when due (overdue said in
 * words, not by colour alone), the way to the case, and "Erledigt". Like the list on "Heute"
 * (TaskList), but without the person's own name, which the page already says.
 */
export function PersonOpenTasks({ tasks, onChanged }: { tasks: readonly Task[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const today = todayIsoDate();

  const markDone = async (task: Task) => {
    setBusy(task.id);
    setFailure(null);
    setMessage(null);
    try {
      await call('tasks.setStatus', { id: task.id, status: 'erledigt' });
      setMessage(t('caseFile.tasks.doneMessage', { title: task.title }));
      onChanged();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="open-tasks-title" className="panel">
      <h2 id="open-tasks-title">{t('caseFile.personFile.tasksTitle')}</h2>
      <ActionFeedback message={message} failure={failure} />
      {tasks.length === 0 ? <p className="muted">{t('caseFile.personFile.tasksEmpty')}</p> : null}
      {tasks.length > 0 ? (
        <ul className="task-list">
          {tasks.map((task) => {
            const overdue = task.dueAt !== null && task.dueAt < today;
            return (
              <li key={task.id} className={overdue ? 'task-item task-overdue' : 'task-item'}>
                <div className="task-main">
                  <span className="task-title">{task.title}</span>
                  <span className="task-meta">
                    {task.dueAt ? t('caseFile.tasks.dueAt', { date: formatIsoDate(task.dueAt) }) : t('caseFile.tasks.noDue')}
                    {overdue ? <span className="tag tag-overdue">{t('caseFile.personFile.overdue')}</span> : null}
                    {task.source === 'rule' && task.rule ? (
                      <>
                        <span aria-hidden="true"> · </span>
                        {t('caseFile.tasks.byRule', { rule: t(`caseFile.taskRule.${task.rule}`) })}
                      </>
                    ) : null}
                  </span>
                  {task.note ? <span className="task-note">{task.note}</span> : null}
                </div>
                <div className="task-actions">
                  {task.caseId ? (
                    <Link to={`/cases/${task.caseId}/tasks`} className="button button-secondary button-small">
                      {t('caseFile.tasks.toCase')}
                      <span className="visually-hidden">: {task.title}</span>
                    </Link>
                  ) : null}
                  <button type="button" className="button button-secondary button-small" disabled={busy !== null} onClick={() => void markDone(task)}>
                    {t('caseFile.tasks.markDone')}
                    <span className="visually-hidden">: {task.title}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
