import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncConflict } from '../../../../shared/ipc/sync-contract';
import { call, KimApiError } from '../../api';
import { FieldFrame } from '../../components/form/FieldFrame';
import { Notice } from '../../components/Notice';
import { formatTimestamp } from '../../format/dates';
import { errorText } from '../../i18n/error-text';
import { useSession } from '../../state/session-store';
import { canMergeByHand, entityLabel, fieldLabel, showValue } from './conflict-values';

export type Choice = 'local' | 'remote' | 'manual';

interface ConflictItemProps {
  conflict: SyncConflict;
  onResolved: (choice: Choice) => void;
}

/** One conflict: both values side by side, who and when, and the three ways to decide. */
export function ConflictItem({ conflict, onResolved }: ConflictItemProps) {
  const { t } = useTranslation();
  const catalogs = useSession((state) => state.catalogs);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const mergeRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const mergeButtonRef = useRef<HTMLButtonElement>(null);
  const field = fieldLabel(conflict.entity, conflict.field, t);
  const titleId = `conflict-${conflict.id}-title`;
  const mergeId = `conflict-${conflict.id}-merge`;
  const mergeable = canMergeByHand(conflict.field, conflict.localValue, conflict.remoteValue);
  const initialMerge = typeof conflict.localValue === 'string' ? conflict.localValue : typeof conflict.remoteValue === 'string' ? conflict.remoteValue : '';
  const [mergeValue, setMergeValue] = useState(initialMerge);
  // A phone number wants one line (Enter saves); a note-like text gets a text area.
  const multiline = [conflict.localValue, conflict.remoteValue].some((value) => typeof value === 'string' && (value.includes('\n') || value.length > 80));

  const resolve = async (choice: Choice) => {
    setBusy(true);
    setFailure(null);
    setMergeError(null);
    try {
      if (choice === 'manual') await call('sync.resolveConflict', { id: conflict.id, choice, value: mergeValue.trim() === '' ? null : mergeValue.trim() });
      else await call('sync.resolveConflict', { id: conflict.id, choice });
      onResolved(choice);
    } catch (error) {
      const message = errorText(error);
      if (choice === 'manual' && error instanceof KimApiError && error.fieldErrors.value) {
        setMergeError(error.fieldErrors.value);
        mergeRef.current?.focus();
      } else setFailure(message);
      setBusy(false);
    }
  };

  const side = (which: 'local' | 'remote') => {
    const value = which === 'local' ? conflict.localValue : conflict.remoteValue;
    const who = which === 'local' ? conflict.localBy : conflict.remoteBy;
    const at = which === 'local' ? conflict.localAt : conflict.remoteAt;
    const shown = showValue(conflict.entity, conflict.field, value, catalogs, t);
    return (
      <div className={`conflict-side conflict-${which}`}>
        <h3 className="conflict-side-title">{which === 'local' ? t('conflicts.local') : t('conflicts.remote')}</h3>
        {shown.structured ? (
          <pre className="conflict-value conflict-value-structured">{shown.text}</pre>
        ) : (
          <p className={shown.empty ? 'conflict-value conflict-value-empty' : 'conflict-value'}>{shown.text}</p>
        )}
        <p className="conflict-meta">
          {t('conflicts.changedBy', { who: who ?? t('conflicts.unknownWho') })}
          {at ? ` ${t('conflicts.changedAt', { date: formatTimestamp(at) })}` : ''}
        </p>
      </div>
    );
  };

  return (
    <li className="conflict panel">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="conflict-title" tabIndex={-1}>
          {t('conflicts.itemTitle', { record: conflict.recordLabel, field })}
        </h2>
        <p className="conflict-meta">
          {entityLabel(conflict.entity, t)} · {t('conflicts.detectedAt', { date: formatTimestamp(conflict.detectedAt) })}
        </p>
        <div className="conflict-sides">
          {side('local')}
          {side('remote')}
        </div>
        {failure ? (
          <Notice tone="error" role="alert">
            <p>{failure}</p>
          </Notice>
        ) : null}
        <div className="conflict-actions">
          <button type="button" className="button button-secondary" disabled={busy} aria-describedby={titleId} onClick={() => void resolve('local')}>
            {t('conflicts.keepLocal')}
          </button>
          <button type="button" className="button button-secondary" disabled={busy} aria-describedby={titleId} onClick={() => void resolve('remote')}>
            {t('conflicts.takeRemote')}
          </button>
          {mergeable ? (
            <button
              ref={mergeButtonRef}
              type="button"
              className="button button-secondary"
              disabled={busy || merging}
              aria-describedby={titleId}
              aria-expanded={merging}
              aria-controls={merging ? `${mergeId}-form` : undefined}
              onClick={() => {
                setMerging(true);
                window.setTimeout(() => mergeRef.current?.focus(), 0);
              }}
            >
              {t('conflicts.merge')}
            </button>
          ) : null}
        </div>
        {!mergeable ? <p className="conflict-meta">{t('conflicts.mergeOnlyText')}</p> : null}
        {merging ? (
          <form
            id={`${mergeId}-form`}
            className="conflict-merge"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void resolve('manual');
            }}
          >
            <FieldFrame id={mergeId} label={t('conflicts.mergeLabel', { field })} hint={t('conflicts.mergeHint')} error={mergeError ?? undefined}>
              {(aria) =>
                multiline ? (
                  <textarea
                    {...aria}
                    ref={mergeRef}
                    className="input input-l textarea"
                    rows={3}
                    value={mergeValue}
                    onChange={(event) => setMergeValue(event.target.value)}
                    spellCheck={false}
                  />
                ) : (
                  <input
                    {...aria}
                    ref={mergeRef}
                    type="text"
                    className="input input-l"
                    value={mergeValue}
                    onChange={(event) => setMergeValue(event.target.value)}
                    autoComplete="off"
                    spellCheck={false}
                  />
                )
              }
            </FieldFrame>
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {busy ? t('conflicts.resolving') : t('conflicts.mergeSave')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => {
                  setMerging(false);
                  setMergeValue(initialMerge);
                  setMergeError(null);
                  // the form goes away: focus returns to the button that opened it
                  window.setTimeout(() => mergeButtonRef.current?.focus(), 0);
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </article>
    </li>
  );
}
