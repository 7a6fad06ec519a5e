import { useTranslation } from 'react-i18next';
import type { Goal, Step } from '../../../../../../shared/domain/plan';
import { call } from '../../../../api';
import { formatIsoDate } from '../../../../format/dates';
import { todayIso } from '../common/today';

interface StepItemProps {
  step: Step;
  closed: boolean;
  busy: boolean;
  run: (action: () => Promise<Goal>, success: string) => Promise<boolean>;
}

/** One step: the checkbox "erledigt" (today's date), what, who, by when. */
export function StepItem({ step, closed, busy, run }: StepItemProps) {
  const { t } = useTranslation();
  const who = step.responsible === 'partner' && step.partnerName ? step.partnerName : t(`care.plan.who.${step.responsible}`);
  const checkboxId = `step-done-${step.id}`;
  const done = step.doneAt !== null;
  return (
    <li className={done ? 'step step-done' : 'step'}>
      <input
        id={checkboxId}
        type="checkbox"
        className="choice-input"
        checked={done}
        disabled={closed || busy}
        onChange={(event) => {
          const checked = event.target.checked;
          void run(() => call('steps.setDone', { id: step.id, doneAt: checked ? todayIso() : null }), checked ? t('care.plan.stepDone', { step: step.description }) : t('care.plan.stepOpen', { step: step.description }));
        }}
      />
      <label htmlFor={checkboxId} className="step-text">
        <span className="visually-hidden">{t('care.plan.doneLabel')}: </span>
        <span className="step-description">{step.description}</span>
        <span className="step-meta">
          {who}
          {step.dueAt ? ` · ${t('care.plan.dueOn', { date: formatIsoDate(step.dueAt) })}` : ''}
          {step.doneAt ? ` · ${t('care.plan.doneOn', { date: formatIsoDate(step.doneAt) })}` : ''}
        </span>
      </label>
    </li>
  );
}
