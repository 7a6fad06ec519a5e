import { useTranslation } from 'react-i18next';
import { casePhases, type CasePhase } from '../../../../shared/domain/case';

/**
 * The five DGCC phases as steps: passed ones are ticked, the current one is marked
 * (aria-current="step"), and state is carried by text and shape as well as colour.
 */
export function PhaseStepper({ phase }: { phase: CasePhase }) {
  const { t } = useTranslation();
  const current = casePhases.indexOf(phase);
  return (
    <nav aria-label={t('caseFile.phases.label')} className="phase-stepper-nav">
      <ol className="phase-stepper">
        {casePhases.map((step, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'todo';
          return (
            <li key={step} className={`phase-step phase-step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="phase-step-marker" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="phase-step-label">
                {t(`phase.${step}`)}
                {state !== 'todo' ? <span className="visually-hidden"> ({t(`caseFile.phases.${state}`)})</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
