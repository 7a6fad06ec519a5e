import type { TargetGroupCriterion, TargetGroupResult } from '../../../../shared/domain/target-group';

/** What the automatic criteria read from the person's record. */
export interface TargetGroupFacts {
  /** `YYYY-MM-DD`, or null when the arrival in the county is not recorded */
  readonly arrivalDate: string | null;
  /** key of the residence-status catalog, or null when not recorded */
  readonly residenceStatus: string | null;
}

export type TargetGroupAnswers = Readonly<Record<string, boolean | null>>;

type CriterionOutcome = TargetGroupResult['criteria'][number];

/**
 * The intake check against the county's target-group criteria (pure: no database, no clock).
 * A criterion that cannot be told (no arrival date, no residence status, question not
 * answered) holds `null`, never `false`: the case manager sees what is missing, not a "no".
 * `met` only when every criterion holds; an empty list of criteria is met.
 */
export function evaluateTargetGroup(
  criteria: readonly TargetGroupCriterion[],
  facts: TargetGroupFacts,
  answers: TargetGroupAnswers,
  today: string,
): TargetGroupResult {
  const outcomes = criteria.map((criterion) => evaluateCriterion(criterion, facts, answers, today));
  return {
    checkedAt: today,
    criteria: outcomes,
    met: outcomes.every((outcome) => outcome.held === true),
    overrideReason: null,
  };
}

function evaluateCriterion(
  criterion: TargetGroupCriterion,
  facts: TargetGroupFacts,
  answers: TargetGroupAnswers,
  today: string,
): CriterionOutcome {
  const base = { key: criterion.key, label: criterion.label };
  switch (criterion.kind) {
    case 'arrival_within_years':
      return {
        ...base,
        source: 'person',
        held: facts.arrivalDate === null ? null : facts.arrivalDate >= yearsBefore(today, criterion.years),
      };
    case 'residence_status_in':
      return {
        ...base,
        source: 'person',
        held: facts.residenceStatus === null ? null : criterion.statuses.includes(facts.residenceStatus),
      };
    case 'question':
      return { ...base, source: 'answer', held: answers[criterion.key] ?? null };
  }
}

/**
 * The same calendar day `years` years before `today`, as comparable `YYYY-MM-DD` text. Only the
 * year digits change, so 29 February becomes a "29 February" that a common year lacks; as text
 * it sorts between 28 February and 1 March, which is exactly the cut-off wanted.
 */
function yearsBefore(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years;
  return `${String(year).padStart(4, '0')}${today.slice(4)}`;
}

/** The criteria that did not hold, for a message: not held (false) or not known (null). */
export function criteriaNotHeld(result: TargetGroupResult): CriterionOutcome[] {
  return result.criteria.filter((outcome) => outcome.held !== true);
}
