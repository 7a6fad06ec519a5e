import { useCallback } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/Brand';
import { LockIcon } from '../../components/LockIcon';
import { useFocusOnNavigate } from '../../hooks/useFocusOnNavigate';
import { useIdleLock } from '../../hooks/useIdleLock';
import { lockSession } from '../../state/session-actions';
import { useSession } from '../../state/session-store';
import { SyncProvider } from '../../sync/SyncProvider';
import { SkipLink } from './SkipLink';
import { SyncBar } from './SyncBar';
import { SyncReminder } from './SyncReminder';

const defaultAutoLockMinutes = 10;

/**
 * Header with navigation and the lock button, the main landmark every screen renders into, and
 * the sync status bar at the foot (with the end-of-day reminder above the content).
 */
export function MainLayout() {
  const minutes = useSession((state) => state.settings?.autoLockMinutes ?? defaultAutoLockMinutes);
  useFocusOnNavigate();
  useIdleLock(
    minutes,
    useCallback(() => void lockSession('idle'), []),
  );

  return (
    <SyncProvider>
      <Layout />
    </SyncProvider>
  );
}

function Layout() {
  const { t } = useTranslation();
  const profile = useSession((state) => state.profile);
  const county = useSession((state) => state.catalogs?.countyName);
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="app-header-top">
          <Brand county={county} />
          <div className="session-box">
            {profile ? (
              <span className="session-user">{t('app.signedInAs', { user: profile.userName, profile: profile.name })}</span>
            ) : null}
            <button type="button" className="button button-lock" onClick={() => void lockSession('manual')} title={t('app.lockHint')}>
              <LockIcon />
              {t('app.lock')}
            </button>
          </div>
        </div>
        <nav aria-label={t('app.navLabel')} className="main-nav">
          <ul>
            <li>
              <NavLink to="/today">{t('caseFile.nav.today')}</NavLink>
            </li>
            <li>
              <NavLink to="/persons">{t('nav.persons')}</NavLink>
            </li>
            <li>
              <NavLink to="/cases">{t('nav.cases')}</NavLink>
            </li>
            <li>
              <NavLink to="/partners">{t('caseFile.nav.partners')}</NavLink>
            </li>
            <li>
              <NavLink to="/settings">{t('nav.settings')}</NavLink>
            </li>
          </ul>
        </nav>
      </header>
      <SyncReminder />
      <main id="main-content" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <SyncBar />
    </div>
  );
}
