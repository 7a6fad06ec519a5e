import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { stepInputSchema, stepResponsibleSchema, type Goal } from '../../../../../../shared/domain/plan';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { FieldsetFrame } from '../../../../components/form/FieldsetFrame';
import { Radio } from '../../../../components/form/Radio';
import { SelectField } from '../../../../components/form/SelectField';
import { TextField } from '../../../../components/form/TextField';
import { CareForm } from '../common/CareForm';
import { careResolver } from '../common/care-resolver';
import { optionalText } from '../common/today';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';
import { useReference } from '../common/useReference';

interface StepValues {
  description: string;
  responsible: z.infer<typeof stepResponsibleSchema>;
  partnerId: string;
  dueAt: string;
}
type StepInput = z.output<typeof stepInputSchema>;

/** A step under a goal: what, who does it (the person, case management, a partner), by when. */
export function StepForm({ goal, onSaved, onCancel }: { goal: Goal; onSaved: (goal: Goal) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formId = `step-form-${goal.id}`;
  const id = (path: string) => fieldId(formId, path);
  const { partnerOptions } = useReference();
  const resolver = useMemo(
    () =>
      careResolver<StepValues, StepInput>(stepInputSchema, (values) => ({
        goalId: goal.id,
        description: values.description,
        responsible: values.responsible,
        partnerId: values.responsible === 'partner' ? optionalText(values.partnerId) : undefined,
        dueAt: optionalText(values.dueAt),
      })),
    [goal.id],
  );
  const { form, formError, attempt, busy, onSubmit } = useCareForm<StepValues, StepInput>({
    resolver,
    defaultValues: { description: '', responsible: 'klient', partnerId: '', dueAt: '' },
    fields: ['description', 'responsible', 'partnerId', 'dueAt'],
    submit: async (input) => onSaved(await call('steps.create', input)),
  });
  const responsible = useWatch({ control: form.control, name: 'responsible' });
  const labels = { description: t('care.plan.stepDescription'), responsible: t('care.plan.responsible'), partnerId: t('care.plan.partner'), dueAt: t('care.plan.stepDue') };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels, target: (path) => (path === 'responsible' ? 'responsible.klient' : path) });
  const registration = form.register('responsible');
  return (
    <CareForm id={formId} labelledBy={`${formId}-title`} items={items} attempt={attempt} busy={busy} submitLabel={t('care.plan.saveStep')} onSubmit={onSubmit} onCancel={onCancel} className="care-subform">
      <p id={`${formId}-title`} className="care-subform-title">
        {t('care.plan.newStepFor', { goal: goal.description })}
      </p>
      <TextField id={id('description')} label={labels.description} registration={form.register('description')} error={errorFor('description')} required autoFocus />
      <FieldsetFrame id={id('responsible')} legend={labels.responsible} error={errorFor('responsible')} required>
        <div className="choice-row">
          {stepResponsibleSchema.options.map((option) => (
            <Radio key={option} id={id(`responsible.${option}`)} value={option} label={t(`care.plan.who.${option}`)} registration={registration} />
          ))}
        </div>
      </FieldsetFrame>
      <div className="field-row">
        {responsible === 'partner' ? (
          <SelectField id={id('partnerId')} label={labels.partnerId} registration={form.register('partnerId')} options={partnerOptions} emptyLabel={t('common.choose')} error={errorFor('partnerId')} required width="m" />
        ) : null}
        <TextField id={id('dueAt')} label={labels.dueAt} type="date" registration={form.register('dueAt')} error={errorFor('dueAt')} width="s" />
      </div>
    </CareForm>
  );
}
