import { afterEach, describe, expect, it } from 'vitest';
import { contactsForPerson } from '../../../../electron/core/casework/care/contacts';
import { contactNotesEntity } from '../../../../electron/core/write/entities';
import { writeEntity } from '../../../../electron/core/write/write-path';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { call, fail, userName } from '../../core/helpers';
import { careHarness, countRows, openTestCase, personWithCase, rowsOf, sideWriteContext, type CareHarness } from './care-harness';

describe('contacts (Beratungskontakte) with append-only notes', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  const contact = (caseId: string, extra: Partial<ChannelInput<'contacts.create'>> = {}): ChannelInput<'contacts.create'> => ({
    caseId,
    contactDate: '2025-03-14',
    startTime: '10:00',
    durationMinutes: 45,
    mode: 'persoenlich',
    participants: ['Klientin', 'Ehemann'],
    interpreter: { language: 'Arabisch', kind: 'professionell' },
    topics: ['aufenthalt', 'wohnen'],
    note: 'Erstgespräch: Aufenthaltserlaubnis läuft im September ab.',
    ...extra,
  });
  const caseRow = (caseId: string) => rowsOf(h, 'cases', 'id = ?', caseId)[0]!;

  it('create writes contact + note version 1 in one transaction and raises last_contact_at', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const auditBefore = countRows(h, 'audit_log');
    const created = await call(h.core, 'contacts.create', contact(caseId));
    expect(created).toMatchObject({
      caseId,
      contactDate: '2025-03-14',
      startTime: '10:00',
      durationMinutes: 45,
      mode: 'persoenlich',
      participants: ['Klientin', 'Ehemann'],
      interpreter: { language: 'Arabisch', kind: 'professionell' },
      topics: ['aufenthalt', 'wohnen'],
      createdBy: userName,
    });
    expect(created.notes).toEqual([
      {
        id: expect.any(String),
        version: 1,
        text: 'Erstgespräch: Aufenthaltserlaubnis läuft im September ab.',
        reason: null,
        writtenBy: userName,
        writtenAt: new Date(h.clock.now()).toISOString(),
      },
    ]);
    expect(rowsOf(h, 'contact_notes')[0]).toMatchObject({ person_id: personId, case_id: caseId, contact_id: created.id });
    expect(caseRow(caseId).last_contact_at).toBe('2025-03-14');
    // contact, note and case each audited (and so each in the outbox): three writes, one save
    expect(countRows(h, 'audit_log') - auditBefore).toBe(3);

    // an older contact entered late does not move the date back
    await call(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-03-02', startTime: undefined, interpreter: undefined }));
    expect(caseRow(caseId).last_contact_at).toBe('2025-03-14');
  });

  it('nothing is left behind when the contact cannot be written (one transaction)', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    // a trigger makes the note insert fail after the contact row was written
    h.db.exec("CREATE TRIGGER fail_note BEFORE INSERT ON contact_notes BEGIN SELECT RAISE(ABORT, 'test'); END");
    const before = { contacts: countRows(h, 'contacts'), outbox: countRows(h, 'outbox'), audit: countRows(h, 'audit_log') };
    expect((await fail(h.core, 'contacts.create', contact(caseId))).code).toBe('INTERNAL');
    expect(h.logs).toEqual(['[core] contacts.create failed: SqliteError']);
    expect({ contacts: countRows(h, 'contacts'), outbox: countRows(h, 'outbox'), audit: countRows(h, 'audit_log') }).toEqual(before);
    expect(caseRow(caseId).last_contact_at).toBeNull();
    h.db.exec('DROP TRIGGER fail_note');
  });

  it('correctNote appends version n+1 with its reason; every version stays verbatim, newest first', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    const created = await call(h.core, 'contacts.create', contact(caseId));
    const original = rowsOf(h, 'contact_notes')[0]!;

    h.clock.advance(60_000);
    const corrected = await call(h.core, 'contacts.correctNote', {
      contactId: created.id,
      text: 'Erstgespräch: Aufenthaltserlaubnis läuft im Oktober ab.',
      reason: 'Monat falsch notiert',
    });
    expect(corrected.notes.map((note) => [note.version, note.text, note.reason])).toEqual([
      [2, 'Erstgespräch: Aufenthaltserlaubnis läuft im Oktober ab.', 'Monat falsch notiert'],
      [1, 'Erstgespräch: Aufenthaltserlaubnis läuft im September ab.', null],
    ]);
    h.clock.advance(60_000);
    const third = await call(h.core, 'contacts.correctNote', { contactId: created.id, text: 'Dritte Fassung' });
    expect(third.notes.map((note) => note.version)).toEqual([3, 2, 1]);

    const rows = rowsOf(h, 'contact_notes');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(original); // the first version, every column, untouched

    // the write path itself refuses to change or delete a note
    for (const kind of ['update', 'delete'] as const) {
      expect(() =>
        writeEntity(sideWriteContext(h), { entity: contactNotesEntity, kind, rowId: String(original.id), values: kind === 'update' ? { text: 'überschrieben' } : {} }),
      ).toThrow(expect.objectContaining({ code: 'APPEND_ONLY' }));
    }
    expect(rowsOf(h, 'contact_notes')).toEqual(rows);

    const unchanged = await fail(h.core, 'contacts.correctNote', { contactId: created.id, text: 'Dritte Fassung' });
    expect(unchanged.code).toBe('INVALID_INPUT');
    expect((await call(h.core, 'contacts.list', { caseId }))[0]?.notes).toHaveLength(3);
  });

  it('contacts.list newest first (date, then time); closed case refused for new contacts', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const a = await call(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-03-01', startTime: '09:00' }));
    const b = await call(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-03-10', startTime: '08:00' }));
    const c = await call(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-03-10', startTime: '14:30' }));
    expect((await call(h.core, 'contacts.list', { caseId })).map((x) => x.id)).toEqual([c.id, b.id, a.id]);

    const closed = openTestCase(h, personId, { phase: 'abschluss', closed_at: '2025-03-10' });
    expect((await fail(h.core, 'contacts.create', contact(closed))).code).toBe('INVALID_TRANSITION');
  });

  it('a contact dated in the future is refused (INVALID_INPUT on contactDate); nothing is written', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    const before = { contacts: countRows(h, 'contacts'), audit: countRows(h, 'audit_log') };
    const message = 'Das Datum des Kontakts darf nicht in der Zukunft liegen.';
    expect(await fail(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-03-15' }))).toEqual({
      code: 'INVALID_INPUT',
      message,
      fieldErrors: { contactDate: message },
    });
    expect({ contacts: countRows(h, 'contacts'), audit: countRows(h, 'audit_log') }).toEqual(before);
    expect(caseRow(caseId).last_contact_at).toBeNull();
    // today is fine
    expect((await call(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-03-14' }))).contactDate).toBe('2025-03-14');
  });

  it('an impossible date is refused by the schema', async () => {
    h = await careHarness();
    const { caseId } = await personWithCase(h);
    expect(await fail(h.core, 'contacts.create', contact(caseId, { contactDate: '2025-02-30' }))).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { contactDate: 'Kein gültiges Datum' },
    });
  });
});

