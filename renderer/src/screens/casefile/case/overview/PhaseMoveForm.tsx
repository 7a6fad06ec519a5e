import { useTranslation } from 'react-i18next';
import { casePhases, movePhaseInputSchema, type CasePhase } from '../../../../../../shared/domain/case';
import { call } from '../../../../api';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { SelectField } from '../../../../components/form/SelectField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { TextField } from '../../../../components/form/TextField';
import { todayIsoDate } from '../../../../format/dates';
import { useKimForm } from '../../../../hooks/useKimForm';

interface PhaseMoveValues {
  to: string;
  movedAt: string;
  note: string;
}

const movable = casePhases.filter((phase) => phase !== 'abschluss');

/** The phase the form offers first: the next one, or (in the last working phase) the one before. */
function suggestedPhase(current: CasePhase): string {
  const index = movable.indexOf(current as (typeof movable)[number]);
  return movable[index + 1] ?? movable[index - 1] ?? '';
}

/** Moves the case to the next phase or back to an earlier one, dated (today unless back-dated). */
export function PhaseMoveForm({ caseId, phase, onMoved }: { caseId: string; phase: CasePhase; onMoved: (to: CasePhase) => void }) {
  const { t } = useTranslation();
  const current = casePhases.indexOf(phase);
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'phase-move',
    schema: movePhaseInputSchema,
    toInput: (values: PhaseMoveValues) => ({ caseId, to: values.to, movedAt: orUndefined(values.movedAt), note: orUndefined(values.note) }),
    defaultValues: { to: suggestedPhase(phase), movedAt: todayIsoDate(), note: '' },
    fields: {
      to: { label: t('caseFile.move.to'), message: t('caseFile.move.toError') },
      movedAt: { label: t('caseFile.move.movedAt') },
      note: { label: t('caseFile.move.note') },
    },
  });

  const submit = onSubmit(async (input) => {
    await call('cases.movePhase', input);
    onMoved(input.to);
  });

  return (
    <section aria-labelledby="phase-move-title" className="subpanel">
      <h3 id="phase-move-title">{t('caseFile.move.title')}</h3>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <div className="field-row">
          <SelectField
            id={id('to')}
            label={t('caseFile.move.to')}
            registration={form.register('to')}
            options={movable
              .filter((candidate) => candidate !== phase)
              .map((candidate) => ({
                value: candidate,
                label: `${t(`phase.${candidate}`)} (${casePhases.indexOf(candidate) > current ? t('caseFile.move.forward') : t('caseFile.move.back')})`,
              }))}
            error={errorFor('to')}
            required
            width="m"
          />
          <TextField id={id('movedAt')} label={t('caseFile.move.movedAt')} type="date" registration={form.register('movedAt')} error={errorFor('movedAt')} hint={t('caseFile.move.movedAtHint')} width="s" />
        </div>
        <TextAreaField id={id('note')} label={t('caseFile.move.note')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.move.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
