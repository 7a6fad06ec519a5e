import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Consent } from '../../../../../../shared/domain/consent';
import { lifeDomains } from '../../../../../../shared/domain/life-domains';
import type { Referral } from '../../../../../../shared/domain/referral';
import { call, isKimApiError } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { Notice } from '../../../../components/Notice';
import { SelectField } from '../../../../components/form/SelectField';
import { StatusMessage } from '../../../../components/StatusMessage';
import { TextField } from '../../../../components/form/TextField';
import { errorText } from '../../../../i18n/error-text';
import { formatIsoDate } from '../../../../format/dates';
import { CareForm } from '../common/CareForm';
import { FormPanel } from '../common/FormPanel';
import { careResolver } from '../common/care-resolver';
import { CheckboxField } from '../../../../components/form/CheckboxField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';
import { useReference } from '../common/useReference';
import { ConsentForm } from '../consents/ConsentForm';
import { consentsFor, emptyReferralForm, overrideReasonMissing, referralFields, referralFormSchema, referralFormToInput, type ReferralFormValues } from './referral-form-values';

type ReferralInput = z.output<typeof referralFormSchema>;
const formId = 'referral-form';

interface ReferralFormProps {
  caseId: string;
  personId: string;
  consents: readonly Consent[];
  onConsentAdded: () => void;
  onSaved: (referral: Referral) => void;
  onCancel: () => void;
}

/**
 * A referral to a network partner. Without a valid consent for that partner the core refuses
 * (CONSENT_REQUIRED): the refusal stays next to the form with the way to record the consent;
 * a role allowed to may go ahead without one, with a reason the core audits.
 */
export function ReferralForm({ caseId, personId, consents, onConsentAdded, onSaved, onCancel }: ReferralFormProps) {
  const { t } = useTranslation();
  const id = (path: string) => fieldId(formId, path);
  const { partnerOptions, partnerName, mayOverrideConsent } = useReference();
  const [refusal, setRefusal] = useState<{ message: string; partnerId: string } | null>(null);
  const [recordingConsent, setRecordingConsent] = useState(false);
  const [consentSaved, setConsentSaved] = useState(false);
  const resolver = useMemo(() => careResolver<ReferralFormValues, ReferralInput>(referralFormSchema, (values) => referralFormToInput(values, caseId)), [caseId]);
  const { form, formError, attempt, busy, onSubmit } = useCareForm<ReferralFormValues, ReferralInput>({
    resolver,
    defaultValues: emptyReferralForm(),
    fields: referralFields,
    submit: async (input) => {
      setRefusal(null);
      setConsentSaved(false);
      onSaved(await call('referrals.create', input));
    },
    onRefusal: (error) => {
      if (!isKimApiError(error, 'CONSENT_REQUIRED')) return false;
      setRefusal({ message: errorText(error), partnerId: form.getValues('partnerId') });
      return true;
    },
  });
  const { register, control } = form;
  const partnerId = useWatch({ control, name: 'partnerId' });
  const withoutConsent = useWatch({ control, name: 'withoutConsent' });
  const usable = consentsFor(consents, partnerId);
  const labels = {
    partnerId: t('care.referral.partner'),
    lifeDomain: t('care.referral.lifeDomain'),
    reason: t('care.referral.reason'),
    referredAt: t('care.referral.date'),
    consentId: t('care.referral.consent'),
    overrideReason: t('care.referral.overrideReason'),
  };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, {
    labels,
    fixed: { partnerId: t('care.referral.partnerMissing'), lifeDomain: t('care.referral.lifeDomainMissing'), overrideReason: t('care.referral.overrideReasonMissing') },
  });
  // The override's own message is German in the shared refinement; show it in the UI's language.
  const overrideError = errorFor('overrideReason') === overrideReasonMissing ? t('care.referral.overrideReasonMissing') : errorFor('overrideReason');
  const refusedPartner = refusal ? partnerName(refusal.partnerId) : '';

  return (
    <FormPanel headingId="referral-form-title" title={t('care.referral.newTitle')} focusOnMount>
      <CareForm id={formId} labelledBy="referral-form-title" items={items} attempt={attempt} busy={busy} submitLabel={t('care.referral.save')} onSubmit={onSubmit} onCancel={onCancel}>
        <div className="field-row">
          <SelectField id={id('partnerId')} label={labels.partnerId} registration={register('partnerId')} options={partnerOptions} emptyLabel={t('common.choose')} error={errorFor('partnerId')} required width="m" />
          <SelectField
            id={id('lifeDomain')}
            label={labels.lifeDomain}
            registration={register('lifeDomain')}
            options={lifeDomains.map((domain) => ({ value: domain, label: t(`care.lifeDomain.${domain}`) }))}
            emptyLabel={t('common.choose')}
            error={errorFor('lifeDomain')}
            required
            width="m"
          />
        </div>
        <TextAreaField id={id('reason')} label={labels.reason} registration={register('reason')} error={errorFor('reason')} required />
        <div className="field-row">
          <TextField id={id('referredAt')} label={labels.referredAt} type="date" registration={register('referredAt')} error={errorFor('referredAt')} required width="s" />
          {withoutConsent ? null : (
            <SelectField
              id={id('consentId')}
              label={labels.consentId}
              hint={partnerId === '' ? t('care.referral.consentChoosePartner') : usable.length === 0 ? t('care.referral.consentNone') : t('care.referral.consentHint')}
              registration={register('consentId')}
              options={usable.map((consent) => ({
                value: consent.id,
                label: t('care.referral.consentOption', { purpose: t(`care.consent.purposes.${consent.purpose}`), date: formatIsoDate(consent.givenAt) }),
              }))}
              emptyLabel={t('care.referral.consentAuto')}
              error={errorFor('consentId')}
              width="m"
            />
          )}
        </div>
        {mayOverrideConsent ? (
          <div className="care-override">
            <CheckboxField id={id('withoutConsent')} label={t('care.referral.withoutConsent')} registration={register('withoutConsent')} />
            {withoutConsent ? (
              <TextAreaField id={id('overrideReason')} label={labels.overrideReason} hint={t('care.referral.overrideHint')} registration={register('overrideReason')} error={overrideError} required />
            ) : null}
          </div>
        ) : null}
      </CareForm>
      <StatusMessage message={consentSaved ? t('care.referral.consentRecorded') : null} />
      {refusal ? (
        <Notice tone="error" role="alert" title={t('care.referral.refusedTitle')}>
          <p>{refusal.message}</p>
          {recordingConsent ? null : (
            <div className="care-card-actions refusal-actions">
              <button type="button" className="button button-primary button-small" onClick={() => setRecordingConsent(true)}>
                {t('care.referral.recordConsent', { partner: refusedPartner })}
              </button>
              <Link to={`/cases/${caseId}/consents`}>{t('care.referral.toConsents')}</Link>
            </div>
          )}
        </Notice>
      ) : null}
      {refusal && recordingConsent ? (
        <ConsentForm
          personId={personId}
          caseId={caseId}
          preset={{ partnerId: refusal.partnerId, purpose: 'vermittlung' }}
          headingLevel={3}
          focusOnMount
          onSaved={() => {
            setRecordingConsent(false);
            setRefusal(null);
            setConsentSaved(true);
            onConsentAdded();
            // Back to where the referral is saved: the form's submit button.
            requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`#${formId} button[type="submit"]`)?.focus());
          }}
          onCancel={() => setRecordingConsent(false)}
        />
      ) : null}
    </FormPanel>
  );
}
