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
import { useFocusAfterRender } from '../../hooks/useFocusAfterRender';

interface DocumentsPanelProps {
  personId: string;
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  heading?: string;
  /** show and preview only (a closed case) */
  readOnly?: boolean;
  /** inside another card (a consent): a smaller heading, no frame */
  compact?: boolean;
  /** this owner's documents from the person's file (`persons.file`); without them the panel loads them itself */
  documents?: readonly DocumentInfo[];
  /** after a document was attached or removed: the person's file loads afresh (only with `documents`) */
  onChanged?: () => void;
}

/** The files attached to a person, case, consent or contact: list, attach, preview, remove. */
export function DocumentsPanel({ personId, ownerKind, ownerId, heading, readOnly = false, compact = false, documents: given, onChanged }: DocumentsPanelProps) {
  const { t } = useTranslation();
  const own = useKimQuery('documents.list', { personId, ownerKind, ownerId }, given === undefined);
  const reload = given === undefined ? own.reload : (onChanged ?? own.reload);
  const [previewing, setPreviewing] = useState<DocumentInfo | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const focusAfterRender = useFocusAfterRender();
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const title = heading ?? t('care.documents.title');
  const headingId = `documents-${ownerKind}-${ownerId}`;
  const Heading = compact ? 'h4' : 'h2';

  const closePreview = useCallback(() => {
    setPreviewing(null);
    // Back to the button that opened it (the browser may not know it after React re-rendered).
    focusAfterRender(() => opener.current);
  }, []);

  const remove = async (info: DocumentInfo) => {
    setRemoving(true);
    setMessage(null);
    setFailure(null);
    try {
      await call('documents.remove', { id: info.id });
      setMessage(t('care.documents.removed', { name: info.fileName }));
      reload();
      document.getElementById(headingId)?.focus();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setRemoving(false);
    }
  };

  const loaded = given ?? own.data;
  const list = loaded ?? [];
  return (
    <section className={compact ? 'documents documents-compact' : 'documents panel'} aria-labelledby={headingId}>
      <Heading id={headingId} tabIndex={-1} className="documents-title">
        {title}
      </Heading>
      <ActionFeedback message={message} failure={failure} />
      {given === undefined && own.status === 'error' ? <LoadError error={own.error} onRetry={own.reload} /> : null}
      {loaded === undefined && own.status === 'loading' ? <Loading /> : null}
      {loaded && list.length === 0 ? <p className="muted documents-none">{t('care.documents.none')}</p> : null}
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
      {readOnly ? null : <AttachDocument personId={personId} ownerKind={ownerKind} ownerId={ownerId} context={title} onAdded={reload} />}
      {previewing ? <PreviewDialog document={previewing} onClose={closePreview} /> : null}
    </section>
  );
}
