import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/ipc/sync-contract';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { errorText } from '../../i18n/error-text';
import { useSync } from '../../sync/sync-context';
import { EnrollmentFacts } from './EnrollmentFacts';
import { RegisterWizard } from './RegisterWizard';

/**
 * Settings → "Gerät registrieren". A registered device shows its registration (and may
 * register again, e.g. after the county changed servers); otherwise the three steps.
 */
export function RegisterDeviceScreen() {
  const { t } = useTranslation();
  const { status, loadError, setStatus } = useSync();
  const [again, setAgain] = useState(false);
  const [done, setDone] = useState<{ fingerprint: string } | null>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const enrolled = Boolean(status?.enrolled) && !again;
  usePageTitle(enrolled ? t('register.titleEnrolled') : t('register.title'));

  useEffect(() => {
    if (done) successRef.current?.focus();
  }, [done]);
  // "Erneut registrieren" replaces the button pressed: focus goes on to the address field.
  useEffect(() => {
    if (again) document.getElementById('register-serverUrl')?.focus();
  }, [again]);

  const onEnrolled = (next: SyncStatus, fingerprint: string) => {
    setStatus(next);
    setAgain(false);
    setDone({ fingerprint });
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/settings">{t('register.toSettings')}</Link>
      </p>
      <PageHeading>{enrolled ? t('register.titleEnrolled') : t('register.title')}</PageHeading>
      {!status && loadError ? (
        <Notice tone="error" role="alert">
          <p>{errorText(loadError)}</p>
        </Notice>
      ) : null}
      {!status && !loadError ? <Loading /> : null}
      {status && enrolled ? (
        <>
          {done ? (
            <div ref={successRef} tabIndex={-1} className="status-message" role="status">
              {t('register.success')}
            </div>
          ) : null}
          <section aria-labelledby="enrolled-title" className="panel">
            <h2 id="enrolled-title">{t('register.enrolledTitle')}</h2>
            <EnrollmentFacts status={status} fingerprint={done?.fingerprint ?? null} />
          </section>
          <section aria-labelledby="again-title" className="panel">
            <h2 id="again-title">{t('register.reRegister')}</h2>
            <p className="muted">{t('register.reRegisterHint')}</p>
            <button type="button" className="button button-secondary" onClick={() => setAgain(true)}>
              {t('register.reRegister')}
            </button>
          </section>
        </>
      ) : null}
      {status && !enrolled ? (
        <>
          <p className="lead">{t('register.intro')}</p>
          <RegisterWizard initialUrl={status.serverUrl ?? ''} onEnrolled={onEnrolled} />
        </>
      ) : null}
    </>
  );
}
