import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/ipc/sync-contract';

/** Server, user, teams and device id of this device's registration. */
export function EnrollmentFacts({ status, fingerprint }: { status: SyncStatus; fingerprint?: string | null }) {
  const { t } = useTranslation();
  const teams = status.teams.map((team) => team.name).join(', ');
  return (
    <dl className="facts facts-compact">
      <div className="fact">
        <dt>{t('register.server')}</dt>
        <dd className="break-anywhere">{status.serverUrl ?? t('common.none')}</dd>
      </div>
      <div className="fact">
        <dt>{t('register.user')}</dt>
        <dd>{status.userName ?? t('common.none')}</dd>
      </div>
      <div className="fact">
        <dt>{t('register.teams')}</dt>
        <dd>{teams || t('register.noTeams')}</dd>
      </div>
      <div className="fact">
        <dt>{t('register.deviceId')}</dt>
        <dd className="mono break-anywhere">{status.deviceId ?? t('common.none')}</dd>
      </div>
      {fingerprint ? (
        <div className="fact">
          <dt>{t('register.fingerprint')}</dt>
          <dd className="mono">{fingerprint}</dd>
        </div>
      ) : null}
    </dl>
  );
}
