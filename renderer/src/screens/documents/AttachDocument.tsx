import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DOCUMENT_BYTES, type DocumentInfo, type DocumentOwnerKind } from '../../../../shared/domain/document';
import { call } from '../../api';
import { ActionFeedback } from '../../components/ActionFeedback';
import { errorText } from '../../i18n/error-text';
import { acceptedTypeOf, isTooLarge, readAsBase64 } from './file-data';
import { formatFileSize } from './format-size';

interface AttachDocumentProps {
  personId: string;
  ownerKind: DocumentOwnerKind;
  ownerId: string;
  /** what the button says after "Datei anhängen", for a unique accessible name */
  context: string;
  onAdded: (document: DocumentInfo) => void;
}

/**
 * "Datei anhängen": a real button that opens the browser's file picker (a file input is hard to
 * style and announce well). Size and type are checked here first, with the core's own limit;
 * the core checks again and its TOO_LARGE / UNSUPPORTED_FILE message is shown as it comes.
 */
export function AttachDocument({ personId, ownerKind, ownerId, context, onAdded }: AttachDocumentProps) {
  const { t, i18n } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const attach = async (file: File) => {
    setMessage(null);
    setFailure(null);
    const mimeType = acceptedTypeOf(file);
    if (!mimeType) {
      setFailure(t('care.documents.unsupported', { name: file.name }));
      return;
    }
    if (isTooLarge(file)) {
      setFailure(t('care.documents.tooLarge', { name: file.name, size: formatFileSize(file.size, i18n.language), max: formatFileSize(MAX_DOCUMENT_BYTES, i18n.language) }));
      return;
    }
    setBusy(true);
    try {
      const dataBase64 = await readAsBase64(file);
      const added = await call('documents.add', { personId, ownerKind, ownerId, fileName: file.name, mimeType, dataBase64 });
      setMessage(t('care.documents.added', { name: added.fileName }));
      onAdded(added);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="attach">
      <input
        ref={inputRef}
        type="file"
        // Out of the page entirely: the button below is what keyboard and screen reader reach.
        hidden
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // The same file may be chosen again after a failure: clear the input's memory.
          event.target.value = '';
          if (file) void attach(file);
        }}
      />
      <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => inputRef.current?.click()}>
        {busy ? t('care.documents.attaching') : t('care.documents.attach')}
        <span className="visually-hidden">: {context}</span>
      </button>
      <span className="field-hint attach-hint">{t('care.documents.attachHint', { max: formatFileSize(MAX_DOCUMENT_BYTES, i18n.language) })}</span>
      <ActionFeedback message={message} failure={failure} />
    </div>
  );
}
