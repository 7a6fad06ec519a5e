import type { CaseDetail } from '../../../../shared/ipc/casework-contract';
import { AssessmentTab } from './care/AssessmentTab';
import { ConsentsTab } from './care/ConsentsTab';
import { ContactsTab } from './care/ContactsTab';
import { DocumentsTab } from './care/DocumentsTab';
import { PlanTab } from './care/PlanTab';
import { ReferralsTab } from './care/ReferralsTab';
import type { CaseTabKey } from './case/case-tabs';
import { LegalTab } from './case/legal/LegalTab';
import { OverviewTab } from './case/overview/OverviewTab';
import { TasksTab } from './case/tasks/TasksTab';
import { ThemesTab } from './case/themes/ThemesTab';
import type { CaseTabProps } from './tab-props';

interface CaseTabPanelProps {
  tab: CaseTabKey;
  detail: CaseDetail;
  /** the case itself changed (phase, closing): the header loads afresh */
  onChanged: () => void;
}

/** The content of the chosen tab. Only that one is mounted, so only its data are loaded. */
export function CaseTabPanel({ tab, detail, onChanged }: CaseTabPanelProps) {
  const props: CaseTabProps = { caseId: detail.case.id, personId: detail.case.personId, closed: detail.case.closedAt !== null };
  switch (tab) {
    case 'overview':
      return <OverviewTab detail={detail} onChanged={onChanged} />;
    case 'assessment':
      return <AssessmentTab {...props} />;
    case 'plan':
      return <PlanTab {...props} />;
    case 'contacts':
      return <ContactsTab {...props} />;
    case 'consents':
      return <ConsentsTab {...props} />;
    case 'referrals':
      return <ReferralsTab {...props} />;
    case 'legal':
      return <LegalTab {...props} />;
    case 'tasks':
      return <TasksTab {...props} />;
    case 'themes':
      return <ThemesTab {...props} />;
    case 'documents':
      return <DocumentsTab {...props} />;
  }
}
