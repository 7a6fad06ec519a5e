import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice';
import { PageHeading, focusPageHeading } from '../components/PageHeading';
import { boot } from '../state/session-actions';
import { GateLayout } from './GateLayout';

export function StartingScreen() {
  const { t } = useTranslation();
  return (
    <GateLayout>
      <p className="loading" role="status">
        {t('start.starting')}
      </p>
    </GateLayout>
  );
}

/** Opened in a plain browser (or the preload failed): say so, instead of a blank page. */
export function NoBridgeScreen() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('start.noBridgeTitle');
    focusPageHeading();
  }, [t]);
  return (
    <GateLayout>
      <PageHeading>{t('start.noBridgeTitle')}</PageHeading>
      <Notice tone="error">
        <p>{t('start.noBridgeText')}</p>
      </Notice>
    </GateLayout>
  );
}

export function StartFailedScreen({ message }: { message: string }) {
  const { t } = useTranslation();
  useEffect(() => focusPageHeading(), []);
  return (
    <GateLayout>
      <PageHeading>{t('start.failedTitle')}</PageHeading>
      <Notice tone="error" role="alert">
        <p>{message}</p>
      </Notice>
      <button type="button" className="button button-primary" onClick={() => void boot()}>
        {t('start.retry')}
      </button>
    </GateLayout>
  );
}
