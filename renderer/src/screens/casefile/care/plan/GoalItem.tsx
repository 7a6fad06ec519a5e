import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../../../shared/domain/plan';
import { ActionFeedback } from '../../../../components/ActionFeedback';
import { formatIsoDate } from '../../../../format/dates';
import { useAction } from '../common/useAction';
import { GoalStatusForm } from './GoalStatusForm';
import { StepForm } from './StepForm';
import { StepItem } from './StepItem';
import { useFocusAfterRender } from '../../../../hooks/useFocusAfterRender';

/** One goal: status, dates, its steps, and the ways to change them. */
export function GoalItem({ goal, closed, onChanged }: { goal: Goal; closed: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const [addingStep, setAddingStep] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const action = useAction();
  const headingId = `goal-${goal.id}`;
  const stepsDone = goal.steps.filter((step) => step.doneAt !== null).length;

  return (
    <li className="care-card goal" aria-labelledby={headingId}>
      <div className="care-card-head">
        <h4 id={headingId} className="care-card-title goal-title">
          {goal.description}
        </h4>
        <span className={`care-badge goal-${goal.status}`}>
          <span className="visually-hidden">{t('care.plan.status')}: </span>
          {t(`care.plan.statuses.${goal.status}`)}
        </span>
      </div>
      <p className="care-meta">
        {t('care.plan.agreedOn', { date: formatIsoDate(goal.agreedAt) })}
        {goal.dueAt ? ` · ${t('care.plan.dueOn', { date: formatIsoDate(goal.dueAt) })}` : ''}
        {goal.steps.length > 0 ? ` · ${t('care.plan.stepsDone', { done: stepsDone, count: goal.steps.length })}` : ''}
      </p>
      {closed ? null : (
        <GoalStatusForm
          key={goal.status}
          goal={goal}
          onSaved={(saved) => {
            action.setMessage(t('care.plan.statusSaved', { status: t(`care.plan.statuses.${saved.status}`) }));
            onChanged();
          }}
        />
      )}
      <h5 className="steps-title">{t('care.plan.steps')}</h5>
      {goal.steps.length === 0 ? <p className="muted">{t('care.plan.noSteps')}</p> : null}
      {goal.steps.length > 0 ? (
        <ul className="steps">
          {goal.steps.map((step) => (
            <StepItem
              key={step.id}
              step={step}
              closed={closed}
              busy={action.busy}
              run={async (run, success) => {
                const ok = await action.run(run, success);
                if (ok) onChanged();
                return ok;
              }}
            />
          ))}
        </ul>
      ) : null}
      <ActionFeedback message={action.message} failure={action.failure} />
      {closed ? null : addingStep ? (
        <StepForm
          goal={goal}
          onSaved={() => {
            setAddingStep(false);
            action.setMessage(t('care.plan.stepSaved'));
            onChanged();
            focusAfterRender(() => addRef.current);
          }}
          onCancel={() => {
            setAddingStep(false);
            focusAfterRender(() => addRef.current);
          }}
        />
      ) : (
        <button ref={addRef} type="button" className="button button-secondary button-small" onClick={() => setAddingStep(true)}>
          {t('care.plan.addStep')}
          <span className="visually-hidden">: {goal.description}</span>
        </button>
      )}
    </li>
  );
}
