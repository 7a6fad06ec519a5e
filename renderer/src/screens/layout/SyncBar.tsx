import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { formatTimestamp } from '../../format/dates';
import { relativeTime } from '../../format/relative-time';
import { useNow } from '../../hooks/useNow';
import { useSync } from '../../sync/sync-context';
import { SyncNowButton } from './SyncNowButton';

/**
 * The sync status, on every screen of the open profile (DESIGN.md: "Status, always visible"):
 * last successful sync, changes waiting, conflicts, the last error in plain German, and the
 * button. A status bar at the foot of the window, kept in view while the page scrolls. Changes
 * are announced through one polite live region, only when something really changed.
 */
export function SyncBar() {
  const { t, i18n } = useTranslation();
  const { status, loadError, announcement, actionError } = useSync();
  const now = useNow();

  let content;
  if (!status) {
    content = loadError ? (
      <p className="sync-line sync-line-error">
        <span className="sync-icon" aria-hidden="true">
          ⚠
        </span>
        {t('sync.unavailable')}: {errorText(loadError)}
      </p>
    ) : (
      <p className="sync-line muted">{t('app.loading')}</p>
    );
  } else if (!status.enrolled) {
    content = (
      <p className="sync-line">
        <span className="sync-icon" aria-hidden="true">
          ○
        </span>
        <strong>{t('sync.notEnrolled')}</strong>
        <span className="sync-sep" aria-hidden="true">
          ·
        </span>
        <span className="muted-on-bar">{t('sync.notEnrolledHint')}</span>
        <span className="sync-sep" aria-hidden="true">
          ·
        </span>
        <Link to="/settings/register">{t('sync.registerLink')}</Link>
      </p>
    );
  } else {
    const error = actionError ?? status.lastError?.message ?? null;
    content = (
      <ul className="sync-facts">
        <li className="sync-fact">
          <span className="sync-icon" aria-hidden="true">
            {error ? '⚠' : status.lastSuccessAt ? '✓' : '○'}
          </span>
          {status.lastSuccessAt
            ? t('sync.lastSuccess', {
                relative: relativeTime(status.lastSuccessAt, now, i18n.language, t),
                date: formatTimestamp(status.lastSuccessAt),
              })
            : t('sync.never')}
        </li>
        <li className={status.pendingChanges > 0 ? 'sync-fact sync-fact-strong' : 'sync-fact'}>
          {t('sync.pending', { count: status.pendingChanges })}
        </li>
        <li className="sync-fact">
          {status.conflicts > 0 ? (
            <Link to="/conflicts" className="sync-conflicts-link">
              {t('sync.conflicts', { count: status.conflicts })}
              <span className="visually-hidden"> – {t('sync.conflictsLinkHint')}</span>
            </Link>
          ) : (
            t('sync.conflicts', { count: 0 })
          )}
        </li>
        {status.updateNeeded ? (
          <li className="sync-fact">
            <span className="tag tag-warning" title={t('sync.updateNeededHint')}>
              {t('sync.updateNeeded')}
            </span>
          </li>
        ) : null}
        {error ? (
          <li className="sync-fact sync-error">
            <span className="sync-error-text">{t('sync.lastError', { message: error })}</span>
          </li>
        ) : null}
      </ul>
    );
  }

  return (
    <section className="sync-bar" aria-labelledby="sync-bar-title">
      <h2 id="sync-bar-title" className="visually-hidden">
        {t('sync.regionLabel')}
      </h2>
      <div className="sync-bar-inner">
        <div className="sync-bar-status">{content}</div>
        {status?.enrolled ? <SyncNowButton /> : null}
      </div>
      <div role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </div>
    </section>
  );
}
