import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { syncChannels, type SyncStatus } from '../../../../shared/ipc/sync-contract';
import { call, KimApiError } from '../../api';
import { ErrorSummary, type SummaryItem } from '../../components/form/ErrorSummary';
import { fieldId } from '../../components/form/field-ids';
import { TextField } from '../../components/form/TextField';
import { Notice } from '../../components/Notice';
import { errorText } from '../../i18n/error-text';
import { schemaMessage } from '../../i18n/schema-messages';
import { Fingerprint } from './Fingerprint';

const formId = 'register';
const urlSchema = syncChannels['sync.probeServer'].input;
const codeSchema = z.object({ code: syncChannels['sync.enroll'].input.shape.code });
type UrlValues = z.input<typeof urlSchema>;
type CodeValues = z.input<typeof codeSchema>;

const urlFieldId = fieldId(formId, 'serverUrl');
const codeFieldId = fieldId(formId, 'code');
const fingerprintId = fieldId(formId, 'fingerprint');

interface Probe {
  /** what was typed when the fingerprint was fetched: typing another address invalidates it */
  typed: string;
  serverUrl: string;
  fingerprint: string;
}

type Verdict = 'open' | 'match' | 'differs';

/**
 * Three steps on one page: the address → the server's fingerprint, compared by phone with the
 * county IT → the one-time code. Enrolment sends the fingerprint the person confirmed; the core
 * refuses if the server answers with another key. Every failure the core reports lands next to
 * the field it concerns, and in the summary at the top.
 */
