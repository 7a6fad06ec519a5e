import { lifeDomains } from '../../../../shared/domain/life-domains';
import { goalSchema, stepSchema, type Goal, type GoalInput, type Step } from '../../../../shared/domain/plan';
import { uuidv7 } from '../../../../shared/ids';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { goalsEntity, goalStepsEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { requireCase, requireOpenCase } from '../cases/case-guard';
import { currentReference, findPartner } from '../reference';
import { unknownPartnerMessage } from './consents';
import { orNull, parseRow, parseRows, textOrNull } from './rows';

export const goalNotFoundMessage = 'Dieses Ziel wurde nicht gefunden.';
export const stepNotFoundMessage = 'Dieser Handlungsschritt wurde nicht gefunden.';
const dueBeforeAgreedMessage = 'Fällig am liegt vor dem Vereinbarungsdatum';

/** Partner names as the county's directory has them now; the stored name when it dropped out. */
type PartnerNames = ReadonlyMap<string, string>;

function stepCandidate(row: RowValues, partnerNames: PartnerNames): unknown {
  const partnerId = textOrNull(row.partner_id);
  return {
    id: row.id,
    goalId: row.goal_id,
    description: row.description,
    responsible: row.responsible,
    partnerId,
    partnerName: partnerId === null ? null : (partnerNames.get(partnerId) ?? textOrNull(row.partner_name)),
    dueAt: row.due_at ?? null,
    doneAt: row.done_at ?? null,
  };
}

/** A `goals` row with its steps → the goal to check with goalSchema (also the sync's row check). */
export function goalCandidate(row: RowValues, steps: readonly Step[]): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    lifeDomain: row.life_domain,
    description: row.description,
    agreedAt: row.agreed_at,
    dueAt: row.due_at ?? null,
    status: row.status,
    steps,
    createdAt: row.created_at,
  };
}

function partnerNames(ws: Workspace): PartnerNames {
  return new Map(currentReference(ws.db).partners.map((partner) => [partner.id, partner.name]));
}

/** Steps of the goals, grouped by goal, in the order they were written (rowid breaks a tie within one millisecond). */
function stepsByGoal(rows: readonly RowValues[], names: PartnerNames): Map<string, Step[]> {
  const byGoal = new Map<string, Step[]>();
  for (const step of parseRows(rows, (row) => stepCandidate(row, names), stepSchema)) {
    const steps = byGoal.get(step.goalId) ?? [];
    steps.push(step);
    byGoal.set(step.goalId, steps);
  }
  return byGoal;
}

const domainOrder = new Map<string, number>(lifeDomains.map((domain, index) => [domain, index]));

function planOrder(a: Goal, b: Goal): number {
  const byDomain = (domainOrder.get(a.lifeDomain) ?? 0) - (domainOrder.get(b.lifeDomain) ?? 0);
  if (byDomain !== 0) return byDomain;
  if (a.agreedAt !== b.agreedAt) return a.agreedAt < b.agreedAt ? -1 : 1;
  return 0; // stable: the query's order (as written) decides the rest
}

/** The Hilfeplan of a case: goals by life domain, then by the date agreed; each with its steps. */
export function goalsOfCase(ws: Workspace, caseId: string): Goal[] {
  requireCase(ws, caseId);
  const goalRows = prepared(ws.db, 'SELECT * FROM goals WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid').all(caseId) as RowValues[];
  const stepRows = prepared(
    ws.db,
    'SELECT * FROM goal_steps WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid',
  ).all(caseId) as RowValues[];
  const steps = stepsByGoal(stepRows, partnerNames(ws));
  return parseRows(goalRows, (row) => goalCandidate(row, steps.get(String(row.id)) ?? []), goalSchema).sort(planOrder);
}

