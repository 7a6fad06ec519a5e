import { afterEach, describe, expect, it } from 'vitest';
import { call, fail, userName } from '../../core/helpers';
import { auditSince, caseHarness, lastAuditSeq, personWithCase, rowOf, type CaseHarness } from './case-harness';

describe('legal domains, deadlines and generative themes of a case', () => {
  let h: CaseHarness;
  afterEach(() => h.close());

  it('legal domains: create, update by id, list, remove (tombstone); the removed domain’s deadlines stay without the link', async () => {
    h = await caseHarness();
    const { caseId, personId } = await personWithCase(h);
    const jobcenter = await call(h.core, 'legal.saveDomain', { caseId, domain: 'sgb2', office: 'Jobcenter ME-aktiv', fileNumber: '123/45', contactPerson: '' });
    expect(jobcenter).toEqual({
      id: expect.any(String),
      caseId,
      domain: 'sgb2',
      office: 'Jobcenter ME-aktiv',
      fileNumber: '123/45',
      contactPerson: null,
      contactDetails: null,
      note: null,
    });
    expect(rowOf(h, 'legal_domains', jobcenter.id).person_id).toBe(personId);
    const abh = await call(h.core, 'legal.saveDomain', { caseId, domain: 'aufenthg', office: 'Ausländerbehörde Kreis Mettmann' });

    const before = lastAuditSeq(h);
    const changed = await call(h.core, 'legal.saveDomain', {
      id: jobcenter.id,
      caseId,
      domain: 'sgb2',
      office: 'Jobcenter ME-aktiv',
      fileNumber: '123/45',
      contactPerson: 'Frau Schmitz',
    });
    expect(changed).toMatchObject({ id: jobcenter.id, contactPerson: 'Frau Schmitz' });
    expect(auditSince(h, before)).toMatchObject([{ action: 'update', entity: 'legal_domains', details: '{"fields":["contact_person"]}' }]);

    const permit = await call(h.core, 'deadlines.save', { caseId, legalDomainId: abh.id, kind: 'aufenthaltstitel_ablauf', dueAt: '2025-09-30', note: 'AE § 25 Abs. 2' });
    expect(permit).toEqual({ id: expect.any(String), caseId, legalDomainId: abh.id, kind: 'aufenthaltstitel_ablauf', dueAt: '2025-09-30', note: 'AE § 25 Abs. 2', doneAt: null });
    const naturalisation = await call(h.core, 'deadlines.save', { caseId, kind: 'einbuergerung', dueAt: '2025-06-01' });

    expect(await call(h.core, 'legal.list', { caseId })).toEqual({ domains: [changed, abh], deadlines: [naturalisation, permit] });

    expect(await call(h.core, 'legal.removeDomain', { id: abh.id })).toEqual({ removed: true });
    expect(rowOf(h, 'legal_domains', abh.id).deleted_at).toEqual(expect.any(String));
    const after = await call(h.core, 'legal.list', { caseId });
    expect(after.domains).toEqual([changed]);
    expect(after.deadlines).toEqual([naturalisation, { ...permit, legalDomainId: null }]);
    expect((await fail(h.core, 'legal.removeDomain', { id: abh.id })).code).toBe('NOT_FOUND');
  });

  it('deadlines: update keeps the done date; setDone and back; ids of another case are refused', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    const other = await personWithCase(h);
    const otherDomain = await call(h.core, 'legal.saveDomain', { caseId: other.caseId, domain: 'stag', office: 'Einbürgerungsbehörde' });
    const deadline = await call(h.core, 'deadlines.save', { caseId, kind: 'p25b', dueAt: '2026-01-15' });

    const done = await call(h.core, 'deadlines.setDone', { id: deadline.id, doneAt: '2025-03-14' });
    expect(done).toEqual({ ...deadline, doneAt: '2025-03-14' });
    const moved = await call(h.core, 'deadlines.save', { id: deadline.id, caseId, kind: 'p25b', dueAt: '2026-02-01', note: 'verlängert' });
    expect(moved).toEqual({ ...deadline, dueAt: '2026-02-01', note: 'verlängert', doneAt: '2025-03-14' });
    expect(await call(h.core, 'deadlines.setDone', { id: deadline.id, doneAt: null })).toMatchObject({ doneAt: null });

    expect((await fail(h.core, 'deadlines.save', { caseId, legalDomainId: otherDomain.id, kind: 'sonstige', dueAt: '2025-05-01' })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'deadlines.save', { id: deadline.id, caseId: other.caseId, kind: 'p25b', dueAt: '2026-02-01' })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'legal.saveDomain', { id: otherDomain.id, caseId, domain: 'stag', office: 'x' })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'deadlines.setDone', { id: '0193a0e0-0000-7000-8000-000000000000', doneAt: null })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'legal.list', { caseId: '0193a0e0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });

  it('themes: from the county list (label copied) or free text; unknown keys refused; removed by tombstone', async () => {
    h = await caseHarness();
    const { caseId, personId } = await personWithCase(h);
    const listed = await call(h.core, 'themes.add', { caseId, themeKey: 'termine_abh', note: 'drei Monate Wartezeit', notedAt: '2025-03-12' });
    expect(listed).toEqual({
      id: expect.any(String),
      caseId,
      themeKey: 'termine_abh',
      label: 'Lange Wartezeiten auf Termine bei der Ausländerbehörde',
      note: 'drei Monate Wartezeit',
      notedAt: '2025-03-12',
      notedBy: userName,
    });
    expect(rowOf(h, 'case_themes', listed.id).person_id).toBe(personId);
    const free = await call(h.core, 'themes.add', { caseId, freeText: 'Keine Busverbindung zum Sprachkurs', notedAt: '2025-03-10' });
    expect(free).toMatchObject({ themeKey: null, label: 'Keine Busverbindung zum Sprachkurs', note: null });

    const unknown = await fail(h.core, 'themes.add', { caseId, themeKey: 'gibt_es_nicht', notedAt: '2025-03-14' });
    expect(unknown).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { themeKey: expect.stringContaining('Themenliste des Kreises') } });
    expect((await fail(h.core, 'themes.add', { caseId, notedAt: '2025-03-14' })).code).toBe('INVALID_INPUT');

    expect(await call(h.core, 'themes.list', { caseId })).toEqual([free, listed]);
    expect(await call(h.core, 'themes.remove', { id: free.id })).toEqual({ removed: true });
    expect(rowOf(h, 'case_themes', free.id).deleted_at).toEqual(expect.any(String));
    expect(await call(h.core, 'themes.list', { caseId })).toEqual([listed]);
    expect((await fail(h.core, 'themes.remove', { id: free.id })).code).toBe('NOT_FOUND');
  });

  it('a closed case refuses changes to existing legal domains, deadlines and themes too', async () => {
    h = await caseHarness();
    const { caseId } = await personWithCase(h);
    const domain = await call(h.core, 'legal.saveDomain', { caseId, domain: 'sgb12', office: 'Sozialamt Hilden' });
    const deadline = await call(h.core, 'deadlines.save', { caseId, kind: 'widerspruch', dueAt: '2025-04-10' });
    const theme = await call(h.core, 'themes.add', { caseId, themeKey: 'wohnraum', notedAt: '2025-03-14' });
    await call(h.core, 'cases.close', { caseId, reason: 'regelangebote' });
    const before = lastAuditSeq(h);
    for (const [channel, input] of [
      ['legal.saveDomain', { id: domain.id, caseId, domain: 'sgb12', office: 'Sozialamt Mettmann' }],
      ['legal.removeDomain', { id: domain.id }],
      ['deadlines.save', { id: deadline.id, caseId, kind: 'widerspruch', dueAt: '2025-04-11' }],
      ['deadlines.setDone', { id: deadline.id, doneAt: '2025-03-14' }],
      ['themes.remove', { id: theme.id }],
    ] as const) {
      expect((await fail(h.core, channel, input)).code, channel).toBe('INVALID_TRANSITION');
    }
    expect(auditSince(h, before)).toEqual([]);
    expect(await call(h.core, 'themes.list', { caseId })).toEqual([theme]);
  });
});
