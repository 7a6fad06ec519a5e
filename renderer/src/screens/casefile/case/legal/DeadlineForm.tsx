import { useTranslation } from 'react-i18next';
import { deadlineInputSchema, deadlineKinds, type LegalDomainEntry } from '../../../../../../shared/domain/legal';
import { call } from '../../../../api';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { SelectField } from '../../../../components/form/SelectField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { TextField } from '../../../../components/form/TextField';
import { useKimForm } from '../../../../hooks/useKimForm';

interface DeadlineValues {
  kind: string;
  dueAt: string;
  legalDomainId: string;
  note: string;
}

const empty: DeadlineValues = { kind: '', dueAt: '', legalDomainId: '', note: '' };

/** Adds a Frist: what kind, by when, under which Rechtskreis (optional), and a note. */
export function DeadlineForm({ caseId, domains, onSaved }: { caseId: string; domains: readonly LegalDomainEntry[]; onSaved: (label: string) => void }) {
  const { t } = useTranslation();
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'deadline',
    schema: deadlineInputSchema,
    toInput: (values: DeadlineValues) => ({
      caseId,
      kind: values.kind === '' ? undefined : values.kind,
      dueAt: values.dueAt,
      legalDomainId: orUndefined(values.legalDomainId),
      note: orUndefined(values.note),
    }),
    defaultValues: empty,
    fields: {
      kind: { label: t('caseFile.deadline.kind'), message: t('caseFile.deadline.kindError') },
      dueAt: { label: t('caseFile.deadline.dueAt'), message: t('caseFile.common.dateError') },
      legalDomainId: { label: t('caseFile.deadline.domain') },
      note: { label: t('caseFile.deadline.note') },
    },
  });

  const submit = onSubmit(async (input) => {
    await call('deadlines.save', input);
    form.reset(empty);
    onSaved(t(`caseFile.deadlineKind.${input.kind}`));
  });

  return (
    <section aria-labelledby="deadline-form-title" className="subpanel">
      <h3 id="deadline-form-title">{t('caseFile.deadline.addTitle')}</h3>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <div className="field-row">
          <SelectField
            id={id('kind')}
            label={t('caseFile.deadline.kind')}
            registration={form.register('kind')}
            emptyLabel={t('common.choose')}
            options={deadlineKinds.map((kind) => ({ value: kind, label: t(`caseFile.deadlineKind.${kind}`) }))}
            error={errorFor('kind')}
            required
            width="m"
          />
          <TextField id={id('dueAt')} label={t('caseFile.deadline.dueAt')} type="date" registration={form.register('dueAt')} error={errorFor('dueAt')} required width="s" />
        </div>
        {domains.length > 0 ? (
          <SelectField
            id={id('legalDomainId')}
            label={t('caseFile.deadline.domain')}
            registration={form.register('legalDomainId')}
            emptyLabel={t('caseFile.deadline.noDomain')}
            options={domains.map((domain) => ({ value: domain.id, label: `${t(`caseFile.legalDomain.${domain.domain}`)} – ${domain.office}` }))}
            error={errorFor('legalDomainId')}
            width="m"
          />
        ) : null}
        <TextAreaField id={id('note')} label={t('caseFile.deadline.note')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.deadline.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
