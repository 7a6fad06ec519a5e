import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../../shared/domain/document';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useKimQuery } from '../../hooks/useKimQuery';
import { base64ToBytes } from './file-data';
import { ImagePreview } from './ImagePreview';
import { PdfPreview } from './PdfPreview';

interface PreviewDialogProps {
  document: DocumentInfo;
  /** called when the dialog closed (button, Escape); focus goes back to what opened it */
  onClose: () => void;
}

/**
 * The preview in a modal <dialog>: the browser keeps focus inside and closes it on Escape; the
 * heading takes focus on open so the file's name is heard first.
 */
export function PreviewDialog({ document: info, onClose }: PreviewDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const content = useKimQuery('documents.content', { id: info.id });
  const bytes = useMemo(() => (content.data ? base64ToBytes(content.data.dataBase64) : null), [content.data]);

  // The latest onClose, without reopening the dialog when the parent renders a new function.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    headingRef.current?.focus();
    const closed = () => onCloseRef.current();
    dialog.addEventListener('close', closed);
    return () => {
      dialog.removeEventListener('close', closed);
      if (dialog.open) dialog.close();
    };
  }, []);

  const titleId = `preview-title-${info.id}`;
  return (
    <dialog ref={dialogRef} className="preview-dialog" aria-labelledby={titleId}>
      <div className="preview-head">
        <h2 id={titleId} ref={headingRef} tabIndex={-1} className="preview-title">
          <span className="visually-hidden">{t('care.documents.previewOf')} </span>
          {info.fileName}
        </h2>
        <button type="button" className="button button-secondary button-small" onClick={() => dialogRef.current?.close()}>
          {t('care.documents.closePreview')}
        </button>
      </div>
      <div className="preview-body">
        {content.status === 'error' ? <LoadError error={content.error} onRetry={content.reload} /> : null}
        {content.status === 'loading' ? <Loading label={t('care.documents.previewLoading')} /> : null}
        {bytes && content.data ? (
          content.data.mimeType === 'application/pdf' ? (
            <PdfPreview bytes={bytes} fileName={info.fileName} />
          ) : (
            <ImagePreview bytes={bytes} mimeType={content.data.mimeType} fileName={info.fileName} />
          )
        ) : null}
      </div>
      <p className="field-hint preview-foot">{t('care.documents.escapeHint')}</p>
    </dialog>
  );
}
