import { afterEach, describe, expect, it } from 'vitest';
import { householdOf } from '../../../../electron/core/casework/cases/household';
import { call, fail } from '../../core/helpers';
import { allYes, auditSince, caseHarness, lastAuditSeq, newPerson, rowOf, sideWorkspace, type CaseHarness } from './case-harness';

const unknownId = '0193a0e0-0000-7000-8000-000000000000';

describe('household and family', () => {
  let h: CaseHarness;
  afterEach(() => h.close());

  async function family() {
    const mother = await newPerson(h, { familyName: 'Haddad', givenNames: 'Rania' });
    const child = await newPerson(h, { familyName: 'Haddad', givenNames: 'Omar' });
    const partner = await newPerson(h, { familyName: 'Haddad', givenNames: 'Yusuf' });
    const cousin = await newPerson(h, { familyName: 'Barakat', givenNames: 'Lina' });
    return { mother, child, partner, cousin };
  }

  it('lists links in both directions; a child of A shows A as parent, the other relations read the same both ways', async () => {
    h = await caseHarness();
    const { mother, child, partner, cousin } = await family();
    const afterAdd = await call(h.core, 'household.add', { personId: mother, relatedPersonId: child, relation: 'kind', sameHousehold: true, note: 'geb. 2019' });
    expect(afterAdd).toEqual([
      { linkId: expect.any(String), personId: child, familyName: 'Haddad', givenNames: 'Omar', relation: 'kind', sameHousehold: true, note: 'geb. 2019' },
    ]);
    await call(h.core, 'household.add', { personId: partner, relatedPersonId: mother, relation: 'partner', sameHousehold: true });
    await call(h.core, 'household.add', { personId: cousin, relatedPersonId: mother, relation: 'verwandt', sameHousehold: false, note: '' });

    const ofMother = await call(h.core, 'household.list', { personId: mother });
    expect(ofMother.map((m) => [m.givenNames, m.relation, m.sameHousehold, m.note])).toEqual([
      ['Lina', 'verwandt', false, null],
      ['Omar', 'kind', true, 'geb. 2019'],
      ['Yusuf', 'partner', true, null],
    ]);
    const ofChild = await call(h.core, 'household.list', { personId: child });
    expect(ofChild).toEqual([{ ...afterAdd[0], personId: mother, givenNames: 'Rania', relation: 'elternteil' }]);
    expect((await call(h.core, 'household.list', { personId: partner })).map((m) => [m.personId, m.relation])).toEqual([[mother, 'partner']]);

    // a link stored as "B is A's parent" reads as child from B's side
    const grandma = await newPerson(h, { familyName: 'Haddad', givenNames: 'Samira' });
    await call(h.core, 'household.add', { personId: mother, relatedPersonId: grandma, relation: 'elternteil', sameHousehold: false });
    expect((await call(h.core, 'household.list', { personId: grandma })).map((m) => [m.personId, m.relation])).toEqual([[mother, 'kind']]);

    // the function the person file uses gives the same answer
    expect(householdOf(sideWorkspace(h), mother)).toEqual(await call(h.core, 'household.list', { personId: mother }));
    expect(householdOf(sideWorkspace(h), child)).toEqual(ofChild);
  });

  it('refuses a link to oneself, unknown persons and a second link between the same two persons (either direction)', async () => {
    h = await caseHarness();
    const { mother, child } = await family();
    const self = await fail(h.core, 'household.add', { personId: mother, relatedPersonId: mother, relation: 'sonstige', sameHousehold: true });
    expect(self).toMatchObject({ code: 'INVALID_INPUT', message: 'Eine Person kann nicht mit sich selbst verbunden werden.' });
    expect((await fail(h.core, 'household.add', { personId: mother, relatedPersonId: unknownId, relation: 'kind', sameHousehold: true })).code).toBe('NOT_FOUND');
    expect((await fail(h.core, 'household.add', { personId: unknownId, relatedPersonId: mother, relation: 'kind', sameHousehold: true })).code).toBe('NOT_FOUND');
    await call(h.core, 'household.add', { personId: mother, relatedPersonId: child, relation: 'kind', sameHousehold: true });
    const twice = await fail(h.core, 'household.add', { personId: mother, relatedPersonId: child, relation: 'verwandt', sameHousehold: true });
    expect(twice).toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { relatedPersonId: 'Bereits verbunden.' } });
    const reverse = await fail(h.core, 'household.add', { personId: child, relatedPersonId: mother, relation: 'elternteil', sameHousehold: true });
    expect(reverse.code).toBe('INVALID_INPUT');
    expect((await fail(h.core, 'household.list', { personId: unknownId })).code).toBe('NOT_FOUND');
  });

  it('remove: a tombstone through the write path; the link is gone from both sides and may be made again', async () => {
    h = await caseHarness();
    const { mother, child } = await family();
    const [link] = await call(h.core, 'household.add', { personId: mother, relatedPersonId: child, relation: 'kind', sameHousehold: true });
    const linkId = link?.linkId ?? '';
    const before = lastAuditSeq(h);
    expect(await call(h.core, 'household.remove', { id: linkId })).toEqual({ removed: true });
    expect(rowOf(h, 'household_links', linkId).deleted_at).toEqual(expect.any(String));
    expect(auditSince(h, before)).toMatchObject([{ action: 'delete', entity: 'household_links', row_id: linkId }]);
    expect(await call(h.core, 'household.list', { personId: mother })).toEqual([]);
    expect(await call(h.core, 'household.list', { personId: child })).toEqual([]);
    expect((await fail(h.core, 'household.remove', { id: linkId })).code).toBe('NOT_FOUND');
    expect(await call(h.core, 'household.add', { personId: child, relatedPersonId: mother, relation: 'elternteil', sameHousehold: false })).toHaveLength(1);
  });

  it('a member whose person was deleted is not listed', async () => {
    h = await caseHarness();
    const { mother, child, partner } = await family();
    await call(h.core, 'household.add', { personId: mother, relatedPersonId: child, relation: 'kind', sameHousehold: true });
    await call(h.core, 'household.add', { personId: mother, relatedPersonId: partner, relation: 'partner', sameHousehold: true });
    h.db.prepare("UPDATE persons SET deleted_at = '2025-03-14T10:00:00.000Z' WHERE id = ?").run(partner);
    expect((await call(h.core, 'household.list', { personId: mother })).map((m) => m.personId)).toEqual([child]);
  });

  it('involved persons: only household members of the case’s person, at opening and later', async () => {
    h = await caseHarness();
    const { mother, child, partner, cousin } = await family();
    await call(h.core, 'household.add', { personId: mother, relatedPersonId: child, relation: 'kind', sameHousehold: true });
    await call(h.core, 'household.add', { personId: partner, relatedPersonId: mother, relation: 'partner', sameHousehold: true });

    const notLinked = await fail(h.core, 'cases.open', { personId: mother, answers: allYes, involvedPersonIds: [child, cousin] });
    expect(notLinked).toEqual({
      code: 'NOT_FOUND',
      message: 'Am Fall können nur Personen aus dem Haushalt oder der Familie beteiligt werden. Bitte die Person zuerst dort eintragen.',
    });
    expect((await fail(h.core, 'cases.open', { personId: mother, answers: allYes, involvedPersonIds: [unknownId] })).code).toBe('NOT_FOUND');

    const opened = await call(h.core, 'cases.open', { personId: mother, answers: allYes, involvedPersonIds: [child, child] });
    expect(opened.involvedPersonIds).toEqual([child]);

    const detail = await call(h.core, 'cases.setInvolved', { caseId: opened.id, personIds: [partner, child] });
    expect(detail.case.involvedPersonIds).toEqual([partner, child]);
    expect(detail.involvedPersons).toEqual([
      { id: partner, familyName: 'Haddad', givenNames: 'Yusuf' },
      { id: child, familyName: 'Haddad', givenNames: 'Omar' },
    ]);
    expect(JSON.parse(String(rowOf(h, 'cases', opened.id).involved_person_ids))).toEqual([partner, child]);
    expect((await fail(h.core, 'cases.setInvolved', { caseId: opened.id, personIds: [mother] })).code).toBe('NOT_FOUND');
    expect((await call(h.core, 'cases.setInvolved', { caseId: opened.id, personIds: [] })).involvedPersons).toEqual([]);
  });
});
