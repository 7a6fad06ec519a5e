import '../../../styles/care.css';
import { useTranslation } from 'react-i18next';
import { ConsentsView } from './consents/ConsentsView';

/** The person's consents on the person's page, outside any case. */
export function PersonConsentsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="person-consents-title">
      <h2 id="person-consents-title">{t('care.consent.panelTitle')}</h2>
      <ConsentsView personId={personId} closed={false} headingLevel={3} />
    </section>
  );
}
