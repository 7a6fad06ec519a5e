import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskRuleSettingsSchema, type TaskRuleSettings as RuleSettings } from '../../../../shared/domain/task';
import { call } from '../../api';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { toWholeNumber } from '../../components/form/schema-resolver';
import { TextField } from '../../components/form/TextField';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { StatusMessage } from '../../components/StatusMessage';
import { useKimForm } from '../../hooks/useKimForm';
import { useKimQuery } from '../../hooks/useKimQuery';

type Key = keyof RuleSettings;
type RuleValues = Record<Key, string>;

/** The rules in the order the form shows them, with each one's allowed range (from the schema). */
const rules: readonly { key: Key; min: number; max: number }[] = [
  { key: 'permitExpiryLeadDays', min: 1, max: 365 },
  { key: 'consentExpiryLeadDays', min: 1, max: 365 },
  { key: 'goalDueLeadDays', min: 0, max: 365 },
  { key: 'deadlineLeadDays', min: 0, max: 365 },
  { key: 'noContactWeeks', min: 1, max: 52 },
];

/** Wiedervorlagen: how early each rule creates its task (lead times), saved with the profile. */
export function TaskRuleSettings() {
  const { t } = useTranslation();
  const settings = useKimQuery('tasks.ruleSettings.get', {});
  return (
    <section aria-labelledby="task-rules-title" className="panel">
      <h2 id="task-rules-title">{t('caseFile.ruleSettings.title')}</h2>
      <p className="muted">{t('caseFile.ruleSettings.intro')}</p>
      {settings.status === 'error' ? <LoadError error={settings.error} onRetry={settings.reload} /> : null}
      {settings.status === 'loading' && !settings.data ? <Loading /> : null}
      {settings.data ? <RuleForm initial={settings.data} /> : null}
    </section>
  );
}

function RuleForm({ initial }: { initial: RuleSettings }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'task-rules',
    schema: taskRuleSettingsSchema,
    toInput: (values: RuleValues) => Object.fromEntries(rules.map(({ key }) => [key, toWholeNumber(values[key])])),
    defaultValues: Object.fromEntries(rules.map(({ key }) => [key, String(initial[key])])) as RuleValues,
    fields: Object.fromEntries(
      rules.map(({ key, min, max }) => [key, { label: t(`caseFile.ruleSettings.${key}`), message: t('caseFile.ruleSettings.rangeError', { min, max }) }]),
    ),
  });

  const submit = onSubmit(async (input) => {
    setMessage(null);
    const saved = await call('tasks.ruleSettings.update', input);
    form.reset(Object.fromEntries(rules.map(({ key }) => [key, String(saved[key])])) as RuleValues);
    setMessage(t('caseFile.ruleSettings.saved'));
  });

  return (
    <>
      <StatusMessage message={message} />
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <div className="rule-grid">
          {rules.map(({ key, min, max }) => (
            <TextField
              key={key}
              id={id(key)}
              label={t(`caseFile.ruleSettings.${key}`)}
              hint={t('caseFile.ruleSettings.rangeHint', { min, max })}
              inputMode="numeric"
              registration={form.register(key)}
              error={errorFor(key)}
              required
              width="xs"
            />
          ))}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('settings.save')}
          </button>
        </div>
      </form>
    </>
  );
}
