import type { TaskRule, TaskRuleSettings } from '../../../../shared/domain/task';
import { addDays, germanDate, laterDate } from './dates';
import { ruleTaskId } from './stable-id';

/**
 * The task rules (Wiedervorlagen by rule) as a pure function of the facts, the lead times and
 * today's date — no database, no clock — so every rule is tested with a fixed date.
 *
 * Due dates, decided once for all rules:
 * - Renewals (permit expiry, consent expiry) and "no contact": the task is due on the first day
 *   of the lead window (expiry − lead days; last contact + N weeks), because that is when the
 *   work must start (an appointment at the Ausländerbehörde takes weeks). That day is computed,
 *   not a real deadline, so it is never before the day the task is created: a permit entered 30
 *   days before expiry with a 90-day lead gives a task due today, not one "overdue" for 60 days.
 * - Real dates (a goal's due date, a deadline): the task is due on that date, and the lead time
 *   only says how early it appears (under "upcoming" and "new" on the dashboard). A goal that
 *   was due last month is overdue, so here the date stays as it is.
 * - Boundaries are inclusive: a permit 90 days from today with a 90-day lead gets its task today;
 *   "no contact for 6 weeks" holds from the 42nd day after the last contact.
 */

export interface OpenCaseFact {
  readonly caseId: string;
  readonly personId: string;
  /** the case's case manager (empty when not recorded: such a case gets no rule tasks) */
  readonly caseManager: string;
  readonly openedAt: string;
  /** the latest contact (cases.last_contact_at) */
  readonly lastContactAt: string | null;
  /** the person's residence title's valid-until date (persons.residence.validUntil) */
  readonly permitValidUntil: string | null;
}

export interface ConsentFact {
  readonly id: string;
  readonly personId: string;
  readonly caseId: string | null;
  readonly purpose: string;
  readonly recipientPartnerId: string | null;
  readonly recipientName: string | null;
  /** null: valid without limit */
  readonly validUntil: string | null;
}

export interface GoalFact {
  readonly id: string;
  readonly personId: string;
  readonly caseId: string;
  readonly lifeDomain: string | null;
  readonly dueAt: string;
}

export interface DeadlineFact {
  readonly id: string;
  readonly personId: string;
  readonly caseId: string;
  readonly kind: string;
  readonly dueAt: string;
}

/**
 * What the rules look at. Only live rows: open cases (not closed, not deleted, person not
 * deleted) of EVERY case manager, consents not withdrawn, goals offen/in Arbeit, deadlines not
 * done. The gatherer may leave out rows outside every lead window; the rules check the windows
 * themselves.
 *
 * The facts are the same on every device that has the same rows: the rules do not depend on
 * who runs them, so two colleagues' devices always want the same task on the same case for the
 * same assignee. Which of those tasks a device writes (only its user's) is refresh.ts's part.
 */
export interface RuleFacts {
  readonly openCases: readonly OpenCaseFact[];
  readonly consents: readonly ConsentFact[];
  readonly goals: readonly GoalFact[];
  readonly deadlines: readonly DeadlineFact[];
}

export interface DesiredTask {
  readonly id: string;
  readonly rule: TaskRule;
  /** the row the rule looked at: the person (permit), consent, goal, deadline or case */
  readonly ruleRef: string;
  readonly personId: string;
  readonly caseId: string;
  readonly title: string;
  readonly dueAt: string;
  readonly assignee: string;
}

const lifeDomainLabels: Readonly<Record<string, string>> = {
  aufenthalt: 'Aufenthalt',
  sprache: 'Sprache',
  bildung_schule: 'Bildung und Schule',
  ausbildung_arbeit: 'Ausbildung und Arbeit',
  wohnen: 'Wohnen',
  gesundheit: 'Gesundheit',
  familie_kinder: 'Familie und Kinder',
  finanzen_leistungen: 'Finanzen und Leistungen',
  einbuergerung: 'Einbürgerung',
  soziale_teilhabe: 'Soziale Teilhabe',
};

const deadlineLabels: Readonly<Record<string, string>> = {
  p25a: '§ 25a AufenthG',
  p25b: '§ 25b AufenthG',
  einbuergerung: 'Einbürgerung',
  widerspruch: 'Widerspruch',
};

export const permitDeadlineKind = 'aufenthaltstitel_ablauf';

/**
 * Every rule task the facts call for, for every case manager (the assignee is the case's case
 * manager). A case without a case manager gets none: nobody's device may claim them (each would
 * claim them for its own user, and the devices would take them from each other on every sync).
 */
