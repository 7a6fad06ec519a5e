import { useEffect, useId, useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentFormSchema, consentInputSchema, consentPurposes, type Consent, type ConsentInput, type ConsentPurpose } from '../../../../../../shared/domain/consent';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { FieldsetFrame } from '../../../../components/form/FieldsetFrame';
import { Radio } from '../../../../components/form/Radio';
import { SelectField } from '../../../../components/form/SelectField';
import { TextField } from '../../../../components/form/TextField';
import { CareForm } from '../common/CareForm';
import { FormPanel } from '../common/FormPanel';
import { careResolver } from '../common/care-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';
import { useReference } from '../common/useReference';
import { consentFields, consentFormToInput, emptyConsentForm, type ConsentFormValues } from './consent-form-values';

interface ConsentFormProps {
  personId: string;
  caseId?: string | undefined;
  /** preset from the referral that needs it: the partner and the purpose "Vermittlung" */
  preset?: { partnerId?: string; purpose?: ConsentPurpose };
  headingLevel?: 2 | 3;
  /** the form appeared on request (not with the tab): its heading takes focus */
  focusOnMount?: boolean;
  onSaved: (consent: Consent) => void;
  onCancel?: () => void;
}

/** Records one consent: one purpose, one recipient, date, form, validity. */
export function ConsentForm({ personId, caseId, preset, headingLevel = 2, focusOnMount = false, onSaved, onCancel }: ConsentFormProps) {
  const { t } = useTranslation();
  const formId = `consent-form${useId().replace(/:/g, '')}`;
  const headingId = `${formId}-title`;
  const id = (path: string) => fieldId(formId, path);
  const { partnerOptions } = useReference();
  const resolver = useMemo(() => careResolver<ConsentFormValues, ConsentInput>(consentInputSchema, (values) => consentFormToInput(values, { personId, caseId })), [personId, caseId]);
  const { form, formError, attempt, busy, onSubmit } = useCareForm<ConsentFormValues, ConsentInput>({
    resolver,
    defaultValues: emptyConsentForm(preset),
    fields: consentFields,
    submit: async (input) => {
      const saved = await call('consents.create', input);
      form.reset(emptyConsentForm());
      onSaved(saved);
    },
  });
  const { register, control, formState } = form;
  // The partner list arrives after the form: a preset partner is chosen once its option exists.
  const presetPartner = preset?.partnerId;
  const partnersLoaded = partnerOptions.length > 0;
  useEffect(() => {
    if (presetPartner && partnersLoaded) form.setValue('recipientPartnerId', presetPartner);
  }, [presetPartner, partnersLoaded, form]);
  const kind = useWatch({ control, name: 'form' });
  const labels = {
    purpose: t('care.consent.purpose'),
    purposeText: t('care.consent.purposeText'),
    recipientPartnerId: t('care.consent.recipient'),
    givenAt: t('care.consent.givenAt'),
    form: t('care.consent.form'),
    interpreterLanguage: t('care.consent.interpreterLanguage'),
    validUntil: t('care.consent.validUntil'),
  };
  const { errorFor, items } = useCareErrors(formId, formState.errors, formError, {
    labels,
    fixed: { purpose: t('care.consent.purposeMissing') },
    target: (path) => (path === 'form' ? 'form.schriftlich' : path),
  });
  const formRegistration = register('form');

  return (
    <FormPanel headingId={headingId} title={t('care.consent.newTitle')} level={headingLevel} focusOnMount={focusOnMount}>
      <CareForm id={formId} labelledBy={headingId} items={items} attempt={attempt} busy={busy} submitLabel={t('care.consent.save')} onSubmit={onSubmit} onCancel={onCancel}>
        <div className="field-row">
          <SelectField
            id={id('purpose')}
            label={labels.purpose}
            registration={register('purpose')}
            options={consentPurposes.map((purpose) => ({ value: purpose, label: t(`care.consent.purposes.${purpose}`) }))}
            emptyLabel={t('common.choose')}
            error={errorFor('purpose')}
            required
            width="m"
          />
          <SelectField
            id={id('recipientPartnerId')}
            label={labels.recipientPartnerId}
            hint={t('care.consent.recipientHint')}
            registration={register('recipientPartnerId')}
            options={partnerOptions}
            emptyLabel={t('care.consent.noRecipient')}
            error={errorFor('recipientPartnerId')}
            width="m"
          />
        </div>
        <TextAreaField id={id('purposeText')} label={labels.purposeText} hint={t('care.consent.purposeTextHint')} registration={register('purposeText')} error={errorFor('purposeText')} rows={2} />
        <FieldsetFrame id={id('form')} legend={labels.form} error={errorFor('form')} required>
          <div className="choice-row">
            {consentFormSchema.options.map((option) => (
              <Radio key={option} id={id(`form.${option}`)} value={option} label={t(`care.consent.forms.${option}`)} registration={formRegistration} />
            ))}
          </div>
          {kind === 'muendlich_dolmetschung' ? (
            <TextField id={id('interpreterLanguage')} label={labels.interpreterLanguage} registration={register('interpreterLanguage')} error={errorFor('interpreterLanguage')} required width="m" />
          ) : null}
        </FieldsetFrame>
        <div className="field-row">
          <TextField id={id('givenAt')} label={labels.givenAt} type="date" registration={register('givenAt')} error={errorFor('givenAt')} required width="s" />
          <TextField id={id('validUntil')} label={labels.validUntil} hint={t('care.consent.validUntilHint')} type="date" registration={register('validUntil')} error={errorFor('validUntil')} width="s" />
        </div>
      </CareForm>
    </FormPanel>
  );
}
