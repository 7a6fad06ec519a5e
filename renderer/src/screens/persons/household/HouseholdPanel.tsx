import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HouseholdMember } from '../../../../../shared/domain/household';
import { call } from '../../../api';
import { ActionFeedback } from '../../../components/ActionFeedback';
import { LoadError } from '../../../components/LoadError';
import { Loading } from '../../../components/Loading';
import { displayName } from '../../../format/dates';
import { useKimQuery } from '../../../hooks/useKimQuery';
import { errorText } from '../../../i18n/error-text';
import { AddHouseholdLinkForm } from './AddHouseholdLinkForm';

interface HouseholdPanelProps {
  personId: string;
  personName: string;
  /** the members from the person's file (`persons.file`); without them the panel loads them itself */
  members?: readonly HouseholdMember[];
  /** after a link was added or removed: the person's file loads afresh (only with `members`) */
  onChanged?: () => void;
}

/** Haushalt / Familie: who belongs to the person, how, and whether they live together. */
export function HouseholdPanel({ personId, personName, members, onChanged }: HouseholdPanelProps) {
  const { t } = useTranslation();
  const own = useKimQuery('household.list', { personId }, members === undefined);
  const list = members ?? own.data;
  const reload = members === undefined ? own.reload : (onChanged ?? own.reload);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async (member: HouseholdMember) => {
    setMessage(null);
    setFailure(null);
    try {
      await call('household.remove', { id: member.linkId });
      setMessage(t('caseFile.household.removed', { name: displayName(member) }));
      reload();
    } catch (error) {
      setFailure(errorText(error));
    }
  };

  return (
    <section aria-labelledby="household-title" className="panel">
      <div className="panel-head">
        <h2 id="household-title">{t('caseFile.household.title')}</h2>
        <button type="button" className="button button-secondary" aria-expanded={adding} aria-controls="household-add" onClick={() => setAdding((open) => !open)}>
          {t('caseFile.household.add')}
        </button>
      </div>
      <ActionFeedback message={message} failure={failure} />
      {members === undefined && own.status === 'error' ? <LoadError error={own.error} onRetry={own.reload} /> : null}
      {list === undefined && own.status === 'loading' ? <Loading /> : null}
      {list && list.length === 0 ? <p className="muted">{t('caseFile.household.empty')}</p> : null}
      {list && list.length > 0 ? (
        <ul className="member-list">
          {list.map((member) => (
            <li key={member.linkId} className="member">
              <span className="member-main">
                <Link to={`/persons/${member.personId}`}>{displayName(member)}</Link>
                <span className="member-meta">
                  {t(`caseFile.relation.${member.relation}`)}
                  {member.sameHousehold ? ` · ${t('caseFile.household.sameHousehold')}` : ''}
                </span>
                {member.note ? <span className="member-meta pre-line">{member.note}</span> : null}
              </span>
              <button type="button" className="button button-secondary button-small" onClick={() => void remove(member)}>
                {t('common.remove')}
                <span className="visually-hidden">: {displayName(member)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div id="household-add" hidden={!adding}>
        {adding && list ? (
          <AddHouseholdLinkForm
            personId={personId}
            personName={personName}
            existing={list.map((member) => member.personId)}
            onAdded={(name) => {
              setFailure(null);
              setMessage(t('caseFile.household.added', { name }));
              setAdding(false);
              reload();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
