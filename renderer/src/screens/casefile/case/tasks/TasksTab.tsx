import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../../components/StatusMessage';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { useKimQuery } from '../../../../hooks/useKimQuery';
import { TaskList } from '../../../today/TaskList';
import type { CaseTabProps } from '../../tab-props';
import { TaskForm } from './TaskForm';

/** Wiedervorlagen of this case: the open ones first, done ones below; a manual one can be added. */
export function TasksTab({ caseId, personId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const tasks = useKimQuery('tasks.list', { caseId, includeDone: true });
  const [message, setMessage] = useState<string | null>(null);
  const open = tasks.data?.filter((task) => task.status === 'offen') ?? [];
  const finished = tasks.data?.filter((task) => task.status !== 'offen') ?? [];

  return (
    <div className="tab-content">
      <h2 className="tab-title">{t('caseFile.tabs.tasks')}</h2>
      <StatusMessage message={message} />
      {tasks.status === 'error' ? <LoadError error={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.status === 'loading' && !tasks.data ? <Loading /> : null}
      {tasks.data ? (
        <>
          <section aria-labelledby="tasks-open-title" className="subpanel">
            <h3 id="tasks-open-title">
              {t('caseFile.tasks.openTitle')} <span className="count-badge">({open.length})</span>
            </h3>
            <TaskList tasks={open} onChanged={tasks.reload} inCase readOnly={closed} emptyText={t('caseFile.tasks.openEmpty')} />
          </section>
          {finished.length > 0 ? (
            <section aria-labelledby="tasks-done-title" className="subpanel">
              <h3 id="tasks-done-title">
                {t('caseFile.tasks.doneTitle')} <span className="count-badge">({finished.length})</span>
              </h3>
              <TaskList tasks={finished} onChanged={tasks.reload} inCase readOnly emptyText="" />
            </section>
          ) : null}
        </>
      ) : null}
      {closed ? null : (
        <TaskForm
          caseId={caseId}
          personId={personId}
          onSaved={(title) => {
            setMessage(t('caseFile.tasks.created', { title }));
            tasks.reload();
          }}
        />
      )}
    </div>
  );
}
