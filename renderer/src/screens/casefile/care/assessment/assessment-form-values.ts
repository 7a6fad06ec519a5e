import { lifeDomains, type LifeDomain, type NeedLevel } from '../../../../../../shared/domain/life-domains';
import { optionalText, todayIso } from '../common/today';

export interface DomainEntryValues {
  /** '' = not assessed this time */
  needLevel: NeedLevel | '';
  situation: string;
  resources: string;
}

export interface AssessmentFormValues {
  assessedAt: string;
  entries: Record<LifeDomain, DomainEntryValues>;
}

export function emptyAssessmentForm(): AssessmentFormValues {
  const entries = Object.fromEntries(lifeDomains.map((domain) => [domain, { needLevel: '', situation: '', resources: '' }])) as Record<LifeDomain, DomainEntryValues>;
  return { assessedAt: todayIso(), entries };
}

/** The domains given a level this time, in the catalog's order. */
export function chosenDomains(values: AssessmentFormValues): LifeDomain[] {
  return lifeDomains.filter((domain) => values.entries[domain].needLevel !== '');
}

/** As recordAssessmentInputSchema's input: only the domains assessed this time. */
export function assessmentFormToInput(values: AssessmentFormValues, caseId: string): unknown {
  return {
    caseId,
    assessedAt: values.assessedAt,
    entries: chosenDomains(values).map((domain) => {
      const entry = values.entries[domain];
      return { lifeDomain: domain, needLevel: entry.needLevel, situation: optionalText(entry.situation), resources: optionalText(entry.resources) };
    }),
  };
}

/** "entries" (none chosen) → the group of all domains; "entries.2.situation" → that domain's field. */
export function assessmentFormPath(path: string, values: AssessmentFormValues): string {
  if (path === 'entries') return 'domains';
  const match = /^entries\.(\d+)\.(\w+)$/.exec(path);
  const domain = match ? chosenDomains(values)[Number(match[1])] : undefined;
  return match && domain ? `entries.${domain}.${match[2]}` : path;
}
