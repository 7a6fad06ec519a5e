import type { TFunction } from 'i18next';
import type { LockReason } from '../../state/session-store';

/** Why the profile is locked, in words; null on a plain start. */
export function lockReasonText(reason: LockReason | null, idleMinutes: number | null, t: TFunction): string | null {
  switch (reason) {
    case 'idle':
      return idleMinutes ? t('unlock.lockedIdle', { count: idleMinutes }) : t('unlock.lockedIdleShort');
    case 'manual':
      return t('unlock.lockedManual');
    case 'core':
      return t('unlock.lockedCore');
    default:
      return null;
  }
}
