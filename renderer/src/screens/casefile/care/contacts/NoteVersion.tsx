import { useTranslation } from 'react-i18next';
import type { NoteVersion as Version } from '../../../../../../shared/domain/contact';
import { formatTimestamp } from '../../../../format/dates';

/** One version of a note: its number, who wrote it when, why it was corrected, the text. */
export function NoteVersion({ version }: { version: Version }) {
  const { t } = useTranslation();
  return (
    <div className="note-version">
      <p className="care-meta">
        {t('care.contact.versionMeta', { version: version.version, by: version.writtenBy, at: formatTimestamp(version.writtenAt) })}
        {version.reason ? ` · ${t('care.contact.reasonShown', { reason: version.reason })}` : ''}
      </p>
      <p className="note-text">{version.text}</p>
    </div>
  );
}
