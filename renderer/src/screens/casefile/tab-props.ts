/** What every tab of the case file gets from the case file screen. */
export interface CaseTabProps {
  readonly caseId: string;
  readonly personId: string;
  /** the case is closed: the tab shows its records but offers no changes */
  readonly closed: boolean;
}
