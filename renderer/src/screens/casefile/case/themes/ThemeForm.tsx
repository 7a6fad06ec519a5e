import { useTranslation } from 'react-i18next';
import { caseThemeInputSchema } from '../../../../../../shared/domain/theme';
import { call } from '../../../../api';
import { ErrorSummary } from '../../../../components/form/ErrorSummary';
import { orUndefined } from '../../../../components/form/schema-resolver';
import { SelectField } from '../../../../components/form/SelectField';
import { TextAreaField } from '../../../../components/form/TextAreaField';
import { TextField } from '../../../../components/form/TextField';
import { LoadError } from '../../../../components/LoadError';
import { todayIsoDate } from '../../../../format/dates';
import { useKimForm } from '../../../../hooks/useKimForm';
import { useKimQuery } from '../../../../hooks/useKimQuery';

interface ThemeValues {
  themeKey: string;
  freeText: string;
  note: string;
  notedAt: string;
}

const empty = (): ThemeValues => ({ themeKey: '', freeText: '', note: '', notedAt: todayIsoDate() });

/** Tags the case with a theme from the county's list, or with one in the case manager's words. */
export function ThemeForm({ caseId, onSaved }: { caseId: string; onSaved: (label: string) => void }) {
  const { t } = useTranslation();
  const reference = useKimQuery('reference.get', {});
  const themes = reference.data?.themes ?? [];
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'theme',
    schema: caseThemeInputSchema,
    toInput: (values: ThemeValues) => ({
      caseId,
      themeKey: orUndefined(values.themeKey),
      freeText: orUndefined(values.freeText),
      note: orUndefined(values.note),
      notedAt: values.notedAt,
    }),
    defaultValues: empty(),
    fields: {
      themeKey: { label: t('caseFile.themes.fromList'), message: t('caseFile.themes.pickError') },
      freeText: { label: t('caseFile.themes.freeText') },
      note: { label: t('caseFile.themes.note') },
      notedAt: { label: t('caseFile.themes.notedAt'), message: t('caseFile.common.dateError') },
    },
  });

  const submit = onSubmit(async (input) => {
    const saved = await call('themes.add', input);
    form.reset(empty());
    onSaved(saved.label);
  });

  return (
    <section aria-labelledby="theme-form-title" className="subpanel">
      <h3 id="theme-form-title">{t('caseFile.themes.addTitle')}</h3>
      {reference.status === 'error' ? <LoadError error={reference.error} onRetry={reference.reload} /> : null}
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <form noValidate onSubmit={submit}>
        <SelectField
          id={id('themeKey')}
          label={t('caseFile.themes.fromList')}
          hint={t('caseFile.themes.fromListHint')}
          registration={form.register('themeKey')}
          emptyLabel={t('caseFile.themes.noneFromList')}
          options={themes.map((theme) => ({ value: theme.key, label: theme.label }))}
          error={errorFor('themeKey')}
          width="l"
        />
        <TextField id={id('freeText')} label={t('caseFile.themes.freeText')} hint={t('caseFile.themes.freeTextHint')} registration={form.register('freeText')} error={errorFor('freeText')} width="l" />
        <div className="field-row">
          <TextField id={id('notedAt')} label={t('caseFile.themes.notedAt')} type="date" registration={form.register('notedAt')} error={errorFor('notedAt')} required width="s" />
        </div>
        <TextAreaField id={id('note')} label={t('caseFile.themes.note')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.themes.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
