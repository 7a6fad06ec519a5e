import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../../shared/ipc/casework-contract';
import { StatusMessage } from '../../../../components/StatusMessage';
import { formatIsoDate } from '../../../../format/dates';
import { CloseDialog } from './CloseDialog';
import { InvolvedSection } from './InvolvedForm';
import { PhaseHistory } from './PhaseHistory';
import { PhaseMoveForm } from './PhaseMoveForm';
import { ReopenForm } from './ReopenForm';
import { TargetGroupSummary } from './TargetGroupSummary';

const titleId = 'overview-title';
const focusTitle = () => requestAnimationFrame(() => document.getElementById(titleId)?.focus());

/** Überblick: phase moves and their history, the intake check, involved members, close and reopen. */
export function OverviewTab({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [closing, setClosing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const item = detail.case;
  const closed = item.closedAt !== null;

  return (
    <div className="tab-content">
      <h2 id={titleId} className="tab-title" tabIndex={-1}>
        {t('caseFile.tabs.overview')}
      </h2>
      <StatusMessage message={message} />
      {closed ? (
        <div className="notice notice-info">
          <p className="notice-title">{t('caseFile.close.closedOn', { date: formatIsoDate(item.closedAt) })}</p>
          {item.closeReason ? <p>{t('caseFile.close.closedReason', { reason: t(`caseFile.closeReason.${item.closeReason}`) })}</p> : null}
          {item.closeNote ? <p className="pre-line">{item.closeNote}</p> : null}
        </div>
      ) : null}
      {closed ? (
        <ReopenForm
          caseId={item.id}
          onReopened={() => {
            setMessage(t('caseFile.reopen.done'));
            onChanged();
            focusTitle();
          }}
        />
      ) : (
        <PhaseMoveForm
          // a new phase means new suggestions: the form starts afresh
          key={item.phase}
          caseId={item.id}
          phase={item.phase}
          onMoved={(to) => {
            setMessage(t('caseFile.move.moved', { phase: t(`phase.${to}`) }));
            onChanged();
          }}
        />
      )}
      <PhaseHistory events={detail.phaseEvents} />
      <TargetGroupSummary result={item.targetGroup} />
      <InvolvedSection detail={detail} onChanged={onChanged} />
      {closed ? null : (
        <section aria-labelledby="close-title" className="subpanel">
          <h3 id="close-title">{t('caseFile.close.sectionTitle')}</h3>
          <p className="muted">{t('caseFile.close.intro')}</p>
          <button type="button" className="button button-warning" onClick={() => setClosing(true)}>
            {t('caseFile.close.open')}
          </button>
        </section>
      )}
      {closing ? (
        <CloseDialog
          caseId={item.id}
          onClose={() => setClosing(false)}
          onClosed={() => {
            setClosing(false);
            setMessage(t('caseFile.close.done'));
            onChanged();
            // the button that opened the dialog is gone with the open case: focus goes to the tab's title
            focusTitle();
          }}
        />
      ) : null}
    </div>
  );
}
