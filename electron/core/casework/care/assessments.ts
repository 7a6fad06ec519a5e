import { assessmentSchema, type Assessment, type AssessmentHistory } from '../../../../shared/domain/assessment';
import { uuidv7 } from '../../../../shared/ids';
import type { ChannelParsedInput } from '../../../../shared/ipc/contract';
import { KimError } from '../../../../shared/ipc/errors';
import { writeContextOf } from '../../services/write-context';
import type { Workspace } from '../../session/session';
import { prepared } from '../../store/prepared';
import { assessmentsEntity, type RowValues } from '../../write/entities';
import { writeEntity } from '../../write/write-path';
import { requireCase, requireOpenCase } from '../cases/case-guard';
import { assessmentHistory } from './assessment-history';
import { orNull, parseRows } from './rows';

/** An `assessments` row → the assessment to check with assessmentSchema (also the sync's row check). */
export function assessmentCandidate(row: RowValues): unknown {
  return {
    id: row.id,
    caseId: row.case_id,
    lifeDomain: row.life_domain,
    situation: row.situation ?? null,
    resources: row.resources ?? null,
    needLevel: row.need_level,
    assessedAt: row.assessed_at,
    assessedBy: row.assessed_by,
    createdAt: row.created_at,
  };
}

function assessmentsOfCase(ws: Workspace, caseId: string): Assessment[] {
  const rows = prepared(ws.db, 'SELECT * FROM assessments WHERE case_id = ? AND deleted_at IS NULL ORDER BY assessed_at DESC, created_at DESC, rowid DESC').all(caseId) as RowValues[];
  return parseRows(rows, assessmentCandidate, assessmentSchema);
}

export function assessmentHistoryOfCase(ws: Workspace, caseId: string): AssessmentHistory {
  requireCase(ws, caseId);
  return assessmentHistory(assessmentsOfCase(ws, caseId));
}

/**
 * One assessment round: a new append-only row per life domain, all with the round's date.
 * Earlier rounds are never touched, so the history is kept by construction.
 */
export function recordAssessment(ws: Workspace, input: ChannelParsedInput<'assessments.record'>): AssessmentHistory {
  const caseRow = requireOpenCase(ws, input.caseId);
  const seen = new Set<string>();
  for (const entry of input.entries) {
    if (seen.has(entry.lifeDomain)) {
      throw new KimError('INVALID_INPUT', 'Jedes Handlungsfeld kann in einer Einschätzung nur einmal vorkommen.');
    }
    seen.add(entry.lifeDomain);
  }
  const ctx = writeContextOf(ws);
  ws.db.transaction(() => {
    for (const entry of input.entries) {
      writeEntity(ctx, {
        entity: assessmentsEntity,
        kind: 'create',
        rowId: uuidv7(ws.now()),
        values: {
          person_id: caseRow.person_id ?? null,
          case_id: input.caseId,
          life_domain: entry.lifeDomain,
          situation: orNull(entry.situation),
          resources: orNull(entry.resources),
          need_level: entry.needLevel,
          assessed_at: input.assessedAt,
          assessed_by: ws.profile.userName,
        },
      });
    }
  })();
  return assessmentHistory(assessmentsOfCase(ws, input.caseId));
}