export function evaluateTaskRules(facts: RuleFacts, settings: TaskRuleSettings, today: string): DesiredTask[] {
  const managed = facts.openCases.filter((openCase) => caseManagerOf(openCase) !== '');
  const cases = new Map(managed.map((c) => [c.caseId, c]));
  const primaryCase = primaryOpenCaseByPerson(managed);
  const desired = new Map<string, DesiredTask>();
  const add = (rule: TaskRule, ref: string, keyDate: string, openCase: OpenCaseFact, title: string, dueAt: string) => {
    const id = ruleTaskId(rule, ref, keyDate);
    // the first finding wins: a permit date from the person and from a deadline is one task
    if (desired.has(id)) return;
    desired.set(id, {
      id,
      rule,
      ruleRef: ref,
      personId: openCase.personId,
      caseId: openCase.caseId,
      title,
      dueAt,
      assignee: caseManagerOf(openCase),
    });
  };

  // permit_expiry, from the person's residence title …
  const permitHorizon = addDays(today, settings.permitExpiryLeadDays);
  for (const openCase of primaryCase.values()) {
    const validUntil = openCase.permitValidUntil;
    if (validUntil === null || validUntil > permitHorizon) continue;
    add('permit_expiry', openCase.personId, validUntil, openCase, permitTitle(validUntil, today), windowStart(validUntil, settings.permitExpiryLeadDays, today));
  }
  // … and from deadlines of kind 'aufenthaltstitel_ablauf' (same id when the date is the same;
  // of two such deadlines on different cases the lower id wins, whatever order the rows came in)
  for (const deadline of [...facts.deadlines].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (deadline.kind !== permitDeadlineKind || deadline.dueAt > permitHorizon) continue;
    const openCase = cases.get(deadline.caseId);
    if (!openCase) continue;
    add('permit_expiry', openCase.personId, deadline.dueAt, openCase, permitTitle(deadline.dueAt, today), windowStart(deadline.dueAt, settings.permitExpiryLeadDays, today));
  }

  const consentHorizon = addDays(today, settings.consentExpiryLeadDays);
  const consentsByPerson = groupBy(facts.consents, (consent) => consent.personId);
  for (const consent of facts.consents) {
    if (consent.validUntil === null || consent.validUntil > consentHorizon) continue;
    if (isSuperseded(consent, consentsByPerson.get(consent.personId) ?? [])) continue;
    const openCase = (consent.caseId !== null ? cases.get(consent.caseId) : undefined) ?? primaryCase.get(consent.personId);
    if (!openCase || openCase.personId !== consent.personId) continue;
    const recipient = consent.recipientName ? ` für ${consent.recipientName}` : '';
    const verb = consent.validUntil < today ? `ist am ${germanDate(consent.validUntil)} abgelaufen` : `läuft am ${germanDate(consent.validUntil)} ab`;
    add('consent_expiry', consent.id, consent.validUntil, openCase, `Einwilligung${recipient} ${verb}`, windowStart(consent.validUntil, settings.consentExpiryLeadDays, today));
  }

  const goalHorizon = addDays(today, settings.goalDueLeadDays);
  for (const goal of facts.goals) {
    if (goal.dueAt > goalHorizon) continue;
    const openCase = cases.get(goal.caseId);
    if (!openCase) continue;
    const domain = goal.lifeDomain ? lifeDomainLabels[goal.lifeDomain] : undefined;
    add('goal_due', goal.id, goal.dueAt, openCase, `Ziel${domain ? ` im Handlungsfeld ${domain}` : ''} fällig am ${germanDate(goal.dueAt)}`, goal.dueAt);
  }

  const deadlineHorizon = addDays(today, settings.deadlineLeadDays);
  for (const deadline of facts.deadlines) {
    if (deadline.kind === permitDeadlineKind || deadline.dueAt > deadlineHorizon) continue;
    const openCase = cases.get(deadline.caseId);
    if (!openCase) continue;
    const label = deadlineLabels[deadline.kind];
    add('deadline', deadline.id, deadline.dueAt, openCase, `Frist${label ? ` (${label})` : ''} am ${germanDate(deadline.dueAt)}`, deadline.dueAt);
  }

  const noContactDays = settings.noContactWeeks * 7;
  const contactThreshold = addDays(today, -noContactDays);
  for (const openCase of managed) {
    const lastContact = openCase.lastContactAt ?? openCase.openedAt;
    if (lastContact > contactThreshold) continue;
    const due = addDays(lastContact, noContactDays);
    const since = openCase.lastContactAt === null ? `seit Fallbeginn am ${germanDate(lastContact)}` : `seit ${germanDate(lastContact)}`;
    add('no_contact', openCase.caseId, lastContact, openCase, `Kein Kontakt ${since}`, laterDate(due, today));
  }

  return [...desired.values()];
}

function permitTitle(validUntil: string, today: string): string {
  return validUntil < today
    ? `Aufenthaltstitel ist am ${germanDate(validUntil)} abgelaufen`
    : `Aufenthaltstitel läuft am ${germanDate(validUntil)} ab`;
}

/** First day of the lead window, never before today (see the module comment). */
function windowStart(keyDate: string, leadDays: number, today: string): string {
  return laterDate(addDays(keyDate, -leadDays), today);
}

function caseManagerOf(openCase: OpenCaseFact): string {
  return openCase.caseManager.trim();
}

/**
 * The case a person-level task (permit, consent without or with a closed case) belongs to: of
 * ALL the person's open cases that have a case manager (whoever it is), the most recently
 * opened one, ties by the higher id. It depends on synced fields only, so every device — the
 * user's and the colleagues' — picks the same one.
 */
function primaryOpenCaseByPerson(openCases: readonly OpenCaseFact[]): Map<string, OpenCaseFact> {
  const byPerson = new Map<string, OpenCaseFact>();
  for (const openCase of openCases) {
    const current = byPerson.get(openCase.personId);
    if (
      !current ||
      openCase.openedAt > current.openedAt ||
      (openCase.openedAt === current.openedAt && openCase.caseId > current.caseId)
    ) {
      byPerson.set(openCase.personId, openCase);
    }
  }
  return byPerson;
}

/**
 * A consent renewed by a later one (same person, purpose and recipient, valid longer or without
 * limit) needs no reminder: its task, if any, falls away.
 */
function isSuperseded(consent: ConsentFact, samePerson: readonly ConsentFact[]): boolean {
  const until = consent.validUntil;
  if (until === null) return false;
  return samePerson.some(
    (other) =>
      other.id !== consent.id &&
      other.purpose === consent.purpose &&
      other.recipientPartnerId === consent.recipientPartnerId &&
      (other.validUntil === null || other.validUntil > until),
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
