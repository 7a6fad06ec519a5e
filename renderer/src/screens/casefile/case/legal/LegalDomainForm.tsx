import { useTranslation } from 'react-i18next';
import { legalDomainInputSchema, legalDomains } from '../../../../../../shared/domain/legal';
import { call } from '../../../../api';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { SelectField } from '../../../../components/form/SelectField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { TextField } from '../../../../components/form/TextField';
import { useKimForm } from '../../../../hooks/useKimForm';

interface LegalDomainValues {
  domain: string;
  office: string;
  fileNumber: string;
  contactPerson: string;
  contactDetails: string;
  note: string;
}

const empty: LegalDomainValues = { domain: '', office: '', fileNumber: '', contactPerson: '', contactDetails: '', note: '' };

/** Adds a Rechtskreis to the case: the office responsible, its file number and contact person. */
export function LegalDomainForm({ caseId, onSaved }: { caseId: string; onSaved: (label: string) => void }) {
  const { t } = useTranslation();
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'legal-domain',
    schema: legalDomainInputSchema,
    toInput: (values: LegalDomainValues) => ({
      caseId,
      domain: values.domain === '' ? undefined : values.domain,
      office: values.office,
      fileNumber: orUndefined(values.fileNumber),
      contactPerson: orUndefined(values.contactPerson),
      contactDetails: orUndefined(values.contactDetails),
      note: orUndefined(values.note),
    }),
    defaultValues: empty,
    fields: {
      domain: { label: t('caseFile.legal.domain'), message: t('caseFile.legal.domainError') },
      office: { label: t('caseFile.legal.office') },
      fileNumber: { label: t('caseFile.legal.fileNumber') },
      contactPerson: { label: t('caseFile.legal.contactPerson') },
      contactDetails: { label: t('caseFile.legal.contactDetails') },
      note: { label: t('caseFile.legal.note') },
    },
  });

  const submit = onSubmit(async (input) => {
    await call('legal.saveDomain', input);
    form.reset(empty);
    onSaved(t(`caseFile.legalDomain.${input.domain}`));
  });

  return (
    <section aria-labelledby="legal-domain-form-title" className="subpanel">
      <h3 id="legal-domain-form-title">{t('caseFile.legal.addTitle')}</h3>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <div className="field-row">
          <SelectField
            id={id('domain')}
            label={t('caseFile.legal.domain')}
            registration={form.register('domain')}
            emptyLabel={t('common.choose')}
            options={legalDomains.map((domain) => ({ value: domain, label: t(`caseFile.legalDomain.${domain}`) }))}
            error={errorFor('domain')}
            required
            width="m"
          />
          <TextField id={id('office')} label={t('caseFile.legal.office')} hint={t('caseFile.legal.officeHint')} registration={form.register('office')} error={errorFor('office')} required width="m" />
        </div>
        <div className="field-row">
          <TextField id={id('fileNumber')} label={t('caseFile.legal.fileNumber')} registration={form.register('fileNumber')} error={errorFor('fileNumber')} width="s" />
          <TextField id={id('contactPerson')} label={t('caseFile.legal.contactPerson')} registration={form.register('contactPerson')} error={errorFor('contactPerson')} width="m" />
        </div>
        <TextField id={id('contactDetails')} label={t('caseFile.legal.contactDetails')} hint={t('caseFile.legal.contactDetailsHint')} registration={form.register('contactDetails')} error={errorFor('contactDetails')} width="l" />
        <TextAreaField id={id('note')} label={t('caseFile.legal.note')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.legal.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
