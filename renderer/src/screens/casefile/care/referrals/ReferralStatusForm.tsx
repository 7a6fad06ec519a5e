import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { referralUpdateInputSchema, type Referral } from '../../../../../../shared/domain/referral';
import { call } from '../../../../api';
import { fieldId } from '../../../../components/form/field-ids';
import { SelectField } from '../../../../components/form/SelectField';
import { CareForm } from '../common/CareForm';
import { careResolver } from '../common/care-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { optionalText } from '../common/today';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';

type Status = Referral['status'];
type UpdateInput = z.output<typeof referralUpdateInputSchema>;
interface StatusValues {
  status: Status | '';
  outcome: string;
}

/** Where a referral can go from here: angefragt → angenommen / abgelehnt; angenommen → abgeschlossen. */
export const nextStatuses: Readonly<Record<Status, readonly Status[]>> = {
  angefragt: ['angenommen', 'abgelehnt'],
  angenommen: ['abgeschlossen'],
  abgelehnt: [],
  abgeschlossen: [],
};

/** The referral's next status and its outcome. */
export function ReferralStatusForm({ referral, onSaved, onCancel }: { referral: Referral; onSaved: (referral: Referral) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const formId = `referral-status-${referral.id}`;
  const id = (path: string) => fieldId(formId, path);
  const options = nextStatuses[referral.status];
  const resolver = useMemo(
    () =>
      careResolver<StatusValues, UpdateInput>(referralUpdateInputSchema, (values) => ({
        id: referral.id,
        status: values.status === '' ? undefined : values.status,
        outcome: optionalText(values.outcome),
      })),
    [referral.id],
  );
  const { form, formError, attempt, busy, onSubmit } = useCareForm<StatusValues, UpdateInput>({
    resolver,
    defaultValues: { status: options[0] ?? '', outcome: referral.outcome ?? '' },
    fields: ['status', 'outcome'],
    submit: async (input) => onSaved(await call('referrals.update', input)),
  });
  const labels = { status: t('care.referral.newStatus'), outcome: t('care.referral.outcome') };
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels, fixed: { status: t('care.referral.statusMissing') } });
  return (
    <CareForm id={formId} labelledBy={`${formId}-title`} items={items} attempt={attempt} busy={busy} submitLabel={t('care.referral.saveStatus')} onSubmit={onSubmit} onCancel={onCancel} className="care-subform">
      <p id={`${formId}-title`} className="care-subform-title">
        {t('care.referral.statusTitle')}
      </p>
      <SelectField
        id={id('status')}
        label={labels.status}
        registration={form.register('status')}
        options={options.map((status) => ({ value: status, label: t(`care.referral.statuses.${status}`) }))}
        error={errorFor('status')}
        required
        width="s"
      />
      <TextAreaField id={id('outcome')} label={labels.outcome} hint={t('care.referral.outcomeHint')} registration={form.register('outcome')} error={errorFor('outcome')} />
    </CareForm>
  );
}
