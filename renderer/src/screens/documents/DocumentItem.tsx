import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentInfo } from '../../../../shared/domain/document';
import { formatTimestamp } from '../../format/dates';
import { formatFileSize } from './format-size';

interface DocumentItemProps {
  document: DocumentInfo;
  readOnly: boolean;
  busy: boolean;
  onPreview: (document: DocumentInfo, opener: HTMLButtonElement | null) => void;
  onRemove: (document: DocumentInfo) => void;
}

const typeNames: Record<DocumentInfo['mimeType'], string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

/** One attached file: name, type, size, date, preview and (after a question) removal. */
export function DocumentItem({ document: info, readOnly, busy, onPreview, onRemove }: DocumentItemProps) {
  const { t, i18n } = useTranslation();
  const previewRef = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);

  return (
    <li className="document-item">
      <div className="document-main">
        <span className="document-name break-anywhere">{info.fileName}</span>
        <span className="document-meta">
          {typeNames[info.mimeType]} · {formatFileSize(info.sizeBytes, i18n.language)} · {formatTimestamp(info.addedAt)} · {info.addedBy}
        </span>
        {info.contentAvailable ? null : <span className="care-badge document-pending">{t('care.documents.pending')}</span>}
      </div>
      <div className="document-actions">
        {info.contentAvailable ? (
          <button ref={previewRef} type="button" className="button button-secondary button-small" onClick={() => onPreview(info, previewRef.current)}>
            {t('care.documents.preview')}
            <span className="visually-hidden">: {info.fileName}</span>
          </button>
        ) : null}
        {readOnly ? null : confirming ? (
          <span className="document-confirm" role="group" aria-label={t('care.documents.confirmRemove', { name: info.fileName })}>
            <span aria-hidden="true">{t('care.documents.confirmShort')}</span>
            <button type="button" className="button button-warning button-small" disabled={busy} onClick={() => onRemove(info)} autoFocus>
              {t('care.documents.confirmYes')}
            </button>
            <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
            {t('common.remove')}
            <span className="visually-hidden">: {info.fileName}</span>
          </button>
        )}
      </div>
    </li>
  );
}
