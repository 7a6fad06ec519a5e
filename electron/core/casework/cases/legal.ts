import { deadlineSchema, legalDomains, legalDomainSchema, type Deadline, type LegalDomainEntry } from '../../../../shared/domain/legal';
import type { ChannelParsedInput, ChannelOutput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { uuidv7 } from '../../../../shared/ids';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { deadlinesEntity, legalDomainsEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { requireCase, requireOpenCase } from './case-guard';
import { textOrNull } from './values';

export const legalDomainNotFoundMessage = 'Dieser Rechtskreis wurde nicht gefunden. Vielleicht wurde er entfernt.';
export const deadlineNotFoundMessage = 'Diese Frist wurde nicht gefunden. Vielleicht wurde sie entfernt.';

/** A `legal_domains` row → the entry to check with legalDomainSchema (also the sync's row check). */
export function legalDomainCandidate(row: RowValues): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    domain: row.domain,
    office: row.office,
    fileNumber: row.file_number ?? null,
    contactPerson: row.contact_person ?? null,
    contactDetails: row.contact_details ?? null,
    note: row.note ?? null,
  };
}

/** A `deadlines` row → the deadline to check with deadlineSchema (also the sync's row check). */
export function deadlineCandidate(row: RowValues): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    legalDomainId: row.legal_domain_id ?? null,
    kind: row.kind,
    dueAt: row.due_at,
    note: row.note ?? null,
    doneAt: row.done_at ?? null,
  };
}

function legalDomainOf(row: RowValues): LegalDomainEntry | null {
  const parsed = legalDomainSchema.safeParse(legalDomainCandidate(row));
  return parsed.success ? parsed.data : null;
}

function deadlineOf(row: RowValues): Deadline | null {
  const parsed = deadlineSchema.safeParse(deadlineCandidate(row));
  return parsed.success ? parsed.data : null;
}

/** A row just written by this device is complete; if not, something is badly wrong. */
function written<T>(value: T | null): T {
  if (value === null) throw new Error('written row does not parse');
  return value;
}

function liveRow(ws: Workspace, table: 'legal_domains' | 'deadlines', id: string): RowValues | undefined {
  return prepared(ws.db, `SELECT * FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) as RowValues | undefined;
}

/** `legal.list`: the case's legal domains and its deadlines (earliest due first). */
export function listLegal(ws: Workspace, caseId: string): ChannelOutput<'legal.list'> {
  requireCase(ws, caseId);
  const domains = prepared(
    ws.db,
    'SELECT * FROM legal_domains WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at, id',
  ).all(caseId) as RowValues[];
  const deadlines = prepared(
    ws.db,
    'SELECT * FROM deadlines WHERE case_id = ? AND deleted_at IS NULL ORDER BY due_at, created_at, id',
  ).all(caseId) as RowValues[];
  return {
    // in the catalog's order (SGB II first …), entries of one domain as they were added
    domains: domains
      .map(legalDomainOf)
      .filter((item): item is LegalDomainEntry => item !== null)
      .sort((a, b) => legalDomains.indexOf(a.domain) - legalDomains.indexOf(b.domain)),
    deadlines: deadlines.map(deadlineOf).filter((item): item is Deadline => item !== null),
  };
}

/** `legal.saveDomain`: a new legal domain of an open case, or a change to one of its own. */
export function saveLegalDomain(ws: Workspace, input: ChannelParsedInput<'legal.saveDomain'>): LegalDomainEntry {
  const caseRow = requireOpenCase(ws, input.caseId);
  const values = {
    domain: input.domain,
    office: input.office,
    file_number: textOrNull(input.fileNumber),
    contact_person: textOrNull(input.contactPerson),
    contact_details: textOrNull(input.contactDetails),
    note: textOrNull(input.note),
  };
  if (input.id !== undefined) {
    const existing = liveRow(ws, 'legal_domains', input.id);
    if (!existing || existing.case_id !== input.caseId) throw new KimError('NOT_FOUND', legalDomainNotFoundMessage);
    const { row } = writeEntity(writeContextOf(ws), { entity: legalDomainsEntity, kind: 'update', rowId: input.id, values });
    return written(legalDomainOf(row));
  }
  const { row } = writeEntity(writeContextOf(ws), {
    entity: legalDomainsEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: { ...values, person_id: caseRow.person_id ?? null, case_id: input.caseId },
  });
  return written(legalDomainOf(row));
}

/**
 * `legal.removeDomain`: a tombstone. Its deadlines stay with the case (a permit still expires
 * when the office entry is gone) and lose only their link to the removed domain.
 */
export function removeLegalDomain(ws: Workspace, id: string): { removed: true } {
  const existing = liveRow(ws, 'legal_domains', id);
  if (!existing) throw new KimError('NOT_FOUND', legalDomainNotFoundMessage);
  requireOpenCase(ws, String(existing.case_id));
  const linked = prepared(ws.db, 'SELECT id FROM deadlines WHERE legal_domain_id = ? AND deleted_at IS NULL').all(id) as RowValues[];
  const ctx = writeContextOf(ws);
  ws.db.transaction(() => {
    for (const deadline of linked) {
      writeEntity(ctx, { entity: deadlinesEntity, kind: 'update', rowId: String(deadline.id), values: { legal_domain_id: null } });
    }
    writeEntity(ctx, { entity: legalDomainsEntity, kind: 'delete', rowId: id, values: {} });
  })();
  return { removed: true };
}

/** `deadlines.save`: a new deadline of an open case, or a change to one (its done date is kept). */
export function saveDeadline(ws: Workspace, input: ChannelParsedInput<'deadlines.save'>): Deadline {
  const caseRow = requireOpenCase(ws, input.caseId);
  if (input.legalDomainId !== undefined) {
    const domain = liveRow(ws, 'legal_domains', input.legalDomainId);
    if (!domain || domain.case_id !== input.caseId) throw new KimError('NOT_FOUND', legalDomainNotFoundMessage);
  }
  const values = {
    legal_domain_id: input.legalDomainId ?? null,
    kind: input.kind,
    due_at: input.dueAt,
    note: textOrNull(input.note),
  };
  if (input.id !== undefined) {
    const existing = liveRow(ws, 'deadlines', input.id);
    if (!existing || existing.case_id !== input.caseId) throw new KimError('NOT_FOUND', deadlineNotFoundMessage);
    const { row } = writeEntity(writeContextOf(ws), { entity: deadlinesEntity, kind: 'update', rowId: input.id, values });
    return written(deadlineOf(row));
  }
  const { row } = writeEntity(writeContextOf(ws), {
    entity: deadlinesEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: { ...values, person_id: caseRow.person_id ?? null, case_id: input.caseId, done_at: null },
  });
  return written(deadlineOf(row));
}

/** `deadlines.setDone`: marks a deadline as dealt with on a date, or open again (null). */
export function setDeadlineDone(ws: Workspace, id: string, doneAt: string | null): Deadline {
  const existing = liveRow(ws, 'deadlines', id);
  if (!existing) throw new KimError('NOT_FOUND', deadlineNotFoundMessage);
  requireOpenCase(ws, String(existing.case_id));
  const { row } = writeEntity(writeContextOf(ws), { entity: deadlinesEntity, kind: 'update', rowId: id, values: { done_at: doneAt } });
  return written(deadlineOf(row));
}
