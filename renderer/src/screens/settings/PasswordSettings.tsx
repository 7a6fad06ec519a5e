import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldId } from '../../components/form/field-ids';
import { PasswordRules } from '../../components/form/PasswordRules';
import { TextField } from '../../components/form/TextField';
import { StatusMessage } from '../../components/StatusMessage';
import { changePasswordSchema, type ChangePasswordValues } from '../../forms/password-schemas';
import { applyServerError } from '../../forms/server-errors';
import { summaryItems } from '../../forms/summary-items';
import { schemaMessage } from '../../i18n/schema-messages';

const formId = 'password';
const fields = ['oldPassword', 'newPassword', 'newPasswordRepeat'] as const;
const empty: ChangePasswordValues = { oldPassword: '', newPassword: '', newPasswordRepeat: '' };

/** Change password: the core re-wraps the database key; no data are rewritten. */
export function PasswordSettings() {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const form = useForm<ChangePasswordValues>({ resolver: zodResolver(changePasswordSchema), defaultValues: empty, shouldFocusError: false });
  const { register, formState } = form;
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const repeat = useWatch({ control: form.control, name: 'newPasswordRepeat' });
  const labels: Record<string, string> = {
    oldPassword: t('settings.oldPassword'),
    newPassword: t('settings.newPassword'),
    newPasswordRepeat: t('settings.newPasswordRepeat'),
  };

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setFormError(null);
    try {
      await call('session.changePassword', values);
      form.reset(empty);
      setMessage(t('settings.passwordChanged'));
    } catch (error) {
      setFormError(applyServerError(error, form.setError, fields));
      setFailures((n) => n + 1);
    }
  });

  const errorOf = (name: (typeof fields)[number]) => {
    const text = formState.errors[name]?.message;
    return text ? schemaMessage(text) : undefined;
  };

  return (
    <section aria-labelledby="password-title" className="panel">
      <h2 id="password-title">{t('settings.passwordTitle')}</h2>
      <ErrorSummary
        items={summaryItems(formId, formState.errors, (path, text) => `${labels[path] ?? path}: ${schemaMessage(text)}`, formError)}
        attempt={`${formState.submitCount}-${failures}`}
      />
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField id={fieldId(formId, 'oldPassword')} label={labels.oldPassword} type="password" autoComplete="current-password" registration={register('oldPassword')} error={errorOf('oldPassword')} width="m" />
        <PasswordRules id="password-rules" password={newPassword} repeat={repeat} />
        <TextField id={fieldId(formId, 'newPassword')} label={labels.newPassword} type="password" autoComplete="new-password" registration={register('newPassword')} error={errorOf('newPassword')} width="m" />
        <TextField id={fieldId(formId, 'newPasswordRepeat')} label={labels.newPasswordRepeat} type="password" autoComplete="new-password" registration={register('newPasswordRepeat')} error={errorOf('newPasswordRepeat')} width="m" />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {t('settings.changePassword')}
          </button>
        </div>
      </form>
      <StatusMessage message={message} />
    </section>
  );
}
