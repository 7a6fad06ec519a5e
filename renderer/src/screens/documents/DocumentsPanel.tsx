import '../../styles/care.css';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo, DocumentOwnerKind } from '../../../../shared/domain/document';
import { call } from '../../api';
import { ActionFeedback } from '../../components/ActionFeedback';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useKimQuery } from '../../hooks/useKimQuery';
import { errorText } from '../../i18n/error-text';
import { AttachDocument } from './AttachDocument';
import { DocumentItem } from './DocumentItem';
import { PreviewDialog } from './PreviewDialog';

interface DocumentsPanelProps {
  personId: string;
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  heading?: string;
  /** show and preview only (a closed case) */
  readOnly?: boolean;
  /** inside another card (a consent): a smaller heading, no frame */
  compact?: boolean;
}

/** The files attached to a person, case, consent or contact: list, attach, preview, remove. */
export function DocumentsPanel({ personId, ownerKind, ownerId, heading, readOnly = false, compact = false }: DocumentsPanelProps) {
  const { t } = useTranslation();
  const documents = useKimQuery('documents.list', { personId, ownerKind, ownerId });
  const [previewing, setPreviewing] = useState<DocumentInfo | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const title = heading ?? t('care.documents.title');
  const headingId = `documents-${ownerKind}-${ownerId}`;
  const Heading = compact ? 'h4' : 'h2';

  const closePreview = useCallback(() => {
    setPreviewing(null);
    // Back to the button that opened it (the browser may not know it after React re-rendered).
    requestAnimationFrame(() => opener.current?.focus());
  }, []);

  const remove = async (info: DocumentInfo) => {
    setRemoving(true);
    setMessage(null);
    setFailure(null);
    try {
      await call('documents.remove', { id: info.id });
      setMessage(t('care.documents.removed', { name: info.fileName }));
      documents.reload();
      document.getElementById(headingId)?.focus();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setRemoving(false);
    }
  };

  const list = documents.data ?? [];
  return (
    <section className={compact ? 'documents documents-compact' : 'documents panel'} aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} className="documents-title">
        {title}
      </Heading>
      <ActionFeedback message={message} failure={failure} />
      {documents.status === 'error' ? <LoadError error={documents.error} onRetry={documents.reload} /> : null}
      {documents.status === 'loading' && !documents.data ? <Loading /> : null}
      {documents.data && list.length === 0 ? <p className="muted documents-none">{t('care.documents.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="document-list">
          {list.map((info) => (
            <DocumentItem
              key={info.id}
              document={info}
              readOnly={readOnly}
              busy={removing}
              onPreview={(chosen, button) => {
                opener.current = button;
                setPreviewing(chosen);
              }}
              onRemove={(chosen) => void remove(chosen)}
            />
          ))}
        </ul>
      ) : null}
      {readOnly ? null : <AttachDocument personId={personId} ownerKind={ownerKind} ownerId={ownerId} context={title} onAdded={() => documents.reload()} />}
      {previewing ? <PreviewDialog document={previewing} onClose={closePreview} /> : null}
    </section>
  );
}
