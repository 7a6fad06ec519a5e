import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { settingsSchema } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { TextField } from '../../components/form/TextField';
import { ActionFeedback } from '../../components/ActionFeedback';
import { errorText } from '../../i18n/error-text';
import { useSession } from '../../state/session-store';

const minutesSchema = settingsSchema.shape.autoLockMinutes;

/** Idle minutes until the profile locks itself (DESIGN: default 10). */
export function AutoLockSettings() {
  const { t } = useTranslation();
  const settings = useSession((state) => state.settings);
  const setSettings = useSession((state) => state.setSettings);
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<{ minutes: string }>({ defaultValues: { minutes: String(settings?.autoLockMinutes ?? 10) } });
  const error = form.formState.errors.minutes;

  const onSubmit = form.handleSubmit(async ({ minutes }) => {
    setFailure(null);
    setMessage(null);
    try {
      const saved = await call('settings.update', { autoLockMinutes: Number(minutes) });
      setSettings(saved);
      setMessage(t('settings.autoLockSaved', { count: saved.autoLockMinutes }));
    } catch (caught) {
      setFailure(errorText(caught));
    }
  });

  return (
    <section aria-labelledby="autolock-title" className="panel">
      <h2 id="autolock-title">{t('settings.autoLockTitle')}</h2>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="inline-form">
        <TextField
          id="settings-autoLockMinutes"
          label={t('settings.autoLock')}
          hint={t('settings.autoLockHint')}
          inputMode="numeric"
          registration={form.register('minutes', {
            validate: (value) => (value.trim() !== '' && minutesSchema.safeParse(Number(value)).success) || t('settings.autoLockError'),
          })}
          error={error?.message}
          width="xs"
        />
        <button type="submit" className="button button-primary">
          {t('settings.save')}
        </button>
      </form>
      <ActionFeedback message={message} failure={failure} />
    </section>
  );
}
