import type { TaskRuleSettings } from '../../../../shared/domain/task';
import type { Db } from '../../db-types';
import { prepared } from '../../store/prepared';
import { addDays } from './dates';
import type { ConsentFact, DeadlineFact, GoalFact, OpenCaseFact, RuleFacts } from './rules';

/**
 * The facts the task rules look at, in four set-based queries (no query per case): the open
 * cases with their person's permit date, then the consents, goals and deadlines near or past
 * their lead window, each read through its date index. Whether a goal's or deadline's case is
 * an open case is checked by the rules (rules.ts), not here.
 *
 * The facts are the open cases of EVERY case manager, not only the user's: a person-level task
 * (permit, consent) belongs to one case chosen among all the person's open cases, and every
 * device must choose the same one, or two colleagues' devices would move the task back and
 * forth on every sync. Which of the desired tasks a device writes — only those of its user's
 * cases — is decided in refresh.ts, so a team's devices do not race to create the same rows.
 *
 * The last contact is cases.last_contact_at, which the contacts service moves forward with
 * every newer contact and which syncs as a field of the case.
 *
 * Rows that sync left incomplete (a pull page ending mid-row) are skipped, not thrown on.
 */

/** Open cases (any case manager, also none), their person not deleted. */
const openCasesWhere = `c.closed_at IS NULL AND c.deleted_at IS NULL AND c.phase <> 'abschluss' AND p.deleted_at IS NULL`;

const openCasesSql = `
  SELECT c.id AS case_id, c.person_id, c.case_manager, c.opened_at, c.last_contact_at,
    CASE WHEN json_valid(p.residence) THEN json_extract(p.residence, '$.validUntil') END AS permit_valid_until
  FROM cases c JOIN persons p ON p.id = c.person_id
  WHERE ${openCasesWhere}`;

/**
 * Consents that expire within the lead (or have expired), and every other live consent of the
 * same persons: a later one may renew an expiring one.
 */
const consentsSql = `
  SELECT s.id, s.person_id, s.case_id, s.purpose, s.recipient_partner_id, s.recipient_name, s.valid_until
  FROM consents s
  WHERE s.withdrawn_at IS NULL AND s.deleted_at IS NULL
    AND s.person_id IN (
      SELECT e.person_id FROM consents e
      WHERE e.valid_until <= @horizon AND e.withdrawn_at IS NULL AND e.deleted_at IS NULL)`;

const goalsSql = `
  SELECT g.id, g.person_id, g.case_id, g.life_domain, g.due_at
  FROM goals g
  WHERE g.status IN ('offen', 'in_arbeit') AND g.due_at <= @horizon AND g.deleted_at IS NULL`;

const deadlinesSql = `
  SELECT d.id, d.person_id, d.case_id, d.kind, d.due_at
  FROM deadlines d
  WHERE d.done_at IS NULL AND d.due_at <= @horizon AND d.deleted_at IS NULL`;

type Row = Record<string, unknown>;

export function gatherRuleFacts(db: Db, settings: TaskRuleSettings, today: string): RuleFacts {
  const consentHorizon = addDays(today, settings.consentExpiryLeadDays);
  const goalHorizon = addDays(today, settings.goalDueLeadDays);
  const deadlineHorizon = addDays(today, Math.max(settings.deadlineLeadDays, settings.permitExpiryLeadDays));

  const openCases: OpenCaseFact[] = [];
  for (const row of prepared(db, openCasesSql).all() as Row[]) {
    const caseId = str(row.case_id);
    const personId = str(row.person_id);
    const openedAt = date(row.opened_at);
    if (caseId === null || personId === null || openedAt === null) continue;
    openCases.push({
      caseId,
      personId,
      caseManager: str(row.case_manager) ?? '',
      openedAt,
      lastContactAt: date(row.last_contact_at),
      permitValidUntil: date(row.permit_valid_until),
    });
  }

  const consents: ConsentFact[] = [];
  for (const row of prepared(db, consentsSql).all({ horizon: consentHorizon }) as Row[]) {
    const id = str(row.id);
    const personId = str(row.person_id);
    const purpose = str(row.purpose);
    if (id === null || personId === null || purpose === null) continue;
    consents.push({
      id,
      personId,
      caseId: str(row.case_id),
      purpose,
      recipientPartnerId: str(row.recipient_partner_id),
      recipientName: str(row.recipient_name),
      validUntil: date(row.valid_until),
    });
  }

  const goals: GoalFact[] = [];
  for (const row of prepared(db, goalsSql).all({ horizon: goalHorizon }) as Row[]) {
    const id = str(row.id);
    const personId = str(row.person_id);
    const caseId = str(row.case_id);
    const dueAt = date(row.due_at);
    if (id === null || personId === null || caseId === null || dueAt === null) continue;
    goals.push({ id, personId, caseId, lifeDomain: str(row.life_domain), dueAt });
  }

  const deadlines: DeadlineFact[] = [];
  for (const row of prepared(db, deadlinesSql).all({ horizon: deadlineHorizon }) as Row[]) {
    const id = str(row.id);
    const personId = str(row.person_id);
    const caseId = str(row.case_id);
    const kind = str(row.kind);
    const dueAt = date(row.due_at);
    if (id === null || personId === null || caseId === null || kind === null || dueAt === null) continue;
    deadlines.push({ id, personId, caseId, kind, dueAt });
  }

  return { openCases, consents, goals, deadlines };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
function date(value: unknown): string | null {
  return typeof value === 'string' && isoDate.test(value) ? value : null;
}
