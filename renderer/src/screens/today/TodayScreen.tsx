import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/domain/task';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatIsoDate } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
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
      {today.status === 'error' ? <LoadError error={today.error} onRetry={today.reload} /> : null}
      {today.status === 'loading' && !data ? <Loading /> : null}
      {data && total === 0 ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('caseFile.today.emptyTitle')}</p>
          <p className="muted">{t('caseFile.today.emptyText')}</p>
        </div>
      ) : null}
      {data && total > 0
        ? sections.map((key) => <TodaySection key={key} sectionKey={key} tasks={data[key]} onChanged={today.reload} />)
        : null}
    </>
  );
}

function TodaySection({ sectionKey, tasks, onChanged }: { sectionKey: SectionKey; tasks: readonly Task[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const titleId = `today-${sectionKey}`;
  return (
    <section aria-labelledby={titleId} className={`panel today-section today-${sectionKey}`}>
      <h2 id={titleId}>
        {t(`caseFile.today.${sectionKey}`)} <span className="count-badge">({tasks.length})</span>
      </h2>
      <TaskList tasks={tasks} onChanged={onChanged} emptyText={t(`caseFile.today.${sectionKey}Empty`)} />
    </section>
  );
}
