import type { TargetGroupResult } from '../../../../shared/domain/target-group';
import { KimError } from '../../../../shared/ipc/errors';
import { findLivePersonRow, personNotFoundMessage } from '../../services/persons';
import { localIsoDate } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import type { RowValues } from '../../write/entities';
import { currentReference } from '../reference';
import { evaluateTargetGroup, type TargetGroupAnswers, type TargetGroupFacts } from './target-group';

/** The person's data the automatic criteria look at; unreadable values count as not recorded. */
export function targetGroupFactsOf(person: RowValues): TargetGroupFacts {
  return {
    arrivalDate: typeof person.arrival_date === 'string' && person.arrival_date.length > 0 ? person.arrival_date : null,
    residenceStatus: residenceStatusOf(person.residence),
  };
}

function residenceStatusOf(value: RowValues[string] | undefined): string | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === 'object' && 'status' in parsed) {
      const status = (parsed as { status: unknown }).status;
      return typeof status === 'string' && status.length > 0 ? status : null;
    }
  } catch {
    // not JSON: as if no residence were recorded
  }
  return null;
}

/** The check against the county's criteria as this device knows them, for a person row. */
export function targetGroupCheckForPerson(ws: Workspace, person: RowValues, answers: TargetGroupAnswers): TargetGroupResult {
  return evaluateTargetGroup(
    currentReference(ws.db).targetGroupCriteria,
    targetGroupFactsOf(person),
    answers,
    localIsoDate(ws.now()),
  );
}

/** `cases.targetGroupCheck`: what the intake form shows before the case is opened. */
export function targetGroupCheck(ws: Workspace, personId: string, answers: TargetGroupAnswers): TargetGroupResult {
  const person = findLivePersonRow(ws, personId);
  if (!person) throw new KimError('NOT_FOUND', personNotFoundMessage);
  return targetGroupCheckForPerson(ws, person, answers);
}
