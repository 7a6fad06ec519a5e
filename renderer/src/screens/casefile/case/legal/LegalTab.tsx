import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline, LegalDomainEntry } from '../../../../../../shared/domain/legal';
import { call } from '../../../../api';
import { ActionFeedback } from '../../../../components/ActionFeedback';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { formatIsoDate, todayIsoDate } from '../../../../format/dates';
import { useKimQuery } from '../../../../hooks/useKimQuery';
import { errorText } from '../../../../i18n/error-text';
import type { CaseTabProps } from '../../tab-props';
import { DeadlineForm } from './DeadlineForm';
import { LegalDomainForm } from './LegalDomainForm';

/** Rechtskreise & Fristen: the legal domains involved, their offices, and the deadlines that matter. */
export function LegalTab({ caseId, closed }: CaseTabProps) {
  const { t } = useTranslation();
  const legal = useKimQuery('legal.list', { caseId });
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setMessage(null);
    setFailure(null);
    try {
      await action();
      setMessage(done);
      legal.reload();
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  const saved = (text: string) => {
    setFailure(null);
    setMessage(text);
    legal.reload();
  };

  return (
    <div className="tab-content">
      <h2 className="tab-title">{t('caseFile.tabs.legal')}</h2>
      <ActionFeedback message={message} failure={failure} />
      {legal.status === 'error' ? <LoadError error={legal.error} onRetry={legal.reload} /> : null}
      {legal.status === 'loading' && !legal.data ? <Loading /> : null}
      {legal.data ? (
        <>
          <section aria-labelledby="legal-domains-title" className="subpanel">
            <h3 id="legal-domains-title">
              {t('caseFile.legal.listTitle')} <span className="count-badge">({legal.data.domains.length})</span>
            </h3>
            <DomainList
              domains={legal.data.domains}
              closed={closed}
              onRemove={(domain) => void act(() => call('legal.removeDomain', { id: domain.id }), t('caseFile.legal.removed', { domain: t(`caseFile.legalDomain.${domain.domain}`) }))}
            />
          </section>
          <section aria-labelledby="deadlines-title" className="subpanel">
            <h3 id="deadlines-title">
              {t('caseFile.deadline.listTitle')} <span className="count-badge">({legal.data.deadlines.length})</span>
            </h3>
            <DeadlineTable
              deadlines={legal.data.deadlines}
              domains={legal.data.domains}
              closed={closed}
              onSetDone={(deadline, doneAt) =>
                void act(
                  () => call('deadlines.setDone', { id: deadline.id, doneAt }),
                  doneAt ? t('caseFile.deadline.doneMessage', { kind: t(`caseFile.deadlineKind.${deadline.kind}`) }) : t('caseFile.deadline.reopenedMessage'),
                )
              }
            />
          </section>
          {closed ? null : (
            <div className="form-pair">
              <LegalDomainForm caseId={caseId} onSaved={(label) => saved(t('caseFile.legal.saved', { domain: label }))} />
              <DeadlineForm caseId={caseId} domains={legal.data.domains} onSaved={(label) => saved(t('caseFile.deadline.saved', { kind: label }))} />
            </div>
          )}
        </>
      ) : null}
    </div>
  );
}

function DomainList({ domains, closed, onRemove }: { domains: readonly LegalDomainEntry[]; closed: boolean; onRemove: (domain: LegalDomainEntry) => void }) {
  const { t } = useTranslation();
  if (domains.length === 0) return <p className="muted">{t('caseFile.legal.empty')}</p>;
  return (
    <ul className="record-list">
      {domains.map((domain) => {
        const label = t(`caseFile.legalDomain.${domain.domain}`);
        return (
          <li key={domain.id} className="record">
            <div className="record-head">
              <h4 className="record-title">{label}</h4>
              {closed ? null : (
                <button type="button" className="button button-secondary button-small" onClick={() => onRemove(domain)}>
                  {t('common.remove')}
                  <span className="visually-hidden">: {label}</span>
                </button>
              )}
            </div>
            <dl className="facts facts-compact">
              <Fact label={t('caseFile.legal.office')} value={domain.office} />
              <Fact label={t('caseFile.legal.fileNumber')} value={domain.fileNumber} />
              <Fact label={t('caseFile.legal.contactPerson')} value={domain.contactPerson} />
              <Fact label={t('caseFile.legal.contactDetails')} value={domain.contactDetails} />
              <Fact label={t('caseFile.legal.note')} value={domain.note} />
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function Fact({ label, value }: { label: string; value: string | null }) {
  if (!value) return null;
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className="pre-line">{value}</dd>
    </div>
  );
}

interface DeadlineTableProps {
  deadlines: readonly Deadline[];
  domains: readonly LegalDomainEntry[];
  closed: boolean;
  onSetDone: (deadline: Deadline, doneAt: string | null) => void;
}

function DeadlineTable({ deadlines, domains, closed, onSetDone }: DeadlineTableProps) {
  const { t } = useTranslation();
  if (deadlines.length === 0) return <p className="muted">{t('caseFile.deadline.empty')}</p>;
  const today = todayIsoDate();
  const ordered = [...deadlines].sort((a, b) => Number(a.doneAt !== null) - Number(b.doneAt !== null) || a.dueAt.localeCompare(b.dueAt));
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('caseFile.deadline.kind')}</th>
          <th scope="col">{t('caseFile.deadline.dueAt')}</th>
          <th scope="col">{t('caseFile.deadline.domain')}</th>
          <th scope="col">{t('caseFile.deadline.status')}</th>
          {closed ? null : <th scope="col">{t('caseFile.common.action')}</th>}
        </tr>
      </thead>
      <tbody>
        {ordered.map((deadline) => {
          const kind = t(`caseFile.deadlineKind.${deadline.kind}`);
          const domain = domains.find((entry) => entry.id === deadline.legalDomainId);
          const overdue = deadline.doneAt === null && deadline.dueAt < today;
          return (
            <tr key={deadline.id}>
              <td>
                {kind}
                {deadline.note ? <span className="cell-note pre-line">{deadline.note}</span> : null}
              </td>
              <td className="nowrap">{formatIsoDate(deadline.dueAt)}</td>
              <td>{domain ? t(`caseFile.legalDomain.${domain.domain}`) : <span className="muted">{t('common.none')}</span>}</td>
              <td>
                {deadline.doneAt ? (
                  t('caseFile.deadline.doneAt', { date: formatIsoDate(deadline.doneAt) })
                ) : overdue ? (
                  <span className="tag tag-warning">{t('caseFile.deadline.overdue')}</span>
                ) : (
                  t('caseFile.deadline.open')
                )}
              </td>
              {closed ? null : (
                <td>
                  {deadline.doneAt ? (
                    <button type="button" className="button button-secondary button-small" onClick={() => onSetDone(deadline, null)}>
                      {t('caseFile.deadline.reopen')}
                      <span className="visually-hidden">: {kind}</span>
                    </button>
                  ) : (
                    <button type="button" className="button button-secondary button-small" onClick={() => onSetDone(deadline, todayIsoDate())}>
                      {t('caseFile.deadline.markDone')}
                      <span className="visually-hidden">: {kind}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
