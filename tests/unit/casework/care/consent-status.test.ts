import { describe, expect, it } from 'vitest';
import { consentStatus, findValidConsentFor, type SharingConsent } from '../../../../electron/core/casework/care/consent-status';
import type { ConsentStatus } from '../../../../shared/domain/consent';

describe('consentStatus (pure, fixed dates)', () => {
  const given = '2025-03-01';
  const table: { name: string; validUntil: string | null; withdrawnAt: string | null; today: string; status: ConsentStatus }[] = [
    { name: 'on the day it was given', validUntil: null, withdrawnAt: null, today: '2025-03-01', status: 'gueltig' },
    { name: 'without end date, years later', validUntil: null, withdrawnAt: null, today: '2030-01-01', status: 'gueltig' },
    { name: 'on its last valid day', validUntil: '2025-06-30', withdrawnAt: null, today: '2025-06-30', status: 'gueltig' },
    { name: 'the day after it ran out', validUntil: '2025-06-30', withdrawnAt: null, today: '2025-07-01', status: 'abgelaufen' },
    { name: 'the day before it was given', validUntil: null, withdrawnAt: null, today: '2025-02-28', status: 'noch_nicht_gueltig' },
    { name: 'on the day of the withdrawal', validUntil: null, withdrawnAt: '2025-04-10', today: '2025-04-10', status: 'widerrufen' },
    { name: 'the day before a withdrawal', validUntil: null, withdrawnAt: '2025-04-10', today: '2025-04-09', status: 'gueltig' },
    { name: 'withdrawn and also expired', validUntil: '2025-05-01', withdrawnAt: '2025-04-10', today: '2025-06-01', status: 'widerrufen' },
  ];
  for (const row of table) {
    it(`${row.status}: ${row.name}`, () => {
      expect(consentStatus({ givenAt: given, validUntil: row.validUntil, withdrawnAt: row.withdrawnAt }, row.today)).toBe(row.status);
    });
  }
});

describe('findValidConsentFor', () => {
  const base: SharingConsent = {
    id: '0190a000-0000-7000-8000-000000000001',
    purpose: 'schweigepflichtentbindung',
    recipientPartnerId: 'jc-me',
    givenAt: '2025-03-01',
    validUntil: '2025-12-31',
    withdrawnAt: null,
  };

  it('finds a sharing consent for the partner, valid on the date', () => {
    expect(findValidConsentFor([base], 'jc-me', '2025-05-01')).toBe(base);
  });

  it('ignores other partners, non-sharing purposes, and consents not valid on that date', () => {
    const other = { ...base, recipientPartnerId: 'abh-me' };
    const processing = { ...base, purpose: 'verarbeitung' as const };
    expect(findValidConsentFor([other, processing], 'jc-me', '2025-05-01')).toBeUndefined();
    expect(findValidConsentFor([base], 'jc-me', '2026-01-01')).toBeUndefined(); // expired
    expect(findValidConsentFor([base], 'jc-me', '2025-02-01')).toBeUndefined(); // not yet given
    expect(findValidConsentFor([{ ...base, withdrawnAt: '2025-04-01' }], 'jc-me', '2025-05-01')).toBeUndefined();
    // the date matters, not today: a referral dated before the withdrawal was covered
    expect(findValidConsentFor([{ ...base, withdrawnAt: '2025-04-01' }], 'jc-me', '2025-03-15')).toBeDefined();
  });

  it('every sharing purpose counts; of several, the most recently given one', () => {
    const older = { ...base, purpose: 'datenweitergabe' as const };
    const newer = { ...base, id: '0190a000-0000-7000-8000-000000000002', purpose: 'vermittlung' as const, givenAt: '2025-04-01' };
    expect(findValidConsentFor([older, newer], 'jc-me', '2025-05-01')).toBe(newer);
    expect(findValidConsentFor([older], 'jc-me', '2025-05-01')).toBe(older);
  });
});
