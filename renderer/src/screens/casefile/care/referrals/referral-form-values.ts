import { sharingPurposes, type Consent } from '../../../../../../shared/domain/consent';
import type { LifeDomain } from '../../../../../../shared/domain/life-domains';
import { referralInputSchema } from '../../../../../../shared/domain/referral';
import { optionalText, todayIso } from '../common/today';

export interface ReferralFormValues {
  partnerId: string;
  lifeDomain: LifeDomain | '';
  reason: string;
  referredAt: string;
  /** '' = let the core find the valid consent for the partner */
  consentId: string;
  withoutConsent: boolean;
  overrideReason: string;
}

export const referralFields = ['partnerId', 'lifeDomain', 'reason', 'referredAt', 'consentId', 'withoutConsent', 'overrideReason'] as const;

export function emptyReferralForm(): ReferralFormValues {
  return { partnerId: '', lifeDomain: '', reason: '', referredAt: todayIso(), consentId: '', withoutConsent: false, overrideReason: '' };
}

/** Consents that allow a referral to this partner today: valid, for a sharing purpose, to this recipient. */
export function consentsFor(consents: readonly Consent[], partnerId: string): Consent[] {
  return consents.filter((consent) => consent.status === 'gueltig' && consent.recipientPartnerId === partnerId && sharingPurposes.includes(consent.purpose));
}

export function referralFormToInput(values: ReferralFormValues, caseId: string): unknown {
  return {
    caseId,
    partnerId: values.partnerId,
    lifeDomain: values.lifeDomain === '' ? undefined : values.lifeDomain,
    reason: values.reason,
    referredAt: values.referredAt,
    consentId: values.withoutConsent ? undefined : optionalText(values.consentId),
    // '' (not absent) when the override is chosen: the check below then asks for the reason.
    overrideReason: values.withoutConsent ? values.overrideReason : undefined,
  };
}

export const overrideReasonMissing = 'Bitte begründen, warum ohne Einwilligung vermittelt wird';

/** The shared schema, plus: whoever chooses the override must give its reason (the core audits it). */
export const referralFormSchema = referralInputSchema.superRefine((input, ctx) => {
  if (input.overrideReason !== undefined && input.overrideReason.trim() === '') {
    ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: overrideReasonMissing });
  }
});
