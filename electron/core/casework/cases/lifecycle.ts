import type { Case, CloseCheck } from '../../../../shared/domain/case';
import type { CaseDetail } from '../../../../shared/ipc/casework-contract';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { caseFromRow } from '../../services/cases';
import { localIsoDate, writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { casesEntity } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { caseDetail } from './case-detail';
import { caseNotFoundMessage, requireCase, requireOpenCase } from './case-guard';
import { openItemsOf, setOpenTasksDropped } from './open-items';
import { latestPhaseEventDate, writePhaseEvent } from './phase-events';
import { checkPhaseMove } from './phase-rules';
import { germanDate } from '../tasks/dates';
import { textOrNull } from './values';

function caseOf(ws: Workspace, caseId: string, guard: typeof requireCase): Case {
  const found = caseFromRow(guard(ws, caseId));
  if (!found) throw new KimError('NOT_FOUND', caseNotFoundMessage);
  return found;
}

/**
 * The date a move took effect may be back-dated to the real conversation, but not before the
 * case was opened, not before the case's latest move (the history, read by date, must end in
 * the phase the case is in) and not into the future (a move that has not happened is not a
 * fact).
 */
function effectiveDate(ws: Workspace, found: Case, wanted: string | undefined, field: string): string {
  const today = localIsoDate(ws.now());
  const date = wanted ?? today;
  if (date > today) {
    throw new KimError('INVALID_INPUT', 'Das Datum liegt in der Zukunft.', { fieldErrors: { [field]: 'Das Datum darf nicht in der Zukunft liegen.' } });
  }
  if (date < found.openedAt) {
    throw new KimError('INVALID_INPUT', 'Das Datum liegt vor der Eröffnung des Falls.', {
      fieldErrors: { [field]: 'Das Datum darf nicht vor der Eröffnung des Falls liegen.' },
    });
  }
  requireAfterLatestMove(ws, found.id, date, field);
  return date;
}

/** A new phase event may not take effect before the latest one the case already has. */
function requireAfterLatestMove(ws: Workspace, caseId: string, date: string, field: string | null): void {
  const latest = latestPhaseEventDate(ws, caseId);
  if (latest === null || date >= latest) return;
  const message = `Das Datum darf nicht vor dem letzten Phasenwechsel (${germanDate(latest)}) liegen.`;
  throw new KimError('INVALID_INPUT', message, field === null ? {} : { fieldErrors: { [field]: message } });
}

/** `cases.movePhase`: one step forward or back to an earlier phase, dated, with an event. */
export function movePhase(ws: Workspace, input: ChannelParsedInput<'cases.movePhase'>): CaseDetail {
  const found = caseOf(ws, input.caseId, requireCase);
  // closed_at without phase Abschluss: fields of a close on another device still arriving; closed all the same
  checkPhaseMove(found.closedAt === null ? found.phase : 'abschluss', input.to);
  const movedAt = effectiveDate(ws, found, input.movedAt, 'movedAt');
  ws.db.transaction(() => {
    writeEntity(writeContextOf(ws), { entity: casesEntity, kind: 'update', rowId: found.id, values: { phase: input.to } });
    writePhaseEvent(ws, {
      personId: found.personId,
      caseId: found.id,
      kind: 'move',
      from: found.phase,
      to: input.to,
      movedAt,
      note: textOrNull(input.note),
    });
  })();
  return caseDetail(ws, found.id);
}

/** `cases.closeCheck`: what the closing dialog lists before the user confirms. */
export function closeCheck(ws: Workspace, caseId: string): CloseCheck {
  requireCase(ws, caseId);
  return openItemsOf(ws, caseId);
}

/**
 * `cases.close`. Open goals and open tasks block closing until the user acknowledges them;
 * then, in one transaction, the case's open tasks are dropped ('entfallen': nobody follows up
 * a closed case), the case goes to Abschluss with its reason, and the close event is written.
 * Goals keep their status: what was (not) reached is the evaluation's record.
 */
export function closeCase(ws: Workspace, input: ChannelParsedInput<'cases.close'>): CaseDetail {
  const found = caseOf(ws, input.caseId, requireOpenCase);
  const closedAt = effectiveDate(ws, found, input.closedAt, 'closedAt');
  const open = openItemsOf(ws, found.id);
  if ((open.openGoals.length > 0 || open.openTasks.length > 0) && !input.acknowledgeOpenItems) {
    throw new KimError('CLOSE_BLOCKED', closeBlockedMessage(open.openGoals.length, open.openTasks.length));
  }
  const note = textOrNull(input.note);
  ws.db.transaction(() => {
    setOpenTasksDropped(ws, open.openTasks.map((task) => task.id));
    writeEntity(writeContextOf(ws), {
      entity: casesEntity,
      kind: 'update',
      rowId: found.id,
      values: { phase: 'abschluss', closed_at: closedAt, close_reason: input.reason, close_note: note },
    });
    writePhaseEvent(ws, {
      personId: found.personId,
      caseId: found.id,
      kind: 'close',
      from: found.phase,
      to: 'abschluss',
      movedAt: closedAt,
      note,
      closeReason: input.reason,
    });
  })();
  return caseDetail(ws, found.id);
}

function closeBlockedMessage(goals: number, tasks: number): string {
  const parts: string[] = [];
  if (goals > 0) parts.push(goals === 1 ? '1 offenes Ziel' : `${goals} offene Ziele`);
  if (tasks > 0) parts.push(tasks === 1 ? '1 offene Wiedervorlage' : `${tasks} offene Wiedervorlagen`);
  return (
    `Der Fall hat noch ${parts.join(' und ')}. Bitte prüfen und bestätigen, dass der Fall trotzdem ` +
    'abgeschlossen wird; offene Wiedervorlagen entfallen dann.'
  );
}

/** `cases.reopen`: only a closed case; back to the chosen phase, the closing data cleared. */
export function reopenCase(ws: Workspace, input: ChannelParsedInput<'cases.reopen'>): CaseDetail {
  const found = caseOf(ws, input.caseId, requireCase);
  if (found.phase !== 'abschluss' && found.closedAt === null) {
    throw new KimError('INVALID_TRANSITION', 'Der Fall ist nicht abgeschlossen. Nur ein abgeschlossener Fall kann wieder geöffnet werden.');
  }
  const movedAt = localIsoDate(ws.now());
  // today is on or after every event written here; one from a device whose clock ran ahead is not
  requireAfterLatestMove(ws, found.id, movedAt, null);
  ws.db.transaction(() => {
    writeEntity(writeContextOf(ws), {
      entity: casesEntity,
      kind: 'update',
      rowId: found.id,
      values: { phase: input.to, closed_at: null, close_reason: null, close_note: null },
    });
    writePhaseEvent(ws, {
      personId: found.personId,
      caseId: found.id,
      kind: 'reopen',
      from: found.phase,
      to: input.to,
      movedAt,
      note: input.reason,
    });
  })();
  return caseDetail(ws, found.id);
}
