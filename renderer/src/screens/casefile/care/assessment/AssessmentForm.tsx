import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { recordAssessmentInputSchema, type AssessmentHistory } from '../../../../../../shared/domain/assessment';
import { lifeDomains, needLevels } from '../../../../../../shared/domain/life-domains';
import type { z } from 'zod';
import { call } from '../../../../api';
import { FieldErrorText } from '../../../../components/form/FieldFrame';
import { fieldId } from '../../../../components/form/field-ids';
import { Radio } from '../../../../components/form/Radio';
import { TextField } from '../../../../components/form/TextField';
import { formatIsoDate } from '../../../../format/dates';
import { CareForm } from '../common/CareForm';
import { FormPanel } from '../common/FormPanel';
import { careResolver } from '../common/care-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { useCareErrors } from '../common/useCareErrors';
import { useCareForm } from '../common/useCareForm';
import { assessmentFormPath, assessmentFormToInput, emptyAssessmentForm, type AssessmentFormValues } from './assessment-form-values';

type AssessmentInput = z.output<typeof recordAssessmentInputSchema>;
const formId = 'assessment-form';

interface AssessmentFormProps {
  caseId: string;
  history: AssessmentHistory;
  onSaved: (history: AssessmentHistory) => void;
  onCancel: () => void;
}

/** "Neue Einschätzung": every life domain may get a need level; at least one must. */
export function AssessmentForm({ caseId, history, onSaved, onCancel }: AssessmentFormProps) {
  const { t } = useTranslation();
  const id = (path: string) => fieldId(formId, path);
  const resolver = useMemo(
    () => careResolver<AssessmentFormValues, AssessmentInput>(recordAssessmentInputSchema, (values) => assessmentFormToInput(values, caseId), assessmentFormPath),
    [caseId],
  );
  const { form, formError, attempt, busy, onSubmit } = useCareForm<AssessmentFormValues, AssessmentInput>({
    resolver,
    defaultValues: emptyAssessmentForm(),
    fields: ['assessedAt'],
    submit: async (input) => onSaved(await call('assessments.record', input)),
  });
  const entries = useWatch({ control: form.control, name: 'entries' });
  const labels: Record<string, string> = { assessedAt: t('care.assessment.assessedAt'), domains: t('care.assessment.domains') };
  for (const domain of lifeDomains) labels[`entries.${domain}`] = t(`care.lifeDomain.${domain}`);
  const { errorFor, items } = useCareErrors(formId, form.formState.errors, formError, { labels });
  const current = new Map(history.map((item) => [item.lifeDomain, item.current]));
  const domainsError = errorFor('domains');

  return (
    <FormPanel headingId="assessment-form-title" title={t('care.assessment.newTitle')} focusOnMount>
      <p className="field-hint">{t('care.assessment.newHint')}</p>
      <CareForm id={formId} labelledBy="assessment-form-title" items={items} attempt={attempt} busy={busy} submitLabel={t('care.assessment.save')} onSubmit={onSubmit} onCancel={onCancel}>
        <TextField id={id('assessedAt')} label={labels.assessedAt} type="date" registration={form.register('assessedAt')} error={errorFor('assessedAt')} required width="s" />
        <div id={id('domains')} tabIndex={-1} className={domainsError ? 'field-has-error assessment-domains' : 'assessment-domains'}>
          {domainsError ? <FieldErrorText id={`${id('domains')}-error`} message={domainsError} /> : null}
          {lifeDomains.map((domain) => {
            const before = current.get(domain);
            const legendId = id(`entries.${domain}`);
            const chosen = entries[domain].needLevel !== '';
            const registration = form.register(`entries.${domain}.needLevel`);
            return (
              <fieldset key={domain} className="assessment-domain" aria-describedby={domainsError ? `${id('domains')}-error` : undefined}>
                <legend id={legendId} className="field-label">
                  {t(`care.lifeDomain.${domain}`)}
                </legend>
                <p className="field-hint">
                  {before
                    ? t('care.assessment.lastLevel', { level: t(`care.needLevel.${before.needLevel}`), date: formatIsoDate(before.assessedAt) })
                    : t('care.assessment.notYet')}
                </p>
                <div className="choice-row">
                  <Radio id={id(`entries.${domain}.none`)} value="" label={t('care.assessment.skip')} registration={registration} />
                  {needLevels.map((level) => (
                    <Radio key={level} id={id(`entries.${domain}.${level}`)} value={level} label={t(`care.needLevel.${level}`)} registration={registration} />
                  ))}
                </div>
                {chosen ? (
                  <div className="field-row">
                    <TextAreaField
                      id={id(`entries.${domain}.situation`)}
                      label={t('care.assessment.situation')}
                      registration={form.register(`entries.${domain}.situation`)}
                      error={errorFor(`entries.${domain}.situation`)}
                    />
                    <TextAreaField
                      id={id(`entries.${domain}.resources`)}
                      label={t('care.assessment.resources')}
                      registration={form.register(`entries.${domain}.resources`)}
                      error={errorFor(`entries.${domain}.resources`)}
                    />
                  </div>
                ) : null}
              </fieldset>
            );
          })}
        </div>
      </CareForm>
    </FormPanel>
  );
}
