import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { focusPageHeading, PageHeading } from '../../components/PageHeading';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { StatusMessage } from '../../components/StatusMessage';
import { useKimQuery } from '../../hooks/useKimQuery';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSync } from '../../sync/sync-context';
import { ConflictItem, type Choice } from './ConflictItem';

const resolvedText: Record<Choice, string> = {
  local: 'conflicts.resolvedLocal',
  remote: 'conflicts.resolvedRemote',
  manual: 'conflicts.resolvedManual',
};

/**
 * "Konflikte": fields changed differently here and elsewhere, each waiting for a decision.
 * A decision is written like an edit (audited, synced); the list and the status bar follow.
 */
export function ConflictsScreen() {
  const { t } = useTranslation();
  usePageTitle(t('conflicts.title'));
  const { refresh, status } = useSync();
  const conflicts = useKimQuery('sync.conflicts', {});
  const [message, setMessage] = useState<string | null>(null);
  const focusNext = useRef(false);
  const reload = conflicts.reload;

  // A sync that brought new conflicts (or resolved some elsewhere) shows up here too.
  const count = status?.conflicts;
  useEffect(() => {
    if (count !== undefined) reload();
  }, [count, reload]);

  // After a decision the item is gone: focus goes to the next conflict, or to the heading.
  useEffect(() => {
    if (!focusNext.current || conflicts.status !== 'success') return;
    focusNext.current = false;
    const next = document.querySelector<HTMLElement>('.conflict-title');
    if (next) next.focus();
    else focusPageHeading();
  }, [conflicts.status, conflicts.data]);

  const onResolved = (choice: Choice) => {
    setMessage(`${t(resolvedText[choice])} ${t('conflicts.syncHint')}`);
    focusNext.current = true;
    reload();
    void refresh();
  };

  const list = conflicts.data;
  return (
    <>
      <PageHeading>{t('conflicts.title')}</PageHeading>
      <p className="lead">{t('conflicts.intro')}</p>
      <StatusMessage message={message} />
      {conflicts.status === 'error' ? <LoadError error={conflicts.error} onRetry={reload} /> : null}
      {conflicts.status === 'loading' && !list ? <Loading /> : null}
      {list && list.length === 0 ? <p className="empty-state">{t('conflicts.empty')}</p> : null}
      {list && list.length > 0 ? (
        <>
          <p className="results-count">{t('conflicts.count', { count: list.length })}</p>
          <ol className="conflict-list">
            {list.map((conflict) => (
              <ConflictItem key={conflict.id} conflict={conflict} onResolved={onResolved} />
            ))}
          </ol>
        </>
      ) : null}
    </>
  );
}
