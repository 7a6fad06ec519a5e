import { useTranslation } from 'react-i18next';

/** App name and purpose; the mark is decoration, the name is the text. */
export function Brand({ county }: { county?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-mark" aria-hidden="true">
        K
      </span>
      <span className="brand-text">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{county ? `${t('app.tagline')} · ${county}` : t('app.tagline')}</span>
      </span>
    </div>
  );
}
