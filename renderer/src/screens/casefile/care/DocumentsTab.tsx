import '../../../styles/care.css';
import { useTranslation } from 'react-i18next';
import { DocumentsPanel } from '../../documents/DocumentsPanel';
import type { CaseTabProps } from '../tab-props';

/** Tab "Dokumente": the files attached to the case itself. */
export function DocumentsTab({ caseId, personId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  return <DocumentsPanel personId={personId} ownerKind="case" ownerId={caseId} heading={t('care.documents.caseTitle')} readOnly={closed} />;
}
