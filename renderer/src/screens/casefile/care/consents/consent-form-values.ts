import type { ConsentForm, ConsentPurpose } from '../../../../../../shared/domain/consent';
import { optionalText, todayIso } from '../common/today';

export interface ConsentFormValues {
  purpose: ConsentPurpose | '';
  purposeText: string;
  recipientPartnerId: string;
  givenAt: string;
  form: ConsentForm;
  interpreterLanguage: string;
  validUntil: string;
}

export const consentFields = ['purpose', 'purposeText', 'recipientPartnerId', 'givenAt', 'form', 'interpreterLanguage', 'validUntil'] as const;

export function emptyConsentForm(preset: { partnerId?: string; purpose?: ConsentPurpose } = {}): ConsentFormValues {
  return {
    purpose: preset.purpose ?? '',
    purposeText: '',
    recipientPartnerId: preset.partnerId ?? '',
    givenAt: todayIso(),
    form: 'schriftlich',
    interpreterLanguage: '',
    validUntil: '',
  };
}

/** The form's strings as consentInputSchema's input; the language counts only with an interpreter. */
export function consentFormToInput(values: ConsentFormValues, owner: { personId: string; caseId?: string | undefined }): unknown {
  return {
    personId: owner.personId,
    ...(owner.caseId ? { caseId: owner.caseId } : {}),
    purpose: values.purpose === '' ? undefined : values.purpose,
    purposeText: optionalText(values.purposeText),
    recipientPartnerId: optionalText(values.recipientPartnerId),
    givenAt: values.givenAt,
    form: values.form,
    interpreterLanguage: values.form === 'muendlich_dolmetschung' ? optionalText(values.interpreterLanguage) : undefined,
    validUntil: optionalText(values.validUntil),
  };
}
