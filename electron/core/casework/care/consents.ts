import { consentSchema, type Consent, type ConsentInput, type ConsentStatus } from '../../../../shared/domain/consent';
import { uuidv7 } from '../../../../shared/ids';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { findLivePersonRow, personNotFoundMessage } from '../../services/persons';
import { localIsoDate, writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { consentsEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { requireOpenCase } from '../cases/case-guard';
import { findPartner } from '../reference';
import { consentStatus } from './consent-status';
import { orNull, parseRow, parseRows, textOrNull } from './rows';

export const consentNotFoundMessage = 'Diese Einwilligung wurde nicht gefunden.';
export const unknownPartnerMessage =
  'Dieser Netzwerkpartner steht nicht (mehr) im Partnerverzeichnis des Kreises. Bitte einen Partner aus der Liste wählen.';

function rowToCandidate(row: RowValues, today: string, documentIds: readonly string[]): unknown {
  const status =
    typeof row.given_at === 'string'
      ? consentStatus({ givenAt: row.given_at, validUntil: textOrNull(row.valid_until), withdrawnAt: textOrNull(row.withdrawn_at) }, today)
      : undefined;
  return consentCandidate(row, status, documentIds);
}

/**
 * A `consents` row → the consent to check with consentSchema. Its status (for a date) and its
 * documents come from elsewhere and are given; the row check of the sync uses it too.
 */
export function consentCandidate(row: RowValues, status: ConsentStatus | undefined, documentIds: readonly string[]): unknown {
  return {
    id: row.id,
    personId: row.person_id,
    caseId: row.case_id ?? null,
    purpose: row.purpose,
    purposeText: row.purpose_text ?? null,
    recipientPartnerId: row.recipient_partner_id ?? null,
    recipientName: row.recipient_name ?? null,
    givenAt: row.given_at,
    form: row.form,
    interpreterLanguage: row.interpreter_language ?? null,
    validUntil: row.valid_until ?? null,
    withdrawnAt: row.withdrawn_at ?? null,
    withdrawalNote: row.withdrawal_note ?? null,
    recordedBy: row.recorded_by,
    status,
    documentIds,
    createdAt: row.created_at,
  };
}

/** Ids of the live documents attached to each consent of the person (one query). */
function consentDocumentIds(ws: Workspace, personId: string): Map<string, string[]> {
  const rows = prepared(
    ws.db,
    `SELECT id, owner_id FROM documents
     WHERE person_id = ? AND owner_kind = 'consent' AND deleted_at IS NULL
     ORDER BY created_at, rowid`,
  ).all(personId) as { id: string; owner_id: string | null }[];
  const byConsent = new Map<string, string[]>();
  for (const row of rows) {
    if (row.owner_id === null) continue;
    const ids = byConsent.get(row.owner_id) ?? [];
    ids.push(row.id);
    byConsent.set(row.owner_id, ids);
  }
  return byConsent;
}

/** The person's consents, newest first, each with its status for today and its documents. */
export function listConsents(ws: Workspace, personId: string): Consent[] {
  const rows = prepared(
    ws.db,
    `SELECT * FROM consents WHERE person_id = ? AND deleted_at IS NULL
     ORDER BY given_at DESC, created_at DESC, rowid DESC`,
  ).all(personId) as RowValues[];
  const today = localIsoDate(ws.now());
  const documents = consentDocumentIds(ws, personId);
  return parseRows(rows, (row) => rowToCandidate(row, today, documents.get(String(row.id)) ?? []), consentSchema);
}

export function consentsOfPerson(ws: Workspace, personId: string): Consent[] {
  if (!findLivePersonRow(ws, personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  return listConsents(ws, personId);
}

function consentById(ws: Workspace, id: string): Consent {
  const row = prepared(ws.db, 'SELECT * FROM consents WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  const personId = row ? String(row.person_id) : '';
  if (!row || !findLivePersonRow(ws, personId)) throw new KimError('NOT_FOUND', consentNotFoundMessage);
  const consent = parseRow(row, (r) => rowToCandidate(r, localIsoDate(ws.now()), consentDocumentIds(ws, personId).get(id) ?? []), consentSchema);
  if (!consent) throw new KimError('NOT_FOUND', consentNotFoundMessage);
  return consent;
}

/**
 * Records a consent. The recipient is a partner of the county's directory; its name is copied
 * so the consent still says whom it was given for after the directory changes.
 */
export function createConsent(ws: Workspace, input: ConsentInput): Consent {
  if (!findLivePersonRow(ws, input.personId)) throw new KimError('NOT_FOUND', personNotFoundMessage);
  if (input.caseId !== undefined) {
    // a consent recorded for a case is a write on that case: refused while it is closed
    const caseRow = requireOpenCase(ws, input.caseId);
    if (caseRow.person_id !== input.personId) {
      throw new KimError('INVALID_INPUT', 'Dieser Fall gehört nicht zu dieser Person.', { fieldErrors: { caseId: 'Fall einer anderen Person' } });
    }
  }
  const recipientId = orNull(input.recipientPartnerId);
  const partner = recipientId === null ? null : findPartner(ws.db, recipientId);
  if (recipientId !== null && !partner) throw new KimError('NOT_FOUND', unknownPartnerMessage);

  const id = uuidv7(ws.now());
  writeEntity(writeContextOf(ws), {
    entity: consentsEntity,
    kind: 'create',
    rowId: id,
    values: {
      person_id: input.personId,
      case_id: input.caseId ?? null,
      purpose: input.purpose,
      purpose_text: orNull(input.purposeText),
      recipient_partner_id: recipientId,
      recipient_name: partner?.name ?? null,
      given_at: input.givenAt,
      form: input.form,
      // the interpreter's language belongs only to an oral consent given through one
      interpreter_language: input.form === 'muendlich_dolmetschung' ? orNull(input.interpreterLanguage) : null,
      valid_until: input.validUntil ?? null,
      withdrawn_at: null,
      withdrawal_note: null,
      recorded_by: ws.profile.userName,
    },
  });
  return consentById(ws, id);
}

/** A withdrawal (Widerruf) is recorded once, dated, never before the consent was given. */
export function withdrawConsent(ws: Workspace, input: ChannelParsedInput<'consents.withdraw'>): Consent {
  const consent = consentById(ws, input.id);
  if (consent.withdrawnAt !== null) {
    throw new KimError('INVALID_TRANSITION', `Diese Einwilligung wurde bereits am ${germanDate(consent.withdrawnAt)} widerrufen.`);
  }
  if (input.withdrawnAt < consent.givenAt) {
    throw new KimError('INVALID_TRANSITION', `Der Widerruf kann nicht vor der Einwilligung (${germanDate(consent.givenAt)}) liegen.`);
  }
  writeEntity(writeContextOf(ws), {
    entity: consentsEntity,
    kind: 'update',
    rowId: consent.id,
    values: { withdrawn_at: input.withdrawnAt, withdrawal_note: orNull(input.note) },
  });
  return consentById(ws, consent.id);
}

/** `YYYY-MM-DD` → `TT.MM.JJJJ` for messages. */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
