import { afterEach, describe, expect, it } from 'vitest';
import { documentsEntity } from '../../../../electron/core/write/entities';
import { writeEntity } from '../../../../electron/core/write/write-path';
import { uuidv7 } from '../../../../shared/ids';
import { call, fail, userName } from '../../core/helpers';
import { advanceDays, careHarness, countRows, newPerson, openTestCase, rowsOf, sideWriteContext, type CareHarness } from './care-harness';

describe('consents through core.handle (today = 14.03.2025)', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  it('create copies the partner’s name; list shows the status for today', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    const valid = await call(h.core, 'consents.create', {
      personId,
      purpose: 'schweigepflichtentbindung',
      recipientPartnerId: 'jc-me',
      givenAt: '2025-03-01',
      form: 'muendlich_dolmetschung',
      interpreterLanguage: 'Arabisch',
      validUntil: '2026-02-28',
    });
    expect(valid).toMatchObject({
      personId,
      caseId: null,
      recipientPartnerId: 'jc-me',
      recipientName: 'Jobcenter ME-aktiv',
      interpreterLanguage: 'Arabisch',
      status: 'gueltig',
      withdrawnAt: null,
      recordedBy: userName,
      documentIds: [],
    });
    const expired = await call(h.core, 'consents.create', {
      personId,
      purpose: 'vermittlung',
      recipientPartnerId: 'abh-me',
      givenAt: '2024-01-10',
      form: 'schriftlich',
      validUntil: '2025-01-10',
    });
    const future = await call(h.core, 'consents.create', { personId, purpose: 'verarbeitung', givenAt: '2025-04-01', form: 'schriftlich' });
    expect(expired.status).toBe('abgelaufen');
    expect(future).toMatchObject({ status: 'noch_nicht_gueltig', recipientPartnerId: null, recipientName: null });

    const list = await call(h.core, 'consents.list', { personId });
    expect(list.map((c) => c.id)).toEqual([future.id, valid.id, expired.id]); // newest given first

    // the status moves with the clock: a year later the first one has run out too
    await advanceDays(h, 365);
    const later = await call(h.core, 'consents.list', { personId });
    expect(later.find((c) => c.id === valid.id)?.status).toBe('abgelaufen');
  });

  it('an unknown partner is refused with NOT_FOUND and nothing is written', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    const error = await fail(h.core, 'consents.create', {
      personId,
      purpose: 'datenweitergabe',
      recipientPartnerId: 'gibt-es-nicht',
      givenAt: '2025-03-01',
      form: 'schriftlich',
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('Netzwerkpartner');
    expect(countRows(h, 'consents')).toBe(0);
    // and a sharing purpose without a recipient does not pass the contract
    expect((await fail(h.core, 'consents.create', { personId, purpose: 'vermittlung', givenAt: '2025-03-01', form: 'schriftlich' })).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('a case of another person is refused', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    const otherCase = openTestCase(h, await newPerson(h, 'Haddad'));
    const error = await fail(h.core, 'consents.create', { personId, caseId: otherCase, purpose: 'verarbeitung', givenAt: '2025-03-01', form: 'schriftlich' });
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('documentIds: the live documents attached to the consent', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    const consent = await call(h.core, 'consents.create', { personId, purpose: 'verarbeitung', givenAt: '2025-03-01', form: 'schriftlich' });
    const attach = (ownerKind: string, ownerId: string) => {
      const id = uuidv7(h.clock.now());
      writeEntity(sideWriteContext(h), {
        entity: documentsEntity,
        kind: 'create',
        rowId: id,
        values: { person_id: personId, owner_kind: ownerKind, owner_id: ownerId, file_name: 'einwilligung.pdf', mime_type: 'application/pdf', size_bytes: 10 },
      });
      return id;
    };
    const signed = attach('consent', consent.id);
    const removed = attach('consent', consent.id);
    attach('person', personId); // not the consent's
    writeEntity(sideWriteContext(h), { entity: documentsEntity, kind: 'delete', rowId: removed, values: {} });

    const [listed] = await call(h.core, 'consents.list', { personId });
    expect(listed?.documentIds).toEqual([signed]);
  });

  it('withdraw: dated and noted once; not twice, not before it was given', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    const consent = await call(h.core, 'consents.create', {
      personId,
      purpose: 'schweigepflichtentbindung',
      recipientPartnerId: 'mbe-caritas',
      givenAt: '2025-03-01',
      form: 'schriftlich',
    });

    const early = await fail(h.core, 'consents.withdraw', { id: consent.id, withdrawnAt: '2025-02-28' });
    expect(early.code).toBe('INVALID_TRANSITION');
    expect(early.message).toContain('01.03.2025');

    const withdrawn = await call(h.core, 'consents.withdraw', { id: consent.id, withdrawnAt: '2025-03-10', note: 'telefonisch widerrufen' });
    expect(withdrawn).toMatchObject({ withdrawnAt: '2025-03-10', withdrawalNote: 'telefonisch widerrufen', status: 'widerrufen' });

    const again = await fail(h.core, 'consents.withdraw', { id: consent.id, withdrawnAt: '2025-03-12' });
    expect(again).toEqual({ code: 'INVALID_TRANSITION', message: 'Diese Einwilligung wurde bereits am 10.03.2025 widerrufen.' });
    expect(rowsOf(h, 'consents')[0]).toMatchObject({ withdrawn_at: '2025-03-10' });

    expect((await fail(h.core, 'consents.withdraw', { id: uuidv7(), withdrawnAt: '2025-03-12' })).code).toBe('NOT_FOUND');
  });

  it('a withdrawal dated later leaves the consent valid until that day', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    const consent = await call(h.core, 'consents.create', { personId, purpose: 'verarbeitung', givenAt: '2025-03-01', form: 'schriftlich' });
    expect((await call(h.core, 'consents.withdraw', { id: consent.id, withdrawnAt: '2025-03-20' })).status).toBe('gueltig');
    await advanceDays(h, 6);
    expect((await call(h.core, 'consents.list', { personId }))[0]?.status).toBe('widerrufen');
  });

  it('a row half-arrived by sync is skipped, not an error', async () => {
    h = await careHarness();
    const personId = await newPerson(h);
    await call(h.core, 'consents.create', { personId, purpose: 'verarbeitung', givenAt: '2025-03-01', form: 'schriftlich' });
    const now = new Date(h.clock.now()).toISOString();
    h.db.prepare('INSERT INTO consents (id, person_id, purpose, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(uuidv7(), personId, 'verarbeitung', now, now);
    expect(await call(h.core, 'consents.list', { personId })).toHaveLength(1);
  });
});
