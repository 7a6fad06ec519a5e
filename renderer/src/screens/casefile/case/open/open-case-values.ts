export interface OpenCaseValues {
  /** field key (see answerField) → answer ('yes' | 'no' | 'unknown' | '') */
  answers: Record<string, string>;
  overrideReason: string;
  /** household member's person id → involved in this case */
  members: Record<string, boolean>;
}

/**
 * Criterion keys come from the county's data and may hold characters that react-hook-form reads
 * as path syntax ("." or "["): as field names they are percent-encoded, dots included.
 */
export function answerField(criterionKey: string): string {
  return encodeURIComponent(criterionKey).replace(/\./g, '%2E');
}

/** The radios' answers as the check wants them: yes/no, or null for "unknown" and unanswered. */
export function answersOf(answers: Record<string, string | undefined>): Record<string, boolean | null> {
  return Object.fromEntries(
    Object.entries(answers).map(([field, value]) => [decodeURIComponent(field), value === 'yes' ? true : value === 'no' ? false : null]),
  );
}
