import { afterEach, describe, expect, it } from 'vitest';
import { caseClosedMessage } from '../../../../electron/core/casework/cases/case-guard';
import { call, fail } from '../../core/helpers';
import { careHarness, countRows, newPerson, openTestCase, type CareHarness } from '../care/care-harness';

/**
 * Writes that hang on a closed case only indirectly are refused like every other write on it
 * (review finding 6): documents of the case or of its contacts, consents recorded for it, and
 * reopening its tasks. What belongs to the person stays writable. Today = 14.03.2025.
 */
describe('writes on a closed case', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
  const closedError = { code: 'INVALID_TRANSITION', message: caseClosedMessage };

  /** A case with a document, a contact (with a document), a consent and a task; then closed. */
  async function closedCaseWithContent() {
    const personId = await newPerson(h);
    const caseId = openTestCase(h, personId);
    const doc = (ownerKind: 'person' | 'case' | 'consent' | 'contact', ownerId: string, fileName = 'scan.pdf') =>
      call(h.core, 'documents.add', { personId, ownerKind, ownerId, fileName, mimeType: 'application/pdf', dataBase64: pdf });
    const contact = await call(h.core, 'contacts.create', {
      caseId,
      contactDate: '2025-03-10',
      durationMinutes: 30,
      mode: 'persoenlich',
      participants: [],
      topics: [],
      note: 'Gespräch',
    });
    const consent = await call(h.core, 'consents.create', {
      personId,
      caseId,
      purpose: 'schweigepflichtentbindung',
      recipientPartnerId: 'jc-me',
      givenAt: '2025-03-01',
      form: 'schriftlich',
    });
    const caseDoc = await doc('case', caseId);
    const contactDoc = await doc('contact', contact.id);
    const task = await call(h.core, 'tasks.create', { personId, caseId, title: 'Termin ABH', dueAt: '2025-04-01' });
    const done = await call(h.core, 'tasks.create', { personId, caseId, title: 'Antrag', dueAt: '2025-03-20' });
    await call(h.core, 'tasks.setStatus', { id: done.id, status: 'erledigt' });
    await call(h.core, 'cases.close', { caseId, reason: 'wegzug', acknowledgeOpenItems: true });
    return { personId, caseId, contact, consent, caseDoc, contactDoc, task, done, doc };
  }

  it('documents of the case or of its contacts are neither added nor removed; the person’s and a consent’s are', async () => {
    h = await careHarness();
    const seed = await closedCaseWithContent();
    const before = { documents: countRows(h, 'documents'), chunks: countRows(h, 'document_chunks'), audit: countRows(h, 'audit_log') };

    expect(await fail(h.core, 'documents.add', { personId: seed.personId, ownerKind: 'case', ownerId: seed.caseId, fileName: 'nachtrag.pdf', mimeType: 'application/pdf', dataBase64: pdf })).toEqual(closedError);
    expect(await fail(h.core, 'documents.add', { personId: seed.personId, ownerKind: 'contact', ownerId: seed.contact.id, fileName: 'nachtrag.pdf', mimeType: 'application/pdf', dataBase64: pdf })).toEqual(closedError);
    expect(await fail(h.core, 'documents.remove', { id: seed.caseDoc.id })).toEqual(closedError);
    expect(await fail(h.core, 'documents.remove', { id: seed.contactDoc.id })).toEqual(closedError);
    expect({ documents: countRows(h, 'documents'), chunks: countRows(h, 'document_chunks'), audit: countRows(h, 'audit_log') }).toEqual(before);
    // reading them stays possible
    expect((await call(h.core, 'documents.content', { id: seed.caseDoc.id })).fileName).toBe('scan.pdf');

    const personDoc = await seed.doc('person', seed.personId, 'pass.pdf');
    const consentDoc = await seed.doc('consent', seed.consent.id, 'einwilligung.pdf');
    expect(await call(h.core, 'documents.remove', { id: personDoc.id })).toEqual({ removed: true });
    expect(await call(h.core, 'documents.remove', { id: consentDoc.id })).toEqual({ removed: true });

    // reopened, the case's documents are writable again
    await call(h.core, 'cases.reopen', { caseId: seed.caseId, to: 'clearing', reason: 'zurück' });
    expect(await call(h.core, 'documents.remove', { id: seed.caseDoc.id })).toEqual({ removed: true });
    expect((await seed.doc('contact', seed.contact.id)).ownerId).toBe(seed.contact.id);
  });

  it('a consent is not recorded for a closed case; one for the person is, and withdrawing stays allowed', async () => {
    h = await careHarness();
    const seed = await closedCaseWithContent();
    const consent = { personId: seed.personId, purpose: 'schweigepflichtentbindung', recipientPartnerId: 'jc-me', givenAt: '2025-03-12', form: 'schriftlich' } as const;
    const consentsBefore = countRows(h, 'consents');
    expect(await fail(h.core, 'consents.create', { ...consent, caseId: seed.caseId })).toEqual(closedError);
    expect(countRows(h, 'consents')).toBe(consentsBefore);
    expect((await call(h.core, 'consents.create', consent)).caseId).toBeNull();
    // a withdrawal is the person's right, whatever state the case is in
    expect(await call(h.core, 'consents.withdraw', { id: seed.consent.id, withdrawnAt: '2025-03-14' })).toMatchObject({ status: 'widerrufen' });
  });

  it('a task of a closed case is not opened again; ticking it off or dropping it stays possible', async () => {
    h = await careHarness();
    const seed = await closedCaseWithContent();
    expect((await call(h.core, 'tasks.list', { caseId: seed.caseId, includeDone: true })).map((t) => [t.id, t.status]).sort()).toEqual(
      [
        [seed.task.id, 'entfallen'],
        [seed.done.id, 'erledigt'],
      ].sort(),
    );
    expect(await fail(h.core, 'tasks.setStatus', { id: seed.task.id, status: 'offen' })).toEqual(closedError);
    expect(await fail(h.core, 'tasks.setStatus', { id: seed.done.id, status: 'offen' })).toEqual(closedError);
    expect(await call(h.core, 'tasks.setStatus', { id: seed.task.id, status: 'erledigt' })).toMatchObject({ status: 'erledigt', doneAt: '2025-03-14' });
    expect(await call(h.core, 'tasks.setStatus', { id: seed.done.id, status: 'entfallen' })).toMatchObject({ status: 'entfallen' });

    // a task of the person without a case is not affected
    const loose = await call(h.core, 'tasks.create', { personId: seed.personId, title: 'Rückruf', dueAt: '2025-03-20' });
    await call(h.core, 'tasks.setStatus', { id: loose.id, status: 'erledigt' });
    expect((await call(h.core, 'tasks.setStatus', { id: loose.id, status: 'offen' })).status).toBe('offen');

    // reopened, the case's tasks may be opened again
    await call(h.core, 'cases.reopen', { caseId: seed.caseId, to: 'clearing', reason: 'zurück' });
    expect((await call(h.core, 'tasks.setStatus', { id: seed.task.id, status: 'offen' })).status).toBe('offen');
  });
});
