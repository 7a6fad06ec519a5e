import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { syncSettingsSchema, type SyncSettings as Settings } from '../../../../shared/ipc/sync-contract';
import { call } from '../../api';
import { fieldId } from '../../components/form/field-ids';
import { TextField } from '../../components/form/TextField';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { ActionFeedback } from '../../components/ActionFeedback';
import { useKimQuery } from '../../hooks/useKimQuery';
import { errorText } from '../../i18n/error-text';
import { useSync } from '../../sync/sync-context';

const formId = 'sync-settings';
const timeSchema = syncSettingsSchema.shape.reminderTime;

/** The registration at a glance (with the way to "Gerät registrieren"), automatic sync, reminder time. */
export function SyncSettings() {
  const { t } = useTranslation();
  const { status, refresh } = useSync();
  const settings = useKimQuery('sync.settings.get', {});

  return (
    <section aria-labelledby="sync-settings-title" className="panel">
      <h2 id="sync-settings-title">{t('syncSettings.title')}</h2>
      {status?.enrolled ? (
        <p>
          {t('syncSettings.enrolledAt', { server: status.serverUrl ?? '', user: status.userName ?? '' })}{' '}
          <Link to="/settings/register">{t('syncSettings.showRegistration')}</Link>
        </p>
      ) : status ? (
        <>
          <p>{t('syncSettings.notEnrolled')}</p>
          <p>
            <Link to="/settings/register" className="button button-primary">
              {t('syncSettings.register')}
            </Link>
          </p>
        </>
      ) : null}
      {settings.status === 'error' && !settings.data ? <LoadError error={settings.error} onRetry={settings.reload} /> : null}
      {settings.status === 'loading' && !settings.data ? <Loading /> : null}
      {settings.data ? <SyncSettingsForm initial={settings.data} onSaved={() => void refresh()} /> : null}
    </section>
  );
}

function SyncSettingsForm({ initial, onSaved }: { initial: Settings; onSaved: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<Settings>({ defaultValues: initial });
  const error = form.formState.errors.reminderTime;
  useEffect(() => form.reset(initial), [initial, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    setFailure(null);
    try {
      const saved = await call('sync.settings.update', { autoSync: values.autoSync, reminderTime: values.reminderTime.trim() });
      form.reset(saved);
      setMessage(t('syncSettings.saved'));
      onSaved();
    } catch (caught) {
      setFailure(errorText(caught));
    }
  });

  const autoId = fieldId(formId, 'autoSync');
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <div className="field">
        <div className="choice">
          <input id={autoId} type="checkbox" className="choice-input" {...form.register('autoSync')} />
          <label htmlFor={autoId} className="choice-label">
            {t('syncSettings.autoSync')}
          </label>
        </div>
      </div>
      <TextField
        id={fieldId(formId, 'reminderTime')}
        label={t('syncSettings.reminderTime')}
        hint={t('syncSettings.reminderTimeHint')}
        inputMode="numeric"
        registration={form.register('reminderTime', {
          validate: (value) => timeSchema.safeParse(value.trim()).success || t('syncSettings.reminderTimeError'),
        })}
        error={error?.message}
        width="xs"
      />
      <div className="form-actions form-actions-tight">
        <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
          {t('settings.save')}
        </button>
      </div>
      <ActionFeedback message={message} failure={failure} />
    </form>
  );
}
