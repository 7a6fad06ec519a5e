import '../../../styles/care.css';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../../shared/domain/consent';
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
  const given = consents === undefined ? undefined : { consents, onChanged: onChanged ?? noop };
  return (
    <section className="panel" aria-labelledby="person-consents-title">
      <h2 id="person-consents-title">{t('care.consent.panelTitle')}</h2>
      <ConsentsView personId={personId} closed={false} headingLevel={3} given={given} />
    </section>
  );
}

const noop = () => undefined;
