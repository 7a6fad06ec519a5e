import { useTranslation } from 'react-i18next';
import type { PhaseEvent } from '../../../../../../shared/domain/case';
import { formatIsoDate } from '../../../../format/dates';

/** Every move of the case, newest first: when, what, by whom, and why. */
export function PhaseHistory({ events }: { events: readonly PhaseEvent[] }) {
  const { t } = useTranslation();
  const ordered = [...events].sort((a, b) => (b.movedAt + b.createdAt).localeCompare(a.movedAt + a.createdAt));
  return (
    <section aria-labelledby="phase-history-title" className="subpanel">
      <h3 id="phase-history-title">{t('caseFile.history.title')}</h3>
      {ordered.length === 0 ? (
        <p className="muted">{t('caseFile.history.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('caseFile.history.date')}</th>
              <th scope="col">{t('caseFile.history.event')}</th>
              <th scope="col">{t('caseFile.history.note')}</th>
              <th scope="col">{t('caseFile.history.by')}</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{formatIsoDate(event.movedAt)}</td>
                <td>
                  {t(`caseFile.history.kind.${event.kind}`, {
                    from: event.fromPhase ? t(`phase.${event.fromPhase}`) : '',
                    to: t(`phase.${event.toPhase}`),
                  })}
                  {event.closeReason ? <span className="cell-note">{t(`caseFile.closeReason.${event.closeReason}`)}</span> : null}
                </td>
                <td className="pre-line">{event.note ?? <span className="muted">{t('common.none')}</span>}</td>
                <td className="nowrap">{event.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
