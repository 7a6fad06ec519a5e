/**
 * How a benchmark prints a figure: the value, its unit, the budget it is held to (if any) and
 * whether it is within it. Figures are measured, never asserted in tests (README, How we work).
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** a budget the value must stay under (or over, with `budgetKind: 'min'`) */
  budget?: number;
  budgetKind?: 'max' | 'min';
  note?: string;
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const index = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAscending.length) - 1));
  return sortedAscending[index]!;
}

export function summarise(samplesMs: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(sorted.length, 1);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

const format = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(2) : value.toFixed(3);

export function withinBudget(figure: Figure): boolean | undefined {
  if (figure.budget === undefined) return undefined;
  return figure.budgetKind === 'min' ? figure.value >= figure.budget : figure.value <= figure.budget;
}

export function printFigure(figure: Figure): void {
  const verdict = withinBudget(figure);
  const budget =
    figure.budget === undefined
      ? ''
      : `  budget ${figure.budgetKind === 'min' ? '≥' : '≤'} ${format(figure.budget)} ${figure.unit}  ${verdict ? 'OK' : 'OVER BUDGET'}`;
  const note = figure.note ? `  (${figure.note})` : '';
  console.log(`  ${figure.name.padEnd(58)} ${format(figure.value).padStart(10)} ${figure.unit}${budget}${note}`);
}
