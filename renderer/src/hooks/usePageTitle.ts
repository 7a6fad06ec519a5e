import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The window title names the screen (WCAG 2.4.2), e.g. "Meine Fälle – KIM Fallakte". */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page });
  }, [page, t]);
}
