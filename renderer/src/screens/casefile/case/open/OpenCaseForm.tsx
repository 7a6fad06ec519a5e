import { useMemo, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { HouseholdMember } from '../../../../../../shared/domain/household';
import { openCaseInputSchema, type TargetGroupResult } from '../../../../../../shared/domain/target-group';
import { call } from '../../../../api';
import { CheckboxField } from '../../../../components/form/CheckboxField';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { LoadError } from '../../../../components/LoadError';
import { Loading } from '../../../../components/Loading';
import { displayName } from '../../../../format/dates';
import { useKimForm } from '../../../../hooks/useKimForm';
import { useKimQuery } from '../../../../hooks/useKimQuery';
import { CriteriaList } from '../overview/CriteriaList';
import { QuestionField } from './QuestionField';
import { answerField, answersOf, type OpenCaseValues } from './open-case-values';

/**
 * The target-group check at intake. The criteria the person's data decide are shown with their
 * outcome; the questions are answered here, and the check runs again with every answer. When
 * not every criterion holds, the case can still be opened — with a reason that is recorded.
 */
export function OpenCaseForm({ personId, household }: { personId: string; household: readonly HouseholdMember[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // The check's latest verdict, for the resolver: a reason is required only when it says "not met".
  const verdict = useRef<TargetGroupResult | undefined>(undefined);
  const reasonMessage = t('caseFile.open.reasonRequired');
  const schema = useMemo(
    () =>
      openCaseInputSchema.superRefine((input, ctx) => {
        if (verdict.current && !verdict.current.met && (input.overrideReason ?? '') === '') {
          ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: reasonMessage });
        }
      }),
    [reasonMessage],
  );
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'open-case',
    schema,
    toInput: (values: OpenCaseValues) => ({
      personId,
      answers: answersOf(values.answers),
      overrideReason: orUndefined(values.overrideReason),
      involvedPersonIds: Object.entries(values.members)
        .filter(([, on]) => on)
        .map(([memberId]) => memberId),
    }),
    defaultValues: defaultsFor(household),
    fields: {
      overrideReason: { label: t('caseFile.open.reason') },
      involvedPersonIds: { label: t('caseFile.open.involvedLegend') },
    },
  });
  const answers = useWatch({ control: form.control, name: 'answers' });
  const check = useKimQuery('cases.targetGroupCheck', { personId, answers: answersOf(answers ?? {}) });
  if (check.data) verdict.current = check.data;
  const result = check.data;
  const auto = result?.criteria.filter((criterion) => criterion.source === 'person') ?? [];
  const questions = result?.criteria.filter((criterion) => criterion.source === 'answer') ?? [];

  const submit = onSubmit(async (input) => {
    const opened = await call('cases.open', input);
    navigate(`/cases/${opened.id}`, { state: { flash: 'opened' } });
  });

  return (
    <>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      {check.status === 'error' ? <LoadError error={check.error} onRetry={check.reload} /> : null}
      {!result && check.status === 'loading' ? <Loading /> : null}
      {result ? (
        <form noValidate onSubmit={submit} className="open-case-form">
          <section aria-labelledby="auto-criteria-title" className="panel">
            <h2 id="auto-criteria-title">{t('caseFile.open.autoTitle')}</h2>
            <p className="muted">
              {t('caseFile.open.autoIntro')} <Link to={`/persons/${personId}/edit`}>{t('caseFile.open.editPerson')}</Link>
            </p>
            {auto.length > 0 ? <CriteriaList criteria={auto} /> : <p className="muted">{t('caseFile.open.noAuto')}</p>}
          </section>
          {questions.length > 0 ? (
            <section aria-labelledby="questions-title" className="panel">
              <h2 id="questions-title">{t('caseFile.open.questionsTitle')}</h2>
              {questions.map((question) => (
                <QuestionField
                  key={question.key}
                  id={id(`answers-${answerField(question.key)}`)}
                  label={question.label}
                  registration={form.register(`answers.${answerField(question.key)}`)}
                />
              ))}
            </section>
          ) : null}
          <section aria-labelledby="verdict-title" className={`panel verdict ${result.met ? 'verdict-met' : 'verdict-not-met'}`}>
            <h2 id="verdict-title">{t('caseFile.open.verdictTitle')}</h2>
            {/* announced when an answer changes the verdict */}
            <p role="status" className="verdict-text">
              {result.met ? t('caseFile.open.met') : t('caseFile.open.notMet', { count: result.criteria.filter((criterion) => criterion.held !== true).length })}
            </p>
            {result.met ? null : (
              <TextAreaField
                id={id('overrideReason')}
                label={t('caseFile.open.reason')}
                hint={t('caseFile.open.reasonHint')}
                registration={form.register('overrideReason')}
                error={errorFor('overrideReason')}
                required
                rows={3}
              />
            )}
          </section>
          {household.length > 0 ? (
            <section aria-labelledby="involved-open-title" className="panel">
              <h2 id="involved-open-title">{t('caseFile.open.involvedTitle')}</h2>
              <fieldset className="field field-group">
                <legend className="field-label">{t('caseFile.open.involvedLegend')}</legend>
                {household.map((member) => (
                  <CheckboxField
                    key={member.linkId}
                    id={id(`members-${member.personId}`)}
                    label={`${displayName(member)} (${t(`caseFile.relation.${member.relation}`)})`}
                    registration={form.register(`members.${member.personId}`)}
                  />
                ))}
              </fieldset>
            </section>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('detail.opening') : t('caseFile.open.submit')}
            </button>
            <Link to={`/persons/${personId}`} className="button button-secondary">
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      ) : null}
    </>
  );
}

function defaultsFor(household: readonly HouseholdMember[]): OpenCaseValues {
  return { answers: {}, overrideReason: '', members: Object.fromEntries(household.map((member) => [member.personId, false])) };
}
