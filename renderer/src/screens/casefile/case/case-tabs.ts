/** The tabs of the case file, in their order; each has its own path: /cases/:id/:tab. */
export const caseTabKeys = ['overview', 'assessment', 'plan', 'contacts', 'consents', 'referrals', 'legal', 'tasks', 'themes', 'documents'] as const;
export type CaseTabKey = (typeof caseTabKeys)[number];

export function isCaseTabKey(value: string | undefined): value is CaseTabKey {
  return (caseTabKeys as readonly string[]).includes(value ?? '');
}