function goalRow(ws: Workspace, id: string): RowValues {
  const row = prepared(ws.db, 'SELECT * FROM goals WHERE id = ? AND deleted_at IS NULL').get(id) as RowValues | undefined;
  if (!row) throw new KimError('NOT_FOUND', goalNotFoundMessage);
  return row;
}

function goalById(ws: Workspace, id: string): Goal {
  const stepRows = prepared(
    ws.db,
    'SELECT * FROM goal_steps WHERE goal_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid',
  ).all(id) as RowValues[];
  const steps = stepsByGoal(stepRows, partnerNames(ws)).get(id) ?? [];
  const goal = parseRow(goalRow(ws, id), (row) => goalCandidate(row, steps), goalSchema);
  if (!goal) throw new KimError('NOT_FOUND', goalNotFoundMessage);
  return goal;
}

/** A goal's case must be open to change the plan (a closed case is reopened first). */
function requireGoalOfOpenCase(ws: Workspace, goalId: string): RowValues {
  const row = goalRow(ws, goalId);
  requireOpenCase(ws, String(row.case_id));
  return row;
}

export function createGoal(ws: Workspace, input: GoalInput): Goal {
  const caseRow = requireOpenCase(ws, input.caseId);
  const id = uuidv7(ws.now());
  writeEntity(writeContextOf(ws), {
    entity: goalsEntity,
    kind: 'create',
    rowId: id,
    values: {
      person_id: caseRow.person_id ?? null,
      case_id: input.caseId,
      life_domain: input.lifeDomain,
      description: input.description,
      agreed_at: input.agreedAt,
      due_at: input.dueAt ?? null,
      status: input.status,
    },
  });
  return goalById(ws, id);
}

export function updateGoal(ws: Workspace, input: ChannelParsedInput<'goals.update'>): Goal {
  const row = requireGoalOfOpenCase(ws, input.id);
  if (input.dueAt != null && typeof row.agreed_at === 'string' && input.dueAt < row.agreed_at) {
    throw new KimError('INVALID_INPUT', dueBeforeAgreedMessage, { fieldErrors: { dueAt: dueBeforeAgreedMessage } });
  }
  writeEntity(writeContextOf(ws), {
    entity: goalsEntity,
    kind: 'update',
    rowId: input.id,
    // only what was sent changes; dueAt null clears the due date
    values: {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.dueAt !== undefined ? { due_at: input.dueAt } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    },
  });
  return goalById(ws, input.id);
}

export function createStep(ws: Workspace, input: ChannelParsedInput<'steps.create'>): Goal {
  const goal = requireGoalOfOpenCase(ws, input.goalId);
  // a partner is named only when a partner does the step
  const partner = input.responsible === 'partner' ? findPartner(ws.db, input.partnerId ?? '') : undefined;
  if (input.responsible === 'partner' && !partner) throw new KimError('NOT_FOUND', unknownPartnerMessage);
  writeEntity(writeContextOf(ws), {
    entity: goalStepsEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: {
      person_id: goal.person_id ?? null,
      case_id: goal.case_id ?? null,
      goal_id: input.goalId,
      description: input.description,
      responsible: input.responsible,
      partner_id: partner?.id ?? null,
      partner_name: partner?.name ?? null,
      due_at: orNull(input.dueAt),
      done_at: null,
    },
  });
  return goalById(ws, input.goalId);
}

export function setStepDone(ws: Workspace, input: ChannelParsedInput<'steps.setDone'>): Goal {
  const step = prepared(ws.db, 'SELECT * FROM goal_steps WHERE id = ? AND deleted_at IS NULL').get(input.id) as RowValues | undefined;
  if (!step) throw new KimError('NOT_FOUND', stepNotFoundMessage);
  const goalId = String(step.goal_id);
  requireGoalOfOpenCase(ws, goalId);
  writeEntity(writeContextOf(ws), { entity: goalStepsEntity, kind: 'update', rowId: input.id, values: { done_at: input.doneAt } });
  return goalById(ws, goalId);
}
