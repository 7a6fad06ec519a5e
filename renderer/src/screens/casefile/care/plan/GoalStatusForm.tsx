import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { goalStatuses, type Goal, type GoalStatus } from '../../../../../../shared/domain/plan';
import { contract } from '../../../../../../shared/ipc/contract';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { SelectField } from '../../../../components/form/SelectField';
import { careResolver } from '../common/care-resolver';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';

const updateSchema = contract['goals.update'].input;
type GoalUpdate = z.output<typeof updateSchema>;

/** The goal's status, changed in place by a small form of its own. */
export function GoalStatusForm({ goal, onSaved }: { goal: Goal; onSaved: (goal: Goal) => void }) {
  const { t } = useTranslation();
  const formId = `goal-status-${goal.id}`;
  const resolver = useMemo(() => careResolver<{ status: GoalStatus }, GoalUpdate>(updateSchema, (values) => ({ id: goal.id, status: values.status })), [goal.id]);
  const { form, formError, attempt, busy, onSubmit } = useCareForm<{ status: GoalStatus }, GoalUpdate>({
    resolver,
    defaultValues: { status: goal.status },
    fields: ['status'],
    submit: async (input) => onSaved(await call('goals.update', input)),
  });
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels: { status: t('care.plan.status') } });
  return (
    <>
      <ErrorSummary items={items} attempt={attempt} />
      <form id={formId} className="inline-form goal-status-form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <SelectField
          id={fieldId(formId, 'status')}
          label={
            <>
              {t('care.plan.status')}
              <span className="visually-hidden">: {goal.description}</span>
            </>
          }
          registration={form.register('status')}
          options={goalStatuses.map((status) => ({ value: status, label: t(`care.plan.statuses.${status}`) }))}
          error={errorFor('status')}
          width="s"
        />
        <button type="submit" className="button button-secondary button-small" disabled={busy}>
          {t('care.plan.saveStatus')}
        </button>
      </form>
    </>
  );
}
