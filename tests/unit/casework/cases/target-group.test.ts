import { describe, expect, it } from 'vitest';
import { criteriaNotHeld, evaluateTargetGroup, type TargetGroupFacts } from '../../../../electron/core/casework/cases/target-group';
import type { TargetGroupCriterion } from '../../../../shared/domain/target-group';

const arrival: TargetGroupCriterion = { kind: 'arrival_within_years', key: 'arrival', label: 'Zuzug vor höchstens 5 Jahren', years: 5 };
const status: TargetGroupCriterion = { kind: 'residence_status_in', key: 'status', label: 'Status der Zielgruppe', statuses: ['gestattung', 'duldung'] };
const question: TargetGroupCriterion = { kind: 'question', key: 'no_other_cm', label: 'Keine andere Fallbegleitung' };

const today = '2025-03-14';
const facts = (overrides: Partial<TargetGroupFacts> = {}): TargetGroupFacts => ({ arrivalDate: '2023-11-02', residenceStatus: 'gestattung', ...overrides });
const heldOf = (criterion: TargetGroupCriterion, f: TargetGroupFacts, answers: Record<string, boolean | null> = {}, on = today) =>
  evaluateTargetGroup([criterion], f, answers, on).criteria[0]?.held;

describe('target-group check (pure)', () => {
  it('arrival within years: the same calendar day N years ago still holds, the day before does not; unknown without a date', () => {
    expect(heldOf(arrival, facts({ arrivalDate: '2020-03-14' }))).toBe(true);
    expect(heldOf(arrival, facts({ arrivalDate: '2020-03-13' }))).toBe(false);
    expect(heldOf(arrival, facts({ arrivalDate: '2025-03-14' }))).toBe(true);
    expect(heldOf(arrival, facts({ arrivalDate: '2001-01-01' }))).toBe(false);
    expect(heldOf(arrival, facts({ arrivalDate: null }))).toBeNull();
  });

  it('arrival within years from 29 February: cut-off between 28 February and 1 March of the common year', () => {
    const oneYear: TargetGroupCriterion = { ...arrival, years: 1 };
    expect(heldOf(oneYear, facts({ arrivalDate: '2023-02-28' }), {}, '2024-02-29')).toBe(false);
    expect(heldOf(oneYear, facts({ arrivalDate: '2023-03-01' }), {}, '2024-02-29')).toBe(true);
  });

  it('residence status: in the list holds, another status does not, none recorded is unknown', () => {
    expect(heldOf(status, facts({ residenceStatus: 'duldung' }))).toBe(true);
    expect(heldOf(status, facts({ residenceStatus: 'niederlassung' }))).toBe(false);
    expect(heldOf(status, facts({ residenceStatus: null }))).toBeNull();
  });

  it('question: the answer, or unknown when not answered', () => {
    expect(heldOf(question, facts(), { no_other_cm: true })).toBe(true);
    expect(heldOf(question, facts(), { no_other_cm: false })).toBe(false);
    expect(heldOf(question, facts(), { no_other_cm: null })).toBeNull();
    expect(heldOf(question, facts(), {})).toBeNull();
    expect(heldOf(question, facts(), { something_else: true })).toBeNull();
  });

  it('the result: every outcome with its source, dated today; met only when every criterion holds', () => {
    const result = evaluateTargetGroup([arrival, status, question], facts(), { no_other_cm: true }, today);
    expect(result).toEqual({
      checkedAt: today,
      met: true,
      overrideReason: null,
      criteria: [
        { key: 'arrival', label: arrival.label, held: true, source: 'person' },
        { key: 'status', label: status.label, held: true, source: 'person' },
        { key: 'no_other_cm', label: question.label, held: true, source: 'answer' },
      ],
    });
    const unknown = evaluateTargetGroup([arrival, status, question], facts(), {}, today);
    expect(unknown.met).toBe(false);
    expect(criteriaNotHeld(unknown).map((c) => c.key)).toEqual(['no_other_cm']);
    const failed = evaluateTargetGroup([arrival, status, question], facts({ residenceStatus: 'eu' }), { no_other_cm: true }, today);
    expect(failed.met).toBe(false);
    expect(criteriaNotHeld(failed)).toEqual([{ key: 'status', label: status.label, held: false, source: 'person' }]);
  });

  it('a county without criteria: met', () => {
    expect(evaluateTargetGroup([], facts({ arrivalDate: null, residenceStatus: null }), {}, today)).toEqual({
      checkedAt: today,
      criteria: [],
      met: true,
      overrideReason: null,
    });
  });
});
