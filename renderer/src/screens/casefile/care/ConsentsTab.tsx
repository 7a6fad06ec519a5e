import '../../../styles/care.css';
import type { CaseTabProps } from '../tab-props';
import { ConsentsView } from './consents/ConsentsView';

/** Tab "Einwilligungen" of the case file: the person's consents; new ones note the case. */
export function ConsentsTab({ caseId, personId, closed }: CaseTabProps) {
  return <ConsentsView personId={personId} caseId={caseId} closed={closed} headingLevel={2} />;
}
