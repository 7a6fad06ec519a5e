import { afterEach, describe, expect, it } from 'vitest';
import { assessmentsEntity } from '../../../../electron/core/write/entities';
import { writeEntity } from '../../../../electron/core/write/write-path';
import { lifeDomains } from '../../../../shared/domain/life-domains';
import { call, fail, userName } from '../../core/helpers';
import { advanceDays, careHarness, openTestCase, personWithCase, rowsOf, sideWriteContext, type CareHarness } from './care-harness';

describe('assessment by life domain: append-only history', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  it('two rounds: current, earlier newest first, trend; the first round’s rows stay unchanged', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);

    const first = await call(h.core, 'assessments.record', {
      caseId,
      assessedAt: '2025-03-14',
      entries: [
        { lifeDomain: 'sprache', situation: 'A1, kein Kursplatz', needLevel: 'hoch' },
        { lifeDomain: 'wohnen', situation: 'Gemeinschaftsunterkunft', resources: 'Familie in Hilden', needLevel: 'mittel' },
      ],
    });
    expect(first.map((entry) => entry.lifeDomain)).toEqual([...lifeDomains]);
    const sprache1 = first.find((entry) => entry.lifeDomain === 'sprache');
    expect(sprache1).toMatchObject({ current: { needLevel: 'hoch', situation: 'A1, kein Kursplatz', resources: null, assessedBy: userName }, earlier: [], trend: null });
    expect(first.find((entry) => entry.lifeDomain === 'gesundheit')).toEqual({ lifeDomain: 'gesundheit', current: null, earlier: [], trend: null });
    const rowsAfterFirst = rowsOf(h, 'assessments');
    expect(rowsAfterFirst).toHaveLength(2);
    expect(rowsAfterFirst.every((row) => row.person_id === personId && row.assessed_at === '2025-03-14')).toBe(true);

    await advanceDays(h, 90);
    const second = await call(h.core, 'assessments.record', {
      caseId,
      assessedAt: '2025-06-12',
      entries: [
        { lifeDomain: 'sprache', situation: 'B1-Kurs läuft', needLevel: 'gering' },
        { lifeDomain: 'wohnen', situation: 'Wohnung in Aussicht', needLevel: 'hoch' },
        { lifeDomain: 'gesundheit', needLevel: 'kein' },
      ],
    });
    const sprache = second.find((entry) => entry.lifeDomain === 'sprache');
    expect(sprache?.current).toMatchObject({ needLevel: 'gering', assessedAt: '2025-06-12' });
    expect(sprache?.earlier).toEqual([sprache1?.current]);
    expect(sprache?.trend).toBe(-2); // hoch → gering
    expect(second.find((entry) => entry.lifeDomain === 'wohnen')?.trend).toBe(1); // mittel → hoch
    expect(second.find((entry) => entry.lifeDomain === 'gesundheit')).toMatchObject({ earlier: [], trend: null });

    // append-only: the first round is still there, every column as it was
    const rowsAfterSecond = rowsOf(h, 'assessments');
    expect(rowsAfterSecond).toHaveLength(5);
    expect(rowsAfterSecond.slice(0, 2)).toEqual(rowsAfterFirst);
    expect(await call(h.core, 'assessments.history', { caseId })).toEqual(second);

    // and the write path refuses to change one
    expect(() =>
      writeEntity(sideWriteContext(h), { entity: assessmentsEntity, kind: 'update', rowId: String(rowsAfterFirst[0]!.id), values: { need_level: 'kein' } }),
    ).toThrow(expect.objectContaining({ code: 'APPEND_ONLY' }));
  });

  it('three rounds: earlier newest first, trend against the previous one only', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    for (const [assessedAt, needLevel] of [['2025-01-10', 'kein'], ['2025-03-01', 'hoch'], ['2025-02-01', 'gering']] as const) {
      await call(h.core, 'assessments.record', { caseId, assessedAt, entries: [{ lifeDomain: 'aufenthalt', needLevel }] });
    }
    const aufenthalt = (await call(h.core, 'assessments.history', { caseId }))[0]!;
    expect(aufenthalt.current?.assessedAt).toBe('2025-03-01');
    expect(aufenthalt.earlier.map((a) => a.assessedAt)).toEqual(['2025-02-01', '2025-01-10']);
    expect(aufenthalt.trend).toBe(2); // gering → hoch
  });

  it('refuses a domain twice in one round, and a closed case', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const twice = await fail(h.core, 'assessments.record', {
      caseId,
      assessedAt: '2025-03-14',
      entries: [
        { lifeDomain: 'sprache', needLevel: 'hoch' },
        { lifeDomain: 'sprache', needLevel: 'kein' },
      ],
    });
    expect(twice.code).toBe('INVALID_INPUT');
    const closed = openTestCase(h, personId, { phase: 'abschluss', closed_at: '2025-03-10' });
    expect((await fail(h.core, 'assessments.record', { caseId: closed, assessedAt: '2025-03-14', entries: [{ lifeDomain: 'sprache', needLevel: 'hoch' }] })).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(rowsOf(h, 'assessments')).toHaveLength(0);
    // the history of a closed case can still be read
    expect(await call(h.core, 'assessments.history', { caseId: closed })).toHaveLength(10);
  });
});
