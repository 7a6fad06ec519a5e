import { contactSchema, noteVersionSchema, type Contact, type ContactInput, type NoteVersion } from '../../../../shared/domain/contact';
import { uuidv7 } from '../../../../shared/ids';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { localIsoDate, writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { casesEntity, contactNotesEntity, contactsEntity, type RowValues } from '../../write/entities';
import { writeEntity, type WriteContext } from '../../write/write-path';
import { requireCase, requireOpenCase } from '../cases/case-guard';
import { jsonColumn, orNull, parseRows } from './rows';

export const contactNotFoundMessage = 'Dieser Beratungskontakt wurde nicht gefunden.';
const unchangedNoteMessage = 'Der Vermerk ist unverändert. Eine Korrektur braucht einen geänderten Text.';
export const futureContactMessage = 'Das Datum des Kontakts darf nicht in der Zukunft liegen.';

/**
 * Contacts newest first. Ties on the date go by start time (a contact without one sorts after
 * the timed ones of that day), then by when they were written.
 */
const contactOrder = `ORDER BY ct.contact_date DESC, ct.start_time IS NULL, ct.start_time DESC, ct.created_at DESC, ct.rowid DESC`;

/** A `contact_notes` row → the note version to check with noteVersionSchema (also the sync's row check). */
export function noteCandidate(row: RowValues): Record<string, unknown> {
  return { id: row.id, version: row.version, text: row.text, reason: row.reason ?? null, writtenBy: row.written_by, writtenAt: row.written_at };
}

/** A `contacts` row with its note versions → the contact to check with contactSchema (also the sync's row check). */
export function contactCandidate(row: RowValues, notes: readonly NoteVersion[]): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    contactDate: row.contact_date,
    startTime: row.start_time ?? null,
    durationMinutes: row.duration_minutes,
    mode: row.mode,
    participants: jsonColumn(row.participants),
    interpreter: row.interpreter === null ? null : jsonColumn(row.interpreter),
    topics: jsonColumn(row.topics),
    createdBy: row.created_by,
    createdAt: row.created_at,
    notes,
  };
}

/** Note versions grouped by contact, newest version first (the rows come sorted that way). */
function notesByContact(rows: readonly RowValues[]): Map<string, NoteVersion[]> {
  const byContact = new Map<string, NoteVersion[]>();
  for (const row of rows) {
    const note = noteVersionSchema.safeParse(noteCandidate(row));
    if (!note.success || typeof row.contact_id !== 'string') continue;
    const notes = byContact.get(row.contact_id) ?? [];
    notes.push(note.data);
    byContact.set(row.contact_id, notes);
  }
  return byContact;
}

function toContacts(contactRows: readonly RowValues[], noteRows: readonly RowValues[]): Contact[] {
  const notes = notesByContact(noteRows);
  return parseRows(contactRows, (row) => contactCandidate(row, notes.get(String(row.id)) ?? []), contactSchema);
}

// Two devices may both write "version n+1" offline; both rows stay, ordered by when written.
const noteOrder = 'ORDER BY version DESC, written_at DESC, rowid DESC';

/**
 * Every contact of the person's cases, newest first, with all note versions: two queries,
 * whatever the number of contacts (the person's file opens in < 50 ms with 200 of them).
 */
export function contactsForPerson(ws: Workspace, personId: string): Contact[] {
  const contactRows = prepared(
    ws.db,
    `SELECT ct.* FROM contacts ct JOIN cases c ON c.id = ct.case_id AND c.deleted_at IS NULL
     WHERE ct.person_id = ? AND ct.deleted_at IS NULL ${contactOrder}`,
  ).all(personId) as RowValues[];
  const noteRows = prepared(ws.db, `SELECT * FROM contact_notes WHERE person_id = ? AND deleted_at IS NULL ${noteOrder}`).all(personId) as RowValues[];
  return toContacts(contactRows, noteRows);
}

export function contactsOfCase(ws: Workspace, caseId: string): Contact[] {
  requireCase(ws, caseId);
  const contactRows = prepared(ws.db, `SELECT ct.* FROM contacts ct WHERE ct.case_id = ? AND ct.deleted_at IS NULL ${contactOrder}`).all(
    caseId,
  ) as RowValues[];
  const noteRows = prepared(ws.db, `SELECT * FROM contact_notes WHERE case_id = ? AND deleted_at IS NULL ${noteOrder}`).all(caseId) as RowValues[];
  return toContacts(contactRows, noteRows);
}

