import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text';
import { Notice } from './Notice';

/** A failed load says what failed in plain words and offers to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Notice tone="error" role="alert" title={t('common.loadFailed')}>
      <p>{errorText(error)}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </Notice>
  );
}