export function RegisterWizard({ initialUrl, onEnrolled }: { initialUrl: string; onEnrolled: (status: SyncStatus, fingerprint: string) => void }) {
  const { t } = useTranslation();
  const urlForm = useForm<UrlValues>({ resolver: zodResolver(urlSchema), defaultValues: { serverUrl: initialUrl }, shouldFocusError: false });
  const codeForm = useForm<CodeValues>({ resolver: zodResolver(codeSchema), defaultValues: { code: '' }, shouldFocusError: false });
  const [probe, setProbe] = useState<Probe | null>(null);
  const [verdict, setVerdict] = useState<Verdict>('open');
  const [fingerprintError, setFingerprintError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);
  const step2Ref = useRef<HTMLHeadingElement>(null);
  const differsRef = useRef<HTMLDivElement>(null);
  const typedUrl = useWatch({ control: urlForm.control, name: 'serverUrl' });

  // Another address means another server: its fingerprint must be fetched and compared anew.
  const stale = probe !== null && typedUrl.trim() !== probe.typed;
  useEffect(() => {
    if (!stale) return;
    setProbe(null);
    setVerdict('open');
    setFingerprintError(null);
  }, [stale]);

  useEffect(() => {
    if (probe && verdict === 'open') step2Ref.current?.focus();
  }, [probe, verdict]);
  useEffect(() => {
    if (verdict === 'match') codeForm.setFocus('code');
    if (verdict === 'differs') differsRef.current?.focus();
  }, [verdict, codeForm]);

  const labels: Record<string, string> = { serverUrl: t('register.serverUrl'), code: t('register.code') };

  /** The core's refusal, next to the field it names (serverUrl, code, expectedFingerprint). */
  const place = (error: unknown) => {
    setFailures((n) => n + 1);
    if (!(error instanceof KimApiError) || Object.keys(error.fieldErrors).length === 0) {
      setFormError(errorText(error));
      return;
    }
    for (const [field, message] of Object.entries(error.fieldErrors)) {
      if (field === 'serverUrl') urlForm.setError('serverUrl', { type: 'server', message });
      else if (field === 'code') codeForm.setError('code', { type: 'server', message });
      else if (field === 'expectedFingerprint') {
        setFingerprintError(message);
        setVerdict('open');
      } else setFormError(message);
    }
  };

  const clearMessages = () => {
    setFormError(null);
    setFingerprintError(null);
  };

  const onProbe = urlForm.handleSubmit(
    async ({ serverUrl }) => {
      clearMessages();
      codeForm.clearErrors();
      try {
        const answer = await call('sync.probeServer', { serverUrl });
        setProbe({ typed: serverUrl.trim(), ...answer });
        setVerdict('open');
      } catch (error) {
        setProbe(null);
        place(error);
      }
    },
    () => setFailures((n) => n + 1),
  );

  const onEnroll = codeForm.handleSubmit(
    async ({ code }) => {
      if (!probe || verdict !== 'match') return;
      clearMessages();
      urlForm.clearErrors();
      try {
        const status = await call('sync.enroll', { serverUrl: probe.serverUrl, code, expectedFingerprint: probe.fingerprint });
        onEnrolled(status, probe.fingerprint);
      } catch (error) {
        place(error);
      }
    },
    () => setFailures((n) => n + 1),
  );

  const urlError = urlForm.formState.errors.serverUrl?.message;
  const codeError = codeForm.formState.errors.code?.message;
  const items: SummaryItem[] = [];
  if (urlError) items.push({ fieldId: urlFieldId, message: `${labels.serverUrl}: ${schemaMessage(urlError)}` });
  if (fingerprintError) items.push({ fieldId: fingerprintId, message: fingerprintError });
  if (codeError) items.push({ fieldId: codeFieldId, message: `${labels.code}: ${schemaMessage(codeError)}` });
  if (formError) items.push({ fieldId: null, message: formError });
  const busy = urlForm.formState.isSubmitting || codeForm.formState.isSubmitting;

  return (
    <>
      <ErrorSummary items={items} attempt={`${urlForm.formState.submitCount}-${codeForm.formState.submitCount}-${failures}`} />

      <section aria-labelledby="register-step1" className="panel step">
        <h2 id="register-step1">{t('register.step1')}</h2>
        <form onSubmit={(event) => void onProbe(event)} noValidate className="inline-form">
          <TextField
            id={urlFieldId}
            label={labels.serverUrl}
            hint={t('register.serverUrlHint')}
            type="url"
            inputMode="text"
            autoComplete="url"
            required
            registration={urlForm.register('serverUrl')}
            error={urlError ? schemaMessage(urlError) : undefined}
            width="l"
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {urlForm.formState.isSubmitting ? t('register.probing') : t('register.probe')}
          </button>
        </form>
      </section>

      {probe ? (
        <section aria-labelledby="register-step2" className="panel step">
          <h2 id="register-step2" ref={step2Ref} tabIndex={-1}>
            {t('register.step2')}
          </h2>
          <p>{t('register.fingerprintHelp')}</p>
          <p className="muted break-anywhere">
            {t('register.server')}: {probe.serverUrl}
          </p>
          <Fingerprint value={probe.fingerprint} id={fingerprintId} />
          {fingerprintError ? (
            <Notice tone="error">
              <p>{fingerprintError}</p>
            </Notice>
          ) : null}
          {verdict === 'match' ? (
            <p className="confirmed">
              <span aria-hidden="true">✓ </span>
              {t('register.confirmed')}
            </p>
          ) : (
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={() => setVerdict('match')}>
                {t('register.matches')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setVerdict('differs')}>
                {t('register.differs')}
              </button>
            </div>
          )}
          {verdict === 'differs' ? (
            <div ref={differsRef} tabIndex={-1} className="notice notice-warning" role="alert">
              <p className="notice-title">{t('register.differs')}</p>
              <p>{t('register.differsNotice')}</p>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setProbe(null);
                  setVerdict('open');
                  urlForm.setFocus('serverUrl');
                }}
              >
                {t('register.changeUrl')}
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {probe && verdict === 'match' ? (
        <section aria-labelledby="register-step3" className="panel step">
          <h2 id="register-step3">{t('register.step3')}</h2>
          <form onSubmit={(event) => void onEnroll(event)} noValidate>
            <TextField
              id={codeFieldId}
              label={labels.code}
              hint={t('register.codeHint')}
              required
              registration={codeForm.register('code')}
              error={codeError ? schemaMessage(codeError) : undefined}
              width="m"
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={busy}>
                {codeForm.formState.isSubmitting ? t('register.submitting') : t('register.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
