import '../../../styles/care.css';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/LoadError';
import { Loading } from '../../../components/Loading';
import { StatusMessage } from '../../../components/StatusMessage';
import { useKimQuery } from '../../../hooks/useKimQuery';
import type { CaseTabProps } from '../tab-props';
import { ClosedNote } from './common/ClosedNote';
import { ContactForm } from './contacts/ContactForm';
import { ContactItem } from './contacts/ContactItem';
import { useFocusAfterRender } from '../../../hooks/useFocusAfterRender';

/** Tab "Kontakte": the Beratungskontakte, newest first; notes are corrected, never overwritten. */
export function ContactsTab({ caseId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const contacts = useKimQuery('contacts.list', { caseId });
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();
  const list = [...(contacts.data ?? [])].sort(
    (a, b) => b.contactDate.localeCompare(a.contactDate) || (b.startTime ?? '').localeCompare(a.startTime ?? '') || b.createdAt.localeCompare(a.createdAt),
  );

  const back = () => focusAfterRender(() => addRef.current);
  return (
    <div className="care-view">
      <ClosedNote closed={closed} />
      <div className="care-section-head">
        <h2 id="contacts-title">{t('care.contact.title')}</h2>
        {!closed && !adding ? (
          <button
            ref={addRef}
            type="button"
            className="button button-primary"
            onClick={() => {
              setSaved(false);
              setAdding(true);
            }}
          >
            {t('care.contact.add')}
          </button>
        ) : null}
      </div>
      <StatusMessage message={saved ? t('care.contact.saved') : null} />
      {adding ? (
        <ContactForm
          caseId={caseId}
          onSaved={() => {
            setAdding(false);
            setSaved(true);
            contacts.reload();
            back();
          }}
          onCancel={() => {
            setAdding(false);
            back();
          }}
        />
      ) : null}
      {contacts.status === 'error' ? <LoadError error={contacts.error} onRetry={contacts.reload} /> : null}
      {contacts.status === 'loading' && !contacts.data ? <Loading /> : null}
      {contacts.data && list.length === 0 ? <p className="muted">{t('care.contact.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="care-list">
          {list.map((contact) => (
            <ContactItem key={contact.id} contact={contact} closed={closed} onChanged={contacts.reload} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
