import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/index';
import { call, createProfile, fail, makeCore, samplePerson, tempDir, withDatabase } from '../../core/helpers';

// FakeClock: 14.03.2025. Every part comes from the channel that writes it, as the screens do.
let core: Core;
let dir: string;
let cleanup: () => void;
let profileId: string;

beforeEach(async () => {
  const temp = tempDir();
  dir = temp.dir;
  cleanup = temp.cleanup;
  core = makeCore(dir);
  profileId = await createProfile(core);
});
afterEach(() => {
  core.close();
  cleanup();
});

describe('persons.file', () => {
  it('brings the person, cases, household, consents, documents, contacts and open tasks in one call, and audits the read', async () => {
    const person = await call(core, 'persons.create', samplePerson());
    const child = await call(core, 'persons.create', samplePerson({ familyName: 'Quxtrablinsky', givenNames: 'Lina' }));
    const opened = await call(core, 'cases.open', { personId: person.id, overrideReason: 'Test' });
    await call(core, 'household.add', { personId: person.id, relatedPersonId: child.id, relation: 'kind', sameHousehold: true });
    const consent = await call(core, 'consents.create', {
      personId: person.id,
      caseId: opened.id,
      purpose: 'schweigepflichtentbindung',
      recipientPartnerId: 'jc-me',
      givenAt: '2025-03-14',
      form: 'schriftlich',
      validUntil: '2026-03-13',
    });
    const contact = await call(core, 'contacts.create', {
      caseId: opened.id,
      contactDate: '2025-03-14',
      durationMinutes: 45,
      mode: 'persoenlich',
      note: 'Erstgespräch',
    });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a30000000049454e44ae426082', 'hex');
    const document = await call(core, 'documents.add', {
      personId: person.id,
      ownerKind: 'consent',
      ownerId: consent.id,
      fileName: 'einwilligung.png',
      mimeType: 'image/png',
      dataBase64: png.toString('base64'),
    });
    const task = await call(core, 'tasks.create', { personId: person.id, caseId: opened.id, title: 'Termin ABH', dueAt: '2025-03-20' });
    const doneTask = await call(core, 'tasks.create', { personId: person.id, title: 'Alt', dueAt: '2025-03-10' });
    await call(core, 'tasks.setStatus', { id: doneTask.id, status: 'erledigt' });

    const file = await call(core, 'persons.file', { personId: person.id });
    expect(file.person).toMatchObject({ id: person.id, familyName: 'Quxtrablinsky' });
    expect(file.cases.map((c) => c.id)).toEqual([opened.id]);
    expect(file.household.map((m) => [m.personId, m.relation])).toEqual([[child.id, 'kind']]);
    expect(file.consents.map((c) => c.id)).toEqual([consent.id]);
    expect(file.documents.map((d) => d.id)).toEqual([document.id]);
    expect(file.contacts.map((c) => [c.id, c.notes[0]?.text])).toEqual([[contact.id, 'Erstgespräch']]);
    expect(file.openTasks.map((t) => t.id)).toEqual([task.id]);

    core.close();
    const reads = await withDatabase(dir, profileId, (db) =>
      db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'read' AND entity = 'persons' AND row_id = ?").get(person.id),
    );
    expect(reads).toEqual({ n: 1 });
  });

  it('a person that does not exist: NOT_FOUND', async () => {
    expect((await fail(core, 'persons.file', { personId: '0195a1b2-0000-7000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });
});
