import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { call } from '../api';
import { ErrorSummary } from '../components/form/ErrorSummary';
import { fieldId } from '../components/form/field-ids';
import { PasswordRules } from '../components/form/PasswordRules';
import { TextField } from '../components/form/TextField';
import { PageHeading, focusPageHeading } from '../components/PageHeading';
import { createProfileSchema, type CreateProfileValues } from '../forms/password-schemas';
import { applyServerError } from '../forms/server-errors';
import { summaryItems } from '../forms/summary-items';
import { usePageTitle } from '../hooks/usePageTitle';
import { schemaMessage } from '../i18n/schema-messages';
import { enterSession } from '../state/session-actions';
import { GateLayout } from './GateLayout';

const formId = 'first-run';
const fields = ['name', 'userName', 'password', 'passwordRepeat'] as const;

/** First start: no profile exists yet. Creating one also creates its encrypted store and opens it. */
export function FirstRunScreen() {
  const { t } = useTranslation();
  usePageTitle(t('firstRun.title'));
  const [formError, setFormError] = useState<string | null>(null);
  const [serverFailures, setServerFailures] = useState(0);
  const form = useForm<CreateProfileValues>({
    resolver: zodResolver(createProfileSchema),
    defaultValues: { name: '', userName: '', password: '', passwordRepeat: '' },
    shouldFocusError: false,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, handleSubmit, formState, setError, control } = form;
  const password = useWatch({ control, name: 'password' });
  const repeat = useWatch({ control, name: 'passwordRepeat' });

  useEffect(() => focusPageHeading(), []);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const status = await call('profiles.create', values);
      if (status.state === 'unlocked') await enterSession(status);
    } catch (error) {
      setFormError(applyServerError(error, setError, fields));
      setServerFailures((n) => n + 1);
    }
  });

  const errorOf = (name: (typeof fields)[number]) => {
    const message = formState.errors[name]?.message;
    return message ? schemaMessage(message) : undefined;
  };
  const labels: Record<string, string> = {
    name: t('firstRun.profileName'),
    userName: t('firstRun.userName'),
    password: t('firstRun.password'),
    passwordRepeat: t('firstRun.passwordRepeat'),
  };
  const items = summaryItems(formId, formState.errors, (path, message) => `${labels[path] ?? path}: ${schemaMessage(message)}`, formError);

  return (
    <GateLayout wide>
      <PageHeading>{t('firstRun.title')}</PageHeading>
      <p className="lead">{t('firstRun.intro')}</p>
      <ErrorSummary items={items} attempt={`${formState.submitCount}-${serverFailures}`} />
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={formState.isSubmitting}>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('firstRun.legend')}</legend>
          <TextField
            id={fieldId(formId, 'name')}
            label={t('firstRun.profileName')}
            hint={t('firstRun.profileNameHint')}
            registration={register('name')}
            error={errorOf('name')}
            required
            width="m"
          />
          <TextField
            id={fieldId(formId, 'userName')}
            label={t('firstRun.userName')}
            hint={t('firstRun.userNameHint')}
            registration={register('userName')}
            error={errorOf('userName')}
            autoComplete="name"
            required
            width="m"
          />
        </fieldset>
        <fieldset className="form-section">
          <legend className="form-section-title">{t('firstRun.passwordLegend')}</legend>
          <p className="field-hint">{t('password.forgottenHint')}</p>
          <PasswordRules id={`${formId}-rules`} password={password} repeat={repeat} />
          <TextField
            id={fieldId(formId, 'password')}
            label={t('firstRun.password')}
            type="password"
            registration={register('password')}
            error={errorOf('password')}
            autoComplete="new-password"
            required
            width="m"
          />
          <TextField
            id={fieldId(formId, 'passwordRepeat')}
            label={t('firstRun.passwordRepeat')}
            type="password"
            registration={register('passwordRepeat')}
            error={errorOf('passwordRepeat')}
            autoComplete="new-password"
            required
            width="m"
          />
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('firstRun.creating') : t('firstRun.submit')}
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
