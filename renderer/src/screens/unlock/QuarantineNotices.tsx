import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../../shared/ipc/contract';
import { Notice } from '../../components/Notice';
import { formatTimestamp } from '../../format/dates';
import { useKimQuery } from '../../hooks/useKimQuery';

/** Files the store moved aside since start (DESIGN.md: never deleted, and the person is told). */
export function QuarantineNotices({ profiles }: { profiles: ProfileSummary[] }) {
  const { t } = useTranslation();
  const notices = useKimQuery('store.notices', {});
  if (!notices.data || notices.data.length === 0) return null;
  return (
    <>
      {notices.data.map((notice) => (
        <Notice key={`${notice.profileId}-${notice.at}`} tone="warning" title={t('unlock.quarantineTitle')}>
          <p>
            {t('unlock.quarantineNotice', {
              profile: profiles.find((profile) => profile.id === notice.profileId)?.name ?? notice.profileId,
              date: formatTimestamp(notice.at),
              path: notice.movedTo,
            })}
          </p>
        </Notice>
      ))}
    </>
  );
}
