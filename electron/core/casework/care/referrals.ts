import { referralSchema, type Referral } from '../../../../shared/domain/referral';
import { uuidv7 } from '../../../../shared/ids';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { appendAudit } from '../../audit/audit-log';
import { localIsoDate, writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { referralsEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { requireCase, requireOpenCase } from '../cases/case-guard';
import { currentRole, findPartner } from '../reference';
import { consentStatus, findValidConsentFor } from './consent-status';
import { listConsents, unknownPartnerMessage } from './consents';
import { orNull, parseRow, parseRows } from './rows';

export const referralNotFoundMessage = 'Diese Vermittlung wurde nicht gefunden.';
export const overrideNotAllowedMessage = 'Nur die Teamleitung darf ohne Einwilligung vermitteln.';
export const futureReferralMessage = 'Das Datum der Vermittlung darf nicht in der Zukunft liegen.';

export function consentRequiredMessage(partnerName: string): string {
  return `Für ${partnerName} liegt keine gültige Einwilligung (Schweigepflichtentbindung) vor. Bitte zuerst die Einwilligung erfassen.`;
}

/** A `referrals` row → the referral to check with referralSchema (also the sync's row check). */
export function referralCandidate(row: RowValues): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    partnerId: row.partner_id,
    partnerName: row.partner_name,
    lifeDomain: row.life_domain,
    reason: row.reason,
    referredAt: row.referred_at,
    consentId: row.consent_id ?? null,
    overrideReason: row.override_reason ?? null,
    status: row.status,
    outcome: row.outcome ?? null,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function referralsOfCase(ws: Workspace, caseId: string): Referral[] {
  requireCase(ws, caseId);
  const rows = prepared(
    ws.db,
    `SELECT * FROM referrals WHERE case_id = ? AND deleted_at IS NULL
     ORDER BY referred_at DESC, created_at DESC, rowid DESC`,
  ).all(caseId) as RowValues[];
  return parseRows(rows, referralCandidate, referralSchema);
}

function referralRow(ws: Workspace, id: string): RowValues {
  const row = prepared(ws.db, 'SELECT * FROM referrals WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  if (!row) throw new KimError('NOT_FOUND', referralNotFoundMessage);
  return row;
}

function referralById(ws: Workspace, id: string): Referral {
  const referral = parseRow(referralRow(ws, id), referralCandidate, referralSchema);
  if (!referral) throw new KimError('NOT_FOUND', referralNotFoundMessage);
  return referral;
}

/**
 * How a referral may go ahead: with a consent for the partner that is valid on the referral's
 * date AND today — the referral may be recorded late, but the data is shared now, so a consent
 * withdrawn or expired since (or not in force yet) does not cover it — or, only for the
 * Teamleitung, without one, with a reason that is stored and audited.
 */
type Permission = { consentId: string; overrideReason: null } | { consentId: null; overrideReason: string };

function permissionFor(
  ws: Workspace,
  personId: string,
  input: ChannelParsedInput<'referrals.create'>,
  partnerName: string,
  today: string,
): Permission {
  const consents = listConsents(ws, personId);
  // A chosen consent must itself fit; the core does not silently swap in another one.
  const candidates = (input.consentId === undefined ? consents : consents.filter((consent) => consent.id === input.consentId)).filter(
    (consent) => consentStatus(consent, today) === 'gueltig',
  );
  const consent = findValidConsentFor(candidates, input.partnerId, input.referredAt);
  if (consent) return { consentId: consent.id, overrideReason: null };

  const overrideReason = orNull(input.overrideReason);
  if (overrideReason === null) throw new KimError('CONSENT_REQUIRED', consentRequiredMessage(partnerName));
  if (currentRole(ws.db) !== 'teamleitung') throw new KimError('NOT_ALLOWED', overrideNotAllowedMessage);
  return { consentId: null, overrideReason };
}

export function createReferral(ws: Workspace, input: ChannelParsedInput<'referrals.create'>): Referral {
  const caseRow = requireOpenCase(ws, input.caseId);
  // a referral that has not happened yet is not a fact (and would be checked against a consent not in force)
  const today = localIsoDate(ws.now());
  if (input.referredAt > today) {
    throw new KimError('INVALID_INPUT', futureReferralMessage, { fieldErrors: { referredAt: futureReferralMessage } });
  }
  const partner = findPartner(ws.db, input.partnerId);
  if (!partner) throw new KimError('NOT_FOUND', unknownPartnerMessage);
  const personId = String(caseRow.person_id);
  const permission = permissionFor(ws, personId, input, partner.name, today);

  const id = uuidv7(ws.now());
  ws.db.transaction(() => {
    writeEntity(writeContextOf(ws), {
      entity: referralsEntity,
      kind: 'create',
      rowId: id,
      values: {
        person_id: personId,
        case_id: input.caseId,
        partner_id: partner.id,
        partner_name: partner.name,
        life_domain: input.lifeDomain,
        reason: input.reason,
        referred_at: input.referredAt,
        consent_id: permission.consentId,
        override_reason: permission.overrideReason,
        status: 'angefragt',
        outcome: null,
        created_by: ws.profile.userName,
      },
    });
    if (permission.overrideReason !== null) auditConsentOverride(ws, id, partner.id);
  })();
  return referralById(ws, id);
}

/**
 * The override gets its own audit entry beside the write's, so a data-protection review finds
 * every referral made without consent by its action alone. The reason itself stays in the row
 * (the log names facts, never personal values).
 */
function auditConsentOverride(ws: Workspace, referralId: string, partnerId: string): void {
  appendAudit(ws.db, {
    at: new Date(ws.now()).toISOString(),
    actor: ws.profile.userName,
    action: 'consent_override',
    entity: referralsEntity.name,
    rowId: referralId,
    details: { partnerId },
  });
}

export function updateReferral(ws: Workspace, input: ChannelParsedInput<'referrals.update'>): Referral {
  const row = referralRow(ws, input.id);
  requireOpenCase(ws, String(row.case_id));
  writeEntity(writeContextOf(ws), {
    entity: referralsEntity,
    kind: 'update',
    rowId: input.id,
    // an omitted outcome keeps the one recorded; an emptied one clears it
    values: { status: input.status, ...(input.outcome !== undefined ? { outcome: orNull(input.outcome) } : {}) },
  });
  return referralById(ws, input.id);
}