function contactRow(ws: Workspace, id: string): RowValues {
  const row = prepared(ws.db, 'SELECT * FROM contacts WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  if (!row) throw new KimError('NOT_FOUND', contactNotFoundMessage);
  return row;
}

function noteRowsOf(ws: Workspace, contactId: string): RowValues[] {
  return prepared(ws.db, `SELECT * FROM contact_notes WHERE contact_id = ? AND deleted_at IS NULL ${noteOrder}`).all(contactId) as RowValues[];
}

function contactById(ws: Workspace, id: string): Contact {
  const [contact] = toContacts([contactRow(ws, id)], noteRowsOf(ws, id));
  if (!contact) throw new KimError('NOT_FOUND', contactNotFoundMessage);
  return contact;
}

function appendNote(
  ctx: WriteContext,
  ws: Workspace,
  contact: { id: string; personId: string | null; caseId: string | null },
  version: number,
  text: string,
  reason: string | null,
): void {
  writeEntity(ctx, {
    entity: contactNotesEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: {
      person_id: contact.personId,
      case_id: contact.caseId,
      contact_id: contact.id,
      version,
      text,
      reason,
      written_by: ws.profile.userName,
      written_at: new Date(ws.now()).toISOString(),
    },
  });
}

/**
 * A contact and the first version of its note, in one transaction; the case's last contact date
 * moves forward when this contact is newer (a contact entered late does not move it back). The
 * contact's date is today or earlier.
 */
export function createContact(ws: Workspace, input: ContactInput): Contact {
  const caseRow = requireOpenCase(ws, input.caseId);
  // a contact that has not taken place is not documented (it would also move the last contact ahead)
  if (input.contactDate > localIsoDate(ws.now())) {
    throw new KimError('INVALID_INPUT', futureContactMessage, { fieldErrors: { contactDate: futureContactMessage } });
  }
  const personId = typeof caseRow.person_id === 'string' ? caseRow.person_id : null;
  const id = uuidv7(ws.now());
  const ctx = writeContextOf(ws);
  ws.db.transaction(() => {
    writeEntity(ctx, {
      entity: contactsEntity,
      kind: 'create',
      rowId: id,
      values: {
        person_id: personId,
        case_id: input.caseId,
        contact_date: input.contactDate,
        start_time: input.startTime ?? null,
        duration_minutes: input.durationMinutes,
        mode: input.mode,
        participants: JSON.stringify(input.participants),
        interpreter: input.interpreter ? JSON.stringify(input.interpreter) : null,
        topics: JSON.stringify(input.topics),
        created_by: ws.profile.userName,
      },
    });
    appendNote(ctx, ws, { id, personId, caseId: input.caseId }, 1, input.note, null);
    const last = typeof caseRow.last_contact_at === 'string' ? caseRow.last_contact_at : null;
    if (last === null || input.contactDate > last) {
      writeEntity(ctx, { entity: casesEntity, kind: 'update', rowId: input.caseId, values: { last_contact_at: input.contactDate } });
    }
  })();
  return contactById(ws, id);
}

/** A correction is the next version of the note; earlier versions stay as they were written. */
export function correctNote(ws: Workspace, input: ChannelParsedInput<'contacts.correctNote'>): Contact {
  const row = contactRow(ws, input.contactId);
  requireOpenCase(ws, String(row.case_id));
  const ctx = writeContextOf(ws);
  ws.db.transaction(() => {
    const latest = noteRowsOf(ws, input.contactId)[0];
    if (latest && latest.text === input.text) throw new KimError('INVALID_INPUT', unchangedNoteMessage, { fieldErrors: { text: unchangedNoteMessage } });
    const version = typeof latest?.version === 'number' ? latest.version + 1 : 1;
    const contact = { id: input.contactId, personId: typeof row.person_id === 'string' ? row.person_id : null, caseId: String(row.case_id) };
    appendNote(ctx, ws, contact, version, input.text, orNull(input.reason));
  })();
  return contactById(ws, input.contactId);
}
