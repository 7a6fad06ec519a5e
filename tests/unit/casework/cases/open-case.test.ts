import { afterEach, describe, expect, it } from 'vitest';
import { call, fail, userName } from '../../core/helpers';
import { allYes, auditSince, caseHarness, lastAuditSeq, newPerson, rowOf, rowsOf, today, type CaseHarness } from './case-harness';

const labels = {
  arrival: 'Zuzug in den Kreis vor höchstens 5 Jahren',
  status: 'Aufenthaltsstatus der Zielgruppe (Asyl, Duldung, humanitär, Familiennachzug)',
  noOtherCm: 'Keine andere Fallbegleitung (z. B. JMD, MBE, Jugendhilfe) zuständig',
  domains: 'Unterstützungsbedarf in mehreren Rechtskreisen',
};

describe('opening a case with the target-group check', () => {
  let h: CaseHarness;
  afterEach(() => h.close());

  it('reference.get: the starting sets and the default role on a device that never enrolled', async () => {
    h = await caseHarness();
    const reference = await call(h.core, 'reference.get', {});
    expect(reference.role).toBe('fallmanagement');
    expect(reference.targetGroupCriteria.map((c) => c.key)).toEqual(['arrival', 'status', 'no_other_cm', 'multiple_domains']);
    expect(reference.themes.length).toBeGreaterThan(0);
    expect(reference.partners.length).toBeGreaterThan(0);
  });

  it('cases.targetGroupCheck: automatic criteria from the person, questions from the answers', async () => {
    h = await caseHarness();
    const personId = await newPerson(h);
    const check = await call(h.core, 'cases.targetGroupCheck', { personId, answers: { no_other_cm: true } });
    expect(check).toEqual({
      checkedAt: today,
      met: false,
      overrideReason: null,
      criteria: [
        { key: 'arrival', label: labels.arrival, held: true, source: 'person' },
        { key: 'status', label: labels.status, held: true, source: 'person' },
        { key: 'no_other_cm', label: labels.noOtherCm, held: true, source: 'answer' },
        { key: 'multiple_domains', label: labels.domains, held: null, source: 'answer' },
      ],
    });
    const unknownData = await newPerson(h, { arrivalDate: undefined, residence: undefined });
    const blank = await call(h.core, 'cases.targetGroupCheck', { personId: unknownData, answers: allYes });
    expect(blank.criteria.map((c) => c.held)).toEqual([null, null, true, true]);
    expect((await fail(h.core, 'cases.targetGroupCheck', { personId: '0193a0e0-0000-7000-8000-000000000000', answers: {} })).code).toBe('NOT_FOUND');
  });

  it('met: the check is stored without a reason, and the case starts with a dated open event, in one audited transaction', async () => {
    h = await caseHarness();
    const personId = await newPerson(h);
    const before = lastAuditSeq(h);
    const opened = await call(h.core, 'cases.open', { personId, answers: allYes });
    expect(opened).toMatchObject({
      personId,
      phase: 'zugang',
      caseManager: userName,
      openedAt: today,
      closedAt: null,
      closeReason: null,
      closeNote: null,
      involvedPersonIds: [],
      targetGroup: { checkedAt: today, met: true, overrideReason: null },
    });
    expect(opened.targetGroup?.criteria.every((c) => c.held === true)).toBe(true);
    expect(JSON.parse(String(rowOf(h, 'cases', opened.id).target_group))).toEqual(opened.targetGroup);

    const events = rowsOf(h, 'case_phase_events', 'case_id = ?', opened.id);
    expect(events).toMatchObject([
      { person_id: personId, kind: 'open', from_phase: null, to_phase: 'zugang', moved_at: today, by_user: userName, close_reason: null },
    ]);
    expect(auditSince(h, before)).toMatchObject([
      { action: 'create', entity: 'cases', row_id: opened.id, actor: userName },
      { action: 'create', entity: 'case_phase_events', row_id: events[0]?.id },
    ]);

    const detail = await call(h.core, 'cases.get', { id: opened.id });
    expect(detail.case).toEqual(opened);
    expect(detail.person).toEqual({ id: personId, familyName: 'Quxtrablinsky', givenNames: 'Zeynepova Amira' });
    expect(detail.phaseEvents).toMatchObject([{ kind: 'open', fromPhase: null, toPhase: 'zugang', movedAt: today, by: userName, note: null }]);
  });

  it('not met and no reason: TARGET_GROUP_NOT_MET naming each criterion that did not hold; nothing is written', async () => {
    h = await caseHarness();
    const personId = await newPerson(h, { residence: { status: 'niederlassung' } });
    const before = lastAuditSeq(h);
    const error = await fail(h.core, 'cases.open', { personId, answers: { no_other_cm: true } });
    expect(error.code).toBe('TARGET_GROUP_NOT_MET');
    expect(error.message).toBe(
      `Die Zielgruppenkriterien sind nicht alle erfüllt: „${labels.status}“ (nicht erfüllt), „${labels.domains}“ (nicht geklärt). ` +
        'Um den Fall trotzdem zu eröffnen, bitte einen Grund angeben.',
    );
    // an empty reason is no reason
    expect((await fail(h.core, 'cases.open', { personId, answers: allYes, overrideReason: '   ' })).code).toBe('TARGET_GROUP_NOT_MET');
    // a call without answers (the issue-2 form) is refused too: the questions are not answered
    expect((await fail(h.core, 'cases.open', { personId: await newPerson(h) })).code).toBe('TARGET_GROUP_NOT_MET');
    expect(rowsOf(h, 'cases', '1 = 1')).toEqual([]);
    expect(rowsOf(h, 'case_phase_events', '1 = 1')).toEqual([]);
    expect(auditSince(h, before).filter((row) => row.entity !== 'persons')).toEqual([]);
  });

  it('not met with a reason: opened anyway, the reason stored with the check', async () => {
    h = await caseHarness();
    const personId = await newPerson(h, { arrivalDate: '2015-06-01' });
    const opened = await call(h.core, 'cases.open', {
      personId,
      answers: allYes,
      overrideReason: 'Zuzug länger her, aber akuter Bedarf in drei Rechtskreisen',
    });
    expect(opened.targetGroup).toMatchObject({ met: false, overrideReason: 'Zuzug länger her, aber akuter Bedarf in drei Rechtskreisen' });
    expect(opened.targetGroup?.criteria[0]).toEqual({ key: 'arrival', label: labels.arrival, held: false, source: 'person' });
    expect((await call(h.core, 'cases.get', { id: opened.id })).case.targetGroup?.overrideReason).toBe(
      'Zuzug länger her, aber akuter Bedarf in drei Rechtskreisen',
    );
  });

  it('the county’s criteria come from the reference data the device received', async () => {
    h = await caseHarness();
    const reference = { version: 9, catalogs: await call(h.core, 'catalogs.get', {}), partners: [], targetGroupCriteria: [], themes: [] };
    h.db.prepare('UPDATE sync_state SET reference_data = ? WHERE id = 1').run(JSON.stringify(reference));
    const personId = await newPerson(h, { arrivalDate: undefined, residence: undefined });
    const opened = await call(h.core, 'cases.open', { personId });
    expect(opened.targetGroup).toEqual({ checkedAt: today, criteria: [], met: true, overrideReason: null });
  });

  it('unknown person: NOT_FOUND before any check', async () => {
    h = await caseHarness();
    const error = await fail(h.core, 'cases.open', { personId: '0193a0e0-0000-7000-8000-000000000000', answers: allYes });
    expect(error).toEqual({ code: 'NOT_FOUND', message: 'Diese Person wurde nicht gefunden. Vielleicht wurde sie gelöscht.' });
  });

  it('cases.get reads cases from before the check and unreadable JSON as "no check" / "nobody involved"', async () => {
    h = await caseHarness();
    const personId = await newPerson(h);
    const opened = await call(h.core, 'cases.open', { personId, answers: allYes });
    h.db.prepare("UPDATE cases SET target_group = NULL, involved_person_ids = '{not json' WHERE id = ?").run(opened.id);
    const detail = await call(h.core, 'cases.get', { id: opened.id });
    expect(detail.case).toMatchObject({ targetGroup: null, involvedPersonIds: [] });
    h.db.prepare("UPDATE cases SET target_group = '{\"met\":\"yes\"}', involved_person_ids = '[\"not-an-id\"]' WHERE id = ?").run(opened.id);
    expect((await call(h.core, 'cases.get', { id: opened.id })).case).toMatchObject({ targetGroup: null, involvedPersonIds: [] });
    expect((await fail(h.core, 'cases.get', { id: '0193a0e0-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });
});
