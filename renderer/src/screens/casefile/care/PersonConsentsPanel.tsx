import '../../../styles/care.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../../shared/domain/consent';
import { StatusMessage } from '../../../components/StatusMessage';
import { ConsentForm } from './consents/ConsentForm';
import { ConsentItem } from './consents/ConsentItem';
import { ConsentsView } from './consents/ConsentsView';

interface PersonConsentsPanelProps {
  personId: string;
  /** the consents from the person's file (`persons.file`); without them the panel loads them itself */
  consents?: readonly Consent[];
  /** after a consent was recorded or withdrawn: the person's file loads afresh (only with `consents`) */
  onChanged?: () => void;
}

/** The person's consents on the person's page, outside any case. */
export function PersonConsentsPanel({ personId, consents, onChanged }: PersonConsentsPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="person-consents-title">
      <h2 id="person-consents-title">{t('care.consent.panelTitle')}</h2>
      {consents === undefined ? (
        <ConsentsView personId={personId} closed={false} headingLevel={3} />
      ) : (
        <GivenConsents personId={personId} consents={consents} onChanged={onChanged ?? noop} />
      )}
    </section>
  );
}

const noop = () => undefined;

/**
 * The same list and form as `ConsentsView` (headings one level down), but with the consents the
 * person's file already holds: no query of its own; a change reloads the file.
 */
function GivenConsents({ personId, consents, onChanged }: { personId: string; consents: readonly Consent[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<string | null>(null);
  const list = [...consents].sort((a, b) => b.givenAt.localeCompare(a.givenAt) || b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="care-view">
      <section aria-labelledby="consents-list-title">
        <h3 id="consents-list-title">{t('care.consent.listTitle')}</h3>
        <StatusMessage message={created ? t('care.consent.created') : null} />
        {list.length === 0 ? <p className="muted">{t('care.consent.none')}</p> : null}
        {list.length > 0 ? (
          <ul className="care-list">
            {list.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} closed={false} focusOnMount={consent.id === created} onChanged={onChanged} headingLevel={4} />
            ))}
          </ul>
        ) : null}
      </section>
      <ConsentForm
        personId={personId}
        headingLevel={3}
        onSaved={(consent) => {
          setCreated(consent.id);
          onChanged();
        }}
      />
    </div>
  );
}
