import { useTranslation } from 'react-i18next';
import { casePhases, reopenCaseInputSchema } from '../../../../../../shared/domain/case';
import { call } from '../../../../api';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { SelectField } from '../../../../components/form/SelectField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { useKimForm } from '../../../../hooks/useKimForm';

interface ReopenValues {
  to: string;
  reason: string;
}

const reopenPhases = casePhases.filter((phase) => phase !== 'abschluss' && phase !== 'zugang');

/** Reopening a closed case: into which phase, and why (the reason is recorded with the move). */
export function ReopenForm({ caseId, onReopened }: { caseId: string; onReopened: () => void }) {
  const { t } = useTranslation();
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'reopen',
    schema: reopenCaseInputSchema,
    toInput: (values: ReopenValues) => ({ caseId, to: values.to, reason: values.reason }),
    defaultValues: { to: 'umsetzung', reason: '' },
    fields: {
      to: { label: t('caseFile.reopen.to'), message: t('caseFile.move.toError') },
      reason: { label: t('caseFile.reopen.reason') },
    },
  });

  const submit = onSubmit(async (input) => {
    await call('cases.reopen', input);
    onReopened();
  });

  return (
    <section aria-labelledby="reopen-title" className="subpanel">
      <h3 id="reopen-title">{t('caseFile.reopen.title')}</h3>
      <p className="muted">{t('caseFile.reopen.intro')}</p>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <SelectField
          id={id('to')}
          label={t('caseFile.reopen.to')}
          registration={form.register('to')}
          options={reopenPhases.map((phase) => ({ value: phase, label: t(`phase.${phase}`) }))}
          error={errorFor('to')}
          required
          width="m"
        />
        <TextAreaField id={id('reason')} label={t('caseFile.reopen.reason')} registration={form.register('reason')} error={errorFor('reason')} required rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.reopen.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
