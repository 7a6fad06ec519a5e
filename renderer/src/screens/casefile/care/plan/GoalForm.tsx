import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { lifeDomains, type LifeDomain } from '../../../../../../shared/domain/life-domains';
import { goalInputSchema, goalStatuses, type Goal, type GoalStatus } from '../../../../../../shared/domain/plan';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { SelectField } from '../../../../components/form/SelectField';
import { TextField } from '../../../../components/form/TextField';
import { CareForm } from '../common/CareForm';
import { FormPanel } from '../common/FormPanel';
import { careResolver } from '../common/care-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { optionalText, todayIso } from '../common/today';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';

interface GoalValues {
  lifeDomain: LifeDomain | '';
  description: string;
  agreedAt: string;
  dueAt: string;
  status: GoalStatus;
}
type GoalInput = z.output<typeof goalInputSchema>;
const formId = 'goal-form';
const emptyGoal = (): GoalValues => ({ lifeDomain: '', description: '', agreedAt: todayIso(), dueAt: '', status: 'offen' });

/** A goal agreed with the person (Zielvereinbarung) in one life domain. */
export function GoalForm({ caseId, onSaved, onCancel }: { caseId: string; onSaved: (goal: Goal) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const id = (path: string) => fieldId(formId, path);
  const resolver = useMemo(
    () =>
      careResolver<GoalValues, GoalInput>(goalInputSchema, (values) => ({
        caseId,
        lifeDomain: values.lifeDomain === '' ? undefined : values.lifeDomain,
        description: values.description,
        agreedAt: values.agreedAt,
        dueAt: optionalText(values.dueAt),
        status: values.status,
      })),
    [caseId],
  );
  const { form, formError, attempt, busy, onSubmit } = useCareForm<GoalValues, GoalInput>({
    resolver,
    defaultValues: emptyGoal(),
    fields: ['lifeDomain', 'description', 'agreedAt', 'dueAt', 'status'],
    submit: async (input) => onSaved(await call('goals.create', input)),
  });
  const labels = {
    lifeDomain: t('care.plan.lifeDomain'),
    description: t('care.plan.description'),
    agreedAt: t('care.plan.agreedAt'),
    dueAt: t('care.plan.dueAt'),
    status: t('care.plan.status'),
  };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels, fixed: { lifeDomain: t('care.plan.lifeDomainMissing') } });
  return (
    <FormPanel headingId="goal-form-title" title={t('care.plan.newGoal')} focusOnMount>
      <CareForm id={formId} labelledBy="goal-form-title" items={items} attempt={attempt} busy={busy} submitLabel={t('care.plan.saveGoal')} onSubmit={onSubmit} onCancel={onCancel}>
        <SelectField
          id={id('lifeDomain')}
          label={labels.lifeDomain}
          registration={form.register('lifeDomain')}
          options={lifeDomains.map((domain) => ({ value: domain, label: t(`care.lifeDomain.${domain}`) }))}
          emptyLabel={t('common.choose')}
          error={errorFor('lifeDomain')}
          required
          width="m"
        />
        <TextAreaField id={id('description')} label={labels.description} hint={t('care.plan.descriptionHint')} registration={form.register('description')} error={errorFor('description')} required />
        <div className="field-row">
          <TextField id={id('agreedAt')} label={labels.agreedAt} type="date" registration={form.register('agreedAt')} error={errorFor('agreedAt')} required width="s" />
          <TextField id={id('dueAt')} label={labels.dueAt} type="date" registration={form.register('dueAt')} error={errorFor('dueAt')} width="s" />
          <SelectField
            id={id('status')}
            label={labels.status}
            registration={form.register('status')}
            options={goalStatuses.map((status) => ({ value: status, label: t(`care.plan.statuses.${status}`) }))}
            error={errorFor('status')}
            width="s"
          />
        </div>
      </CareForm>
    </FormPanel>
  );
}
