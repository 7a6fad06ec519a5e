import '../../../styles/care.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lifeDomains } from '../../../../../shared/domain/life-domains';
import { LoadError } from '../../../components/LoadError';
import { Loading } from '../../../components/Loading';
import { StatusMessage } from '../../../components/StatusMessage';
import { useKimQuery } from '../../../hooks/useKimQuery';
import type { CaseTabProps } from '../tab-props';
import { ClosedNote } from './common/ClosedNote';
import { GoalForm } from './plan/GoalForm';
import { GoalItem } from './plan/GoalItem';
import { useFocusAfterRender } from '../../../hooks/useFocusAfterRender';

/** Tab "Hilfeplan": goals grouped by life domain, with steps; new goals. */
export function PlanTab({ caseId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const goals = useKimQuery('goals.list', { caseId });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const list = goals.data ?? [];
  const groups = lifeDomains.map((domain) => ({ domain, goals: list.filter((goal) => goal.lifeDomain === domain) })).filter((group) => group.goals.length > 0);

  return (
    <div className="care-view">
      <ClosedNote closed={closed} />
      <div className="care-section-head">
        <h2 id="plan-title">{t('care.plan.title')}</h2>
        {!closed && !adding ? (
          <button
            ref={addRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(false);
              setAdding(true);
            }}
          >
            {t('care.plan.addGoal')}
          </button>
        ) : null}
      </div>
      <StatusMessage message={saved ? t('care.plan.goalSaved') : null} />
      {adding ? (
        <GoalForm
          caseId={caseId}
          onSaved={() => {
            setAdding(false);
            setSaved(true);
            goals.reload();
            focusAfterRender(() => addRef.current);
          }}
          onCancel={() => {
            setAdding(false);
            focusAfterRender(() => addRef.current);
          }}
        />
      ) : null}
      {goals.status === 'error' ? <LoadError error={goals.error} onRetry={goals.reload} /> : null}
      {goals.status === 'loading' && !goals.data ? <Loading /> : null}
      {goals.data && list.length === 0 ? <p className="muted">{t('care.plan.none')}</p> : null}
      {groups.map((group) => (
        <section key={group.domain} className="plan-domain" aria-labelledby={`plan-${group.domain}`}>
          <h3 id={`plan-${group.domain}`}>{t(`care.lifeDomain.${group.domain}`)}</h3>
          <ul className="care-list">
            {group.goals.map((goal) => (
              <GoalItem key={goal.id} goal={goal} closed={closed} onChanged={goals.reload} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
