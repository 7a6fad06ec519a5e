import { phaseEventSchema, type CasePhase, type CloseReason, type PhaseEvent } from '../../../../shared/domain/case';
import { uuidv7 } from '../../../../shared/ids';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { phaseEventsEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';

export interface PhaseEventInput {
  readonly personId: string;
  readonly caseId: string;
  readonly kind: PhaseEvent['kind'];
  readonly from: CasePhase | null;
  readonly to: CasePhase;
  readonly movedAt: string;
  readonly note?: string | null;
  readonly closeReason?: CloseReason | null;
}

/** One dated move of a case, by the profile's user (append-only: history by construction). */
export function writePhaseEvent(ws: Workspace, event: PhaseEventInput): void {
  writeEntity(writeContextOf(ws), {
    entity: phaseEventsEntity,
    kind: 'create',
    rowId: uuidv7(ws.now()),
    values: {
      person_id: event.personId,
      case_id: event.caseId,
      kind: event.kind,
      from_phase: event.from,
      to_phase: event.to,
      moved_at: event.movedAt,
      note: event.note ?? null,
      close_reason: event.closeReason ?? null,
      by_user: ws.profile.userName,
    },
  });
}

/** The date the case's latest phase event took effect (null: none complete yet). */
export function latestPhaseEventDate(ws: Workspace, caseId: string): string | null {
  const row = prepared(ws.db, 'SELECT max(moved_at) AS latest FROM case_phase_events WHERE case_id = ? AND deleted_at IS NULL').get(caseId) as
    | { latest: string | null }
    | undefined;
  return typeof row?.latest === 'string' ? row.latest : null;
}

/**
 * The case's moves in the order they took effect (moved_at), then in the order they were
 * written. Two events written in the same millisecond fall back to the opening first and then
 * the order they reached this database (rowid: local writes and server-ordered pulls alike).
 * Rows a sync has not completed are skipped.
 */
export function phaseEventsOf(ws: Workspace, caseId: string): PhaseEvent[] {
  const rows = prepared(
    ws.db,
    `SELECT * FROM case_phase_events WHERE case_id = ? AND deleted_at IS NULL
     ORDER BY moved_at, created_at, kind <> 'open', rowid`,
  ).all(caseId) as RowValues[];
  return rows.flatMap((row) => {
    const parsed = phaseEventSchema.safeParse(phaseEventCandidate(row));
    return parsed.success ? [parsed.data] : [];
  });
}

/** A `case_phase_events` row → the event to check with phaseEventSchema (also the sync's row check). */
export function phaseEventCandidate(row: RowValues): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    fromPhase: row.from_phase ?? null,
    toPhase: row.to_phase,
    movedAt: row.moved_at,
    note: row.note ?? null,
    closeReason: row.close_reason ?? null,
    by: row.by_user,
    createdAt: row.created_at,
  };
}
