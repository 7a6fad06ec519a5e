import { sharingPurposes, type Consent, type ConsentStatus } from '../../../../shared/domain/consent';

/** What the status of a consent depends on; dates are `YYYY-MM-DD`, so text order is date order. */
export type ConsentDates = Pick<Consent, 'givenAt' | 'validUntil' | 'withdrawnAt'>;

/**
 * The status of a consent on a given day. A withdrawal takes effect on its own date (a
 * withdrawal recorded for a later day leaves the consent valid until then); "gültig bis" is
 * the last valid day.
 */
export function consentStatus(consent: ConsentDates, today: string): ConsentStatus {
  if (consent.withdrawnAt !== null && consent.withdrawnAt <= today) return 'widerrufen';
  if (today < consent.givenAt) return 'noch_nicht_gueltig';
  if (consent.validUntil !== null && today > consent.validUntil) return 'abgelaufen';
  return 'gueltig';
}

export type SharingConsent = ConsentDates & Pick<Consent, 'id' | 'purpose' | 'recipientPartnerId'>;

/**
 * A consent that allows sharing with the partner on that date: a sharing purpose, the partner
 * as recipient, valid that day. Of several, the most recently given one.
 */
export function findValidConsentFor<C extends SharingConsent>(consents: readonly C[], partnerId: string, date: string): C | undefined {
  let best: C | undefined;
  for (const consent of consents) {
    if (!sharingPurposes.includes(consent.purpose)) continue;
    if (consent.recipientPartnerId !== partnerId) continue;
    if (consentStatus(consent, date) !== 'gueltig') continue;
    if (!best || consent.givenAt > best.givenAt) best = consent;
  }
  return best;
}
