import { useTranslation } from 'react-i18next';

/**
 * "Zum Inhalt springen", first in the tab order. The hash router owns the URL fragment, so the
 * jump is done by focusing the main landmark instead of following href="#main-content".
 */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main-content"
      onClick={(event) => {
        event.preventDefault();
        const heading = document.getElementById('page-heading');
        (heading ?? document.getElementById('main-content'))?.focus();
      }}
    >
      {t('app.skipLink')}
    </a>
  );
}
