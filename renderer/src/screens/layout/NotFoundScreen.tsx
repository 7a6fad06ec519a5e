import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { usePageTitle } from '../../hooks/usePageTitle';

export function NotFoundScreen() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <>
      <PageHeading>{t('common.notFoundTitle')}</PageHeading>
      <p>{t('common.notFoundText')}</p>
      <p>
        <Link to="/persons">{t('common.toStart')}</Link>
      </p>
    </>
  );
}
