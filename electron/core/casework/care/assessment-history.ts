import type { Assessment, AssessmentHistory } from '../../../../shared/domain/assessment';
import { lifeDomains, needLevels, type NeedLevel } from '../../../../shared/domain/life-domains';

const needIndex = (level: NeedLevel): number => needLevels.indexOf(level);

/**
 * Latest first: by date, then by when it was written (a second round on the same day wins);
 * the sort is stable, so the caller's order settles what is left.
 */
function newestFirst(a: Assessment, b: Assessment): number {
  if (a.assessedAt !== b.assessedAt) return a.assessedAt < b.assessedAt ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return 0;
}

/**
 * Per life domain, in the UI's order: the current assessment, the earlier ones newest first, and
 * the trend — the change of the need level from the previous to the current one (positive: the
 * need grew).
 */
export function assessmentHistory(assessments: readonly Assessment[]): AssessmentHistory {
  return lifeDomains.map((lifeDomain) => {
    const [current, ...earlier] = assessments.filter((a) => a.lifeDomain === lifeDomain).sort(newestFirst);
    const previous = earlier[0];
    return {
      lifeDomain,
      current: current ?? null,
      earlier,
      trend: current && previous ? needIndex(current.needLevel) - needIndex(previous.needLevel) : null,
    };
  });
}
