import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/ipc/contract';
import type { z } from 'zod';
import { call, KimApiError } from '../../api';
import { ErrorSummary } from '../../components/form/ErrorSummary';
import { fieldId } from '../../components/form/field-ids';
import { SelectField } from '../../components/form/SelectField';
import { TextField } from '../../components/form/TextField';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { summaryItems } from '../../forms/summary-items';
import { useCountdown } from '../../hooks/useCountdown';
import { usePageTitle } from '../../hooks/usePageTitle';
import { errorText } from '../../i18n/error-text';
import { schemaMessage } from '../../i18n/schema-messages';
import { enterSession } from '../../state/session-actions';
import { useSession, type LockReason } from '../../state/session-store';
import { GateLayout } from '../GateLayout';
import { lockReasonText } from './lock-reason';
import { QuarantineNotices } from './QuarantineNotices';

const formId = 'unlock';
const unlockSchema = contract['session.unlock'].input;
type UnlockValues = z.input<typeof unlockSchema>;

interface Failure {
  code: KimApiError['code'] | 'INTERNAL';
  message: string;
}

export function UnlockScreen({ reason, idleMinutes }: { reason: LockReason | null; idleMinutes: number | null }) {
  const { t } = useTranslation();
  usePageTitle(t('unlock.title'));
  const profiles = useSession((state) => state.profiles);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const waitSeconds = useCountdown(retryAt);
  const passwordRef = useRef<HTMLInputElement | null>(null);
  const continueRef = useRef<HTMLButtonElement>(null);

  const form = useForm<UnlockValues>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { profileId: profiles[0]?.id ?? '', password: '' },
    shouldFocusError: false,
  });
  const { register, handleSubmit, formState, getValues, setValue } = form;
  const passwordRegistration = register('password');

  // The task here is almost always "type the password": start there.
  useEffect(() => passwordRef.current?.focus(), []);

  // The profile list may arrive after the screen (it is re-read on lock): pick a real one.
  useEffect(() => {
    const chosen = getValues('profileId');
    const first = profiles[0];
    if (first && !profiles.some((profile) => profile.id === chosen)) setValue('profileId', first.id);
  }, [profiles, getValues, setValue]);

  const unlock = async (values: UnlockValues) => {
    setBusy(true);
    setFailure(null);
    try {
      const status = await call('session.unlock', values);
      if (status.state === 'unlocked') await enterSession(status);
    } catch (error) {
      const code = error instanceof KimApiError ? error.code : 'INTERNAL';
      setFailure({ code, message: errorText(error) });
      if (error instanceof KimApiError && error.retryAfterMs) setRetryAt(Date.now() + error.retryAfterMs);
      if (code === 'WRONG_PASSWORD' || code === 'TOO_MANY_ATTEMPTS') {
        setValue('password', '');
        passwordRef.current?.focus();
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = handleSubmit(unlock);
  const items = summaryItems(formId, formState.errors, (_path, message) => schemaMessage(message), null);
  const reasonText = lockReasonText(reason, idleMinutes, t);
  const quarantined = failure?.code === 'DATABASE_QUARANTINED';

  // The way on is the button in the notice, above the form: take the person there.
  useEffect(() => {
    if (quarantined) continueRef.current?.focus();
  }, [quarantined]);

  return (
    <GateLayout>
      <PageHeading>{t('unlock.title')}</PageHeading>
      {reasonText ? (
        <Notice tone="info">
          <p>{reasonText}</p>
        </Notice>
      ) : null}
      <QuarantineNotices profiles={profiles} />
      <ErrorSummary items={items} attempt={formState.submitCount} />
      {failure && !quarantined ? (
        <Notice tone="error" role="alert" id="unlock-failure">
          <p>{failure.message}</p>
        </Notice>
      ) : null}
      {waitSeconds > 0 ? (
        <p className="countdown" id="unlock-countdown">
          {t('unlock.wait', { count: waitSeconds })}
        </p>
      ) : null}
      {quarantined ? (
        <Notice tone="warning" role="alert" title={t('unlock.quarantineTitle')}>
          <p>{failure.message}</p>
          <p>{t('unlock.quarantineHelp')}</p>
          <button ref={continueRef} type="button" className="button button-primary" disabled={busy} onClick={() => void unlock(getValues())}>
            {t('unlock.continueEmpty')}
          </button>
        </Notice>
      ) : null}
      <p>{t('unlock.intro')}</p>
      <form onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={busy}>
        <SelectField
          id={fieldId(formId, 'profileId')}
          label={t('unlock.profile')}
          registration={register('profileId')}
          options={profiles.map((profile) => ({ value: profile.id, label: `${profile.name} (${profile.userName})` }))}
          error={formState.errors.profileId?.message}
          width="m"
        />
        <TextField
          id={fieldId(formId, 'password')}
          label={t('unlock.password')}
          type="password"
          autoComplete="current-password"
          registration={{
            ...passwordRegistration,
            ref: (element: HTMLInputElement | null) => {
              passwordRegistration.ref(element);
              passwordRef.current = element;
            },
          }}
          error={formState.errors.password ? schemaMessage(formState.errors.password.message ?? '') : undefined}
          width="m"
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || waitSeconds > 0}>
            {busy ? t('unlock.unlocking') : t('unlock.submit')}
          </button>
        </div>
      </form>
    </GateLayout>
  );
}
