import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { usePageTitle } from '../../hooks/usePageTitle';
import { useSession } from '../../state/session-store';
import { AutoLockSettings } from './AutoLockSettings';
import { LanguageSettings } from './LanguageSettings';
import { PasswordSettings } from './PasswordSettings';
import { SyncSettings } from './SyncSettings';
import { TaskRuleSettings } from './TaskRuleSettings';

export function SettingsScreen() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  const profile = useSession((state) => state.profile);
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      {profile ? (
        <section aria-labelledby="profile-title" className="panel">
          <h2 id="profile-title">{t('settings.profileTitle')}</h2>
          <dl className="facts facts-compact">
            <div className="fact">
              <dt>{t('settings.profileName')}</dt>
              <dd>{profile.name}</dd>
            </div>
            <div className="fact">
              <dt>{t('settings.userName')}</dt>
              <dd>{profile.userName}</dd>
            </div>
          </dl>
        </section>
      ) : null}
      <SyncSettings />
      <div className="settings-grid">
        <LanguageSettings />
        <AutoLockSettings />
      </div>
      <TaskRuleSettings />
      <PasswordSettings />
    </>
  );
}