describe('contactsForPerson (used by the person file)', () => {
  let h: CareHarness;
  afterEach(() => h.close());

  it('all the person’s cases, newest first, every note version; deleted cases and half-arrived rows left out', async () => {
    h = await careHarness();
    const { personId, caseId } = await personWithCase(h);
    const second = openTestCase(h, personId);
    const other = await personWithCase(h);
    const base = { durationMinutes: 30, mode: 'telefonisch' as const, note: 'Vermerk' };
    const first = await call(h.core, 'contacts.create', { ...base, caseId, contactDate: '2025-03-03' });
    const latest = await call(h.core, 'contacts.create', { ...base, caseId: second, contactDate: '2025-03-12' });
    await call(h.core, 'contacts.create', { ...base, caseId: other.caseId, contactDate: '2025-03-13' });
    await call(h.core, 'contacts.correctNote', { contactId: first.id, text: 'Vermerk, korrigiert' });
    // a contact whose fields have not all arrived yet
    const now = new Date(h.clock.now()).toISOString();
    h.db.prepare('INSERT INTO contacts (id, person_id, case_id, contact_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      '0190a000-0000-7000-8000-00000000abcd',
      personId,
      caseId,
      '2025-03-14',
      now,
      now,
    );

    // the same function the person file calls, on the side connection
    const ws = { db: h.db, now: h.clock.now } as Parameters<typeof contactsForPerson>[0];
    const contacts = contactsForPerson(ws, personId);
    expect(contacts.map((x) => x.id)).toEqual([latest.id, first.id]);
    expect(contacts[1]?.notes.map((note) => note.text)).toEqual(['Vermerk, korrigiert', 'Vermerk']);

    // a deleted case takes its contacts out of the file
    h.db.prepare('UPDATE cases SET deleted_at = ? WHERE id = ?').run(now, second);
    expect(contactsForPerson(ws, personId).map((x) => x.id)).toEqual([first.id]);
  });
});
