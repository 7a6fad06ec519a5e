import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { withdrawConsentInputSchema, type Consent } from '../../../../../../shared/domain/consent';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { TextField } from '../../../../components/form/TextField';
import { CareForm } from '../common/CareForm';
import { careResolver } from '../common/care-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { optionalText, todayIso } from '../common/today';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';

interface WithdrawValues {
  withdrawnAt: string;
  note: string;
}
type WithdrawInput = z.output<typeof withdrawConsentInputSchema>;

/** Records the withdrawal (Widerruf) of a consent: the date it was declared and a note. */
export function WithdrawForm({ consent, onDone, onCancel }: { consent: Consent; onDone: (saved: Consent) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formId = `withdraw${useId().replace(/:/g, '')}`;
  const id = (path: string) => fieldId(formId, path);
  const resolver = useMemo(
    () => careResolver<WithdrawValues, WithdrawInput>(withdrawConsentInputSchema, (values) => ({ id: consent.id, withdrawnAt: values.withdrawnAt, note: optionalText(values.note) })),
    [consent.id],
  );
  const { form, formError, attempt, busy, onSubmit } = useCareForm<WithdrawValues, WithdrawInput>({
    resolver,
    defaultValues: { withdrawnAt: todayIso(), note: '' },
    fields: ['withdrawnAt', 'note'],
    submit: async (input) => onDone(await call('consents.withdraw', input)),
  });
  const labels = { withdrawnAt: t('care.consent.withdrawnAt'), note: t('care.consent.withdrawalNote') };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels });
  return (
    <CareForm id={formId} labelledBy={`${formId}-title`} items={items} attempt={attempt} busy={busy} submitLabel={t('care.consent.withdrawSave')} onSubmit={onSubmit} onCancel={onCancel} className="care-subform">
      <p id={`${formId}-title`} className="care-subform-title">
        {t('care.consent.withdrawTitle')}
      </p>
      <TextField id={id('withdrawnAt')} label={labels.withdrawnAt} type="date" registration={form.register('withdrawnAt')} error={errorFor('withdrawnAt')} required width="s" autoFocus />
      <TextAreaField id={id('note')} label={labels.note} registration={form.register('note')} error={errorFor('note')} rows={2} />
    </CareForm>
  );
}
