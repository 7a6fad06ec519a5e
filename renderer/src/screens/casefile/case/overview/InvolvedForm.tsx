import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { caseworkChannels, type CaseDetail } from '../../../../../../shared/ipc/casework-contract';
import type { HouseholdMember } from '../../../../../../shared/domain/household';
import { call } from '../../../../api';
import { CheckboxField } from '../../../../components/form/CheckboxField';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { StatusMessage } from '../../../../components/StatusMessage';
import { displayName } from '../../../../format/dates';
import { useKimForm } from '../../../../hooks/useKimForm';
import { useKimQuery } from '../../../../hooks/useKimQuery';

interface InvolvedValues {
  /** person id → involved; ids contain dashes, never dots, so they are safe field names */
  members: Record<string, boolean>;
}

/** Which household members this case also concerns (a case belongs to one person). */
export function InvolvedSection({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const household = useKimQuery('household.list', { personId: detail.case.personId });
  const closed = detail.case.closedAt !== null;
  return (
    <section aria-labelledby="involved-title" className="subpanel">
      <h3 id="involved-title">{t('caseFile.involved.title')}</h3>
      {household.status === 'error' ? <LoadError error={household.error} onRetry={household.reload} /> : null}
      {household.status === 'loading' && !household.data ? <Loading /> : null}
      {household.data && household.data.length === 0 ? (
        <p className="muted">
          {t('caseFile.involved.noHousehold')} <Link to={`/persons/${detail.case.personId}`}>{t('caseFile.involved.toPerson')}</Link>
        </p>
      ) : null}
      {household.data && household.data.length > 0 && closed ? <InvolvedList detail={detail} /> : null}
      {household.data && household.data.length > 0 && !closed ? <InvolvedForm detail={detail} members={household.data} onChanged={onChanged} /> : null}
    </section>
  );
}

function InvolvedList({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  if (detail.involvedPersons.length === 0) return <p className="muted">{t('caseFile.involved.none')}</p>;
  return (
    <ul className="plain-list">
      {detail.involvedPersons.map((person) => (
        <li key={person.id}>
          <Link to={`/persons/${person.id}`}>{displayName(person)}</Link>
        </li>
      ))}
    </ul>
  );
}

const setInvolvedSchema = caseworkChannels['cases.setInvolved'].input;

function InvolvedForm({ detail, members, onChanged }: { detail: CaseDetail; members: readonly HouseholdMember[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const involved = new Set(detail.case.involvedPersonIds);
  const { form, id, summary, onSubmit } = useKimForm({
    formId: 'involved',
    schema: setInvolvedSchema,
    toInput: (values: InvolvedValues) => ({
      caseId: detail.case.id,
      personIds: Object.entries(values.members)
        .filter(([, on]) => on)
        .map(([personId]) => personId),
    }),
    defaultValues: { members: Object.fromEntries(members.map((member) => [member.personId, involved.has(member.personId)])) },
    fields: { personIds: { label: t('caseFile.involved.title') } },
  });

  const submit = onSubmit(async (input) => {
    setMessage(null);
    await call('cases.setInvolved', input);
    setMessage(t('caseFile.involved.saved'));
    onChanged();
  });

  return (
    <>
      <StatusMessage message={message} />
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <fieldset className="field field-group">
          <legend className="field-label">{t('caseFile.involved.legend')}</legend>
          {members.map((member) => (
            <CheckboxField
              key={member.linkId}
              id={id(`members-${member.personId}`)}
              label={`${displayName(member)} (${t(`caseFile.relation.${member.relation}`)})`}
              registration={form.register(`members.${member.personId}`)}
            />
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={form.formState.isSubmitting}>
            {t('caseFile.involved.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
