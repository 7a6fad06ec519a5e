import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/domain/task';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatIsoDate } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useState } from 'react';
import { ActionFeedback } from '../../components/ActionFeedback';
import { focusPageHeading } from '../../components/PageHeading';
import { TaskList } from './TaskList';

type SectionKey = 'overdue' | 'dueToday' | 'upcoming' | 'fresh';
const sections: readonly SectionKey[] = ['overdue', 'dueToday', 'upcoming', 'fresh'];

/** "Heute": the Wiedervorlagen that are overdue, due today, due soon, and new. */
export function TodayScreen() {
  const { t } = useTranslation();
  usePageTitle(t('caseFile.today.title'));
  const today = useKimQuery('tasks.today', {});
  const data = today.data;
  const total = data ? new Set(sections.flatMap((key) => data[key].map((task) => task.id))).size : 0;
  const [doneMessage, setDoneMessage] = useState<string | null>(null);
  // The pressed button leaves with its task (and with the last one the whole list): the message
  // lives above the sections, and the focus goes to the top of the page, not to <body>.
  const onDone = (message: string) => {
    setDoneMessage(message);
    focusPageHeading();
  };

  return (
    <>
      <div className="page-head">
        <PageHeading>
          {t('caseFile.today.title')}
          {data ? (
            <span className="heading-sub">
              <span className="visually-hidden">, </span>
              {t('caseFile.today.subtitle', { date: formatIsoDate(data.date), count: data.openCases })}
            </span>
          ) : null}
        </PageHeading>
      </div>
      <ActionFeedback message={doneMessage} failure={null} />
      {today.status === 'error' ? <LoadError error={today.error} onRetry={today.reload} /> : null}
      {today.status === 'loading' && !data ? <Loading /> : null}
      {data && total === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('caseFile.today.emptyTitle')}</p>
          <p className="muted">{t('caseFile.today.emptyText')}</p>
        </div>
      ) : null}
      {data && total > 0
        ? sections.map((key) => <TodaySection key={key} sectionKey={key} tasks={data[key]} onChanged={today.reload} onDone={onDone} />)
        : null}
    </>
  );
}

function TodaySection({ sectionKey, tasks, onChanged, onDone }: { sectionKey: SectionKey; tasks: readonly Task[]; onChanged: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const titleId = `today-${sectionKey}`;
  return (
    <section aria-labelledby={titleId} className={`panel today-section today-${sectionKey}`}>
      <h2 id={titleId}>
        {t(`caseFile.today.${sectionKey}`)} <span className="count-badge">({tasks.length})</span>
      </h2>
      <TaskList tasks={tasks} onChanged={onChanged} emptyText={t(`caseFile.today.${sectionKey}Empty`)} onDone={onDone} />
    </section>
  );
}
