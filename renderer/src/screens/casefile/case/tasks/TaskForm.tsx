import { useTranslation } from 'react-i18next';
import { taskInputSchema } from '../../../../../../shared/domain/task';
import { call } from '../../../../api';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { TextField } from '../../../../components/form/TextField';
import { useKimForm } from '../../../../hooks/useKimForm';

interface TaskValues {
  title: string;
  dueAt: string;
  note: string;
}

const empty: TaskValues = { title: '', dueAt: '', note: '' };

/** A manual Wiedervorlage for this case: what, by when, and a note. */
export function TaskForm({ caseId, personId, onSaved }: { caseId: string; personId: string; onSaved: (title: string) => void }) {
  const { t } = useTranslation();
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'task',
    schema: taskInputSchema,
    toInput: (values: TaskValues) => ({ personId, caseId, title: values.title, dueAt: values.dueAt, note: orUndefined(values.note) }),
    defaultValues: empty,
    fields: {
      title: { label: t('caseFile.tasks.title') },
      dueAt: { label: t('caseFile.tasks.due'), message: t('caseFile.common.dateError') },
      note: { label: t('caseFile.tasks.note') },
    },
  });

  const submit = onSubmit(async (input) => {
    await call('tasks.create', input);
    form.reset(empty);
    onSaved(input.title);
  });

  return (
    <section aria-labelledby="task-form-title" className="subpanel">
      <h3 id="task-form-title">{t('caseFile.tasks.addTitle')}</h3>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <div className="field-row">
          <TextField id={id('title')} label={t('caseFile.tasks.title')} hint={t('caseFile.tasks.titleHint')} registration={form.register('title')} error={errorFor('title')} required width="l" />
          <TextField id={id('dueAt')} label={t('caseFile.tasks.due')} type="date" registration={form.register('dueAt')} error={errorFor('dueAt')} required width="s" />
        </div>
        <TextAreaField id={id('note')} label={t('caseFile.tasks.note')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.tasks.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
