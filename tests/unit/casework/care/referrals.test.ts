import { afterEach, describe, expect, it } from 'vitest';
import { consentRequiredMessage } from '../../../../electron/core/casework/care/referrals';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call, fail, userName } from '../../core/helpers';
import { careHarness, countRows, openTestCase, personWithCase, rowsOf, setRole, type CareHarness } from './care-harness';

/** Referrals need a consent for the partner valid on the referral's date and today (today = 14.03.2025). */
describe('referrals: consent gating', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  const referral = (caseId: string, extra: Partial<ChannelInput<'referrals.create'>> = {}): ChannelInput<'referrals.create'> => ({
    caseId,
    partnerId: 'jc-me',
    lifeDomain: 'ausbildung_arbeit',
    reason: 'Beratung zur Arbeitsaufnahme',
    referredAt: '2025-03-14',
    ...extra,
  });
  const consentFor = (personId: string, extra: Partial<ChannelInput<'consents.create'>> = {}) =>
    call(h.core, 'consents.create', {
      personId,
      purpose: 'schweigepflichtentbindung',
      recipientPartnerId: 'jc-me',
      givenAt: '2025-03-01',
      form: 'schriftlich',
      ...extra,
    });
  /** the write path's traces: nothing of a refused referral may be in any of them */
  const traces = () => ({
    referrals: countRows(h, 'referrals'),
    outbox: countRows(h, 'outbox'),
    audit: countRows(h, 'audit_log'),
  });

  it('refused without any consent: CONSENT_REQUIRED with the partner’s name, nothing written', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    const before = traces();
    const error = await fail(h.core, 'referrals.create', referral(caseId));
    expect(error).toEqual({
      code: 'CONSENT_REQUIRED',
      message: 'Für Jobcenter ME-aktiv liegt keine gültige Einwilligung (Schweigepflichtentbindung) vor. Bitte zuerst die Einwilligung erfassen.',
    });
    expect(traces()).toEqual(before);
  });

  it('allowed with a valid consent: found by itself, or the one chosen; status angefragt', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const consent = await consentFor(personId);
    const created = await call(h.core, 'referrals.create', referral(caseId));
    expect(created).toMatchObject({
      caseId,
      partnerId: 'jc-me',
      partnerName: 'Jobcenter ME-aktiv',
      consentId: consent.id,
      overrideReason: null,
      status: 'angefragt',
      outcome: null,
      createdBy: userName,
    });
    const chosen = await call(h.core, 'referrals.create', referral(caseId, { consentId: consent.id, referredAt: '2025-03-10' }));
    expect(chosen.consentId).toBe(consent.id);
    expect((await call(h.core, 'referrals.list', { caseId })).map((r) => r.id)).toEqual([created.id, chosen.id]);
    expect(rowsOf(h, 'referrals').every((row) => row.person_id === personId)).toBe(true);
  });

  it('refused with an expired, a withdrawn, or another partner’s consent, and for a date before the consent', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const expired = await consentFor(personId, { givenAt: '2024-01-01', validUntil: '2025-01-31' });
    const withdrawn = await consentFor(personId);
    await call(h.core, 'consents.withdraw', { id: withdrawn.id, withdrawnAt: '2025-03-05' });
    const otherPartner = await consentFor(personId, { recipientPartnerId: 'abh-me' });
    const notSharing = await call(h.core, 'consents.create', { personId, purpose: 'verarbeitung', givenAt: '2025-03-01', form: 'schriftlich' });
    const before = traces();

    expect((await fail(h.core, 'referrals.create', referral(caseId))).code).toBe('CONSENT_REQUIRED');
    for (const consent of [expired, withdrawn, otherPartner, notSharing]) {
      const error = await fail(h.core, 'referrals.create', referral(caseId, { consentId: consent.id }));
      expect(error).toEqual({ code: 'CONSENT_REQUIRED', message: consentRequiredMessage('Jobcenter ME-aktiv') });
    }
    // the other partner's consent is good for that partner
    const valid = await consentFor(personId, { givenAt: '2025-03-12' });
    const error = await fail(h.core, 'referrals.create', referral(caseId, { consentId: valid.id, referredAt: '2025-03-11' }));
    expect(error.code).toBe('CONSENT_REQUIRED');
    expect(countRows(h, 'referrals')).toBe(before.referrals);

    const toAbh = await call(h.core, 'referrals.create', referral(caseId, { partnerId: 'abh-me', lifeDomain: 'aufenthalt' }));
    expect(toAbh).toMatchObject({ consentId: otherPartner.id, partnerName: 'Ausländerbehörde Kreis Mettmann' });
  });

  it('a consent of another person does not count', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    const other = await personWithCase(h);
    const othersConsent = await consentFor(other.personId);
    expect((await fail(h.core, 'referrals.create', referral(caseId, { consentId: othersConsent.id }))).code).toBe('CONSENT_REQUIRED');
    expect((await fail(h.core, 'referrals.create', referral(caseId))).code).toBe('CONSENT_REQUIRED');
  });

  it('override by the Teamleitung: stored reason, no consent, audited as consent_override in the same transaction', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    setRole(h, 'teamleitung');
    const created = await call(h.core, 'referrals.create', referral(caseId, { overrideReason: 'Akute Notlage, Person nicht erreichbar' }));
    expect(created).toMatchObject({ consentId: null, overrideReason: 'Akute Notlage, Person nicht erreichbar', status: 'angefragt' });

    const audit = h.db.prepare('SELECT action, entity, row_id, details FROM audit_log WHERE row_id = ? ORDER BY seq').all(created.id) as {
      action: string;
      entity: string;
      row_id: string;
      details: string;
    }[];
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'consent_override']);
    expect(audit[1]).toMatchObject({ entity: 'referrals', row_id: created.id });
    expect(JSON.parse(audit[1]!.details)).toEqual({ partnerId: 'jc-me' });
    // the reason is personal data: it is in the row, never in the log
    expect(audit.some((entry) => entry.details.includes('Notlage'))).toBe(false);
    expect((await call(h.core, 'audit.verify', {})).ok).toBe(true);
  });

  it('override refused for the Fallmanagement (and for a device that never enrolled): NOT_ALLOWED, nothing written', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    for (const role of [null, 'fallmanagement'] as const) {
      setRole(h, role);
      const before = traces();
      const error = await fail(h.core, 'referrals.create', referral(caseId, { overrideReason: 'Eilt' }));
      expect(error).toEqual({ code: 'NOT_ALLOWED', message: 'Nur die Teamleitung darf ohne Einwilligung vermitteln.' });
      expect(traces()).toEqual(before);
    }
  });

  it('a valid consent makes an override unnecessary: the consent is used, no override recorded', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const consent = await consentFor(personId);
    const created = await call(h.core, 'referrals.create', referral(caseId, { overrideReason: 'sicherheitshalber' }));
    expect(created).toMatchObject({ consentId: consent.id, overrideReason: null });
    expect(countRows(h, "audit_log WHERE action = 'consent_override'")).toBe(0);
  });

  it('the consent must be valid today as well: a referral back-dated into a consent withdrawn since is refused', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const consent = await consentFor(personId);
    await call(h.core, 'consents.withdraw', { id: consent.id, withdrawnAt: '2025-03-10' });
    const expired = await consentFor(personId, { givenAt: '2025-02-01', validUntil: '2025-03-12' });
    const before = traces();
    // dated 05.03., when the consent was still in force: the data is shared today all the same
    expect(await fail(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-03-05' }))).toEqual({
      code: 'CONSENT_REQUIRED',
      message: consentRequiredMessage('Jobcenter ME-aktiv'),
    });
    expect((await fail(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-03-05', consentId: consent.id }))).code).toBe('CONSENT_REQUIRED');
    // the same for a consent that expired since
    expect((await fail(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-03-05', consentId: expired.id }))).code).toBe('CONSENT_REQUIRED');
    expect(traces()).toEqual(before);
    // a consent valid then and now covers a referral recorded late
    const valid = await consentFor(personId, { givenAt: '2025-02-20' });
    expect((await call(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-03-05' }))).consentId).toBe(valid.id);
  });

  it('a referral dated in the future is refused (INVALID_INPUT on referredAt), whatever the consent or the role', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    await consentFor(personId, { givenAt: '2025-04-01' }); // in force only from next month
    await consentFor(personId, { givenAt: '2025-03-01' }); // valid today as well
    const before = traces();
    const message = 'Das Datum der Vermittlung darf nicht in der Zukunft liegen.';
    expect(await fail(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-04-02' }))).toEqual({
      code: 'INVALID_INPUT',
      message,
      fieldErrors: { referredAt: message },
    });
    expect((await fail(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-03-15' }))).code).toBe('INVALID_INPUT');
    setRole(h, 'teamleitung');
    expect((await fail(h.core, 'referrals.create', referral(caseId, { referredAt: '2025-03-15', overrideReason: 'Eilfall' }))).code).toBe('INVALID_INPUT');
    expect(traces()).toEqual(before);
  });

  it('a consent not yet in force today does not cover a referral today', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    await consentFor(personId, { givenAt: '2025-04-01' });
    expect((await fail(h.core, 'referrals.create', referral(caseId))).code).toBe('CONSENT_REQUIRED');
  });

  it('unknown partner NOT_FOUND; closed case INVALID_TRANSITION', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    expect((await fail(h.core, 'referrals.create', referral(caseId, { partnerId: 'gibt-es-nicht' }))).code).toBe('NOT_FOUND');
    const closed = openTestCase(h, personId, { phase: 'abschluss', closed_at: '2025-03-10' });
    await consentFor(personId);
    expect((await fail(h.core, 'referrals.create', referral(closed))).code).toBe('INVALID_TRANSITION');
  });

  it('update sets status and outcome; an omitted outcome is kept', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    await consentFor(personId);
    const created = await call(h.core, 'referrals.create', referral(caseId));
    const accepted = await call(h.core, 'referrals.update', { id: created.id, status: 'angenommen', outcome: 'Termin am 20.03.' });
    expect(accepted).toMatchObject({ status: 'angenommen', outcome: 'Termin am 20.03.' });
    const done = await call(h.core, 'referrals.update', { id: created.id, status: 'abgeschlossen' });
    expect(done).toMatchObject({ status: 'abgeschlossen', outcome: 'Termin am 20.03.' });
  });
});
