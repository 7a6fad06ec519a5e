import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { householdLinkInputSchema, relationKinds } from '../../../../../shared/domain/household';
import { CheckboxField } from '../../../components/form/CheckboxField';
import { ErrorSummary } from '../../../components/form/ErrorSummary';
import { FieldsetFrame } from '../../../components/form/FieldsetFrame';
import { Radio } from '../../../components/form/Radio';
import { orUndefined } from '../../../components/form/schema-resolver';
import { SelectField } from '../../../components/form/SelectField';
import { TextAreaField } from '../../../components/form/TextAreaField';
import { call } from '../../../api';
import { formatBirthDate, fullName } from '../../../format/dates';
import { useDebouncedValue } from '../../../hooks/useDebouncedValue';
import { useKimForm } from '../../../hooks/useKimForm';
import { useKimQuery } from '../../../hooks/useKimQuery';

interface LinkValues {
  relatedPersonId: string;
  relation: string;
  sameHousehold: boolean;
  note: string;
}

interface AddHouseholdLinkFormProps {
  personId: string;
  personName: string;
  /** persons already linked: not offered again */
  existing: readonly string[];
  onAdded: (name: string) => void;
}

/** Links another person: found by name, with the relation and whether they live in the same household. */
export function AddHouseholdLinkForm({ personId, personName, existing, onAdded }: AddHouseholdLinkFormProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 200);
  const found = useKimQuery('persons.search', { query: debounced, limit: 10 }, debounced.length > 0);
  const candidates = debounced.length > 0 ? (found.data ?? []).filter((candidate) => candidate.id !== personId && !existing.includes(candidate.id)) : [];
  const { form, id, errorFor, summary, onSubmit } = useKimForm({
    formId: 'household',
    schema: householdLinkInputSchema,
    toInput: (values: LinkValues) => ({
      personId,
      relatedPersonId: values.relatedPersonId,
      relation: values.relation === '' ? undefined : values.relation,
      sameHousehold: values.sameHousehold,
      note: orUndefined(values.note),
    }),
    defaultValues: { relatedPersonId: '', relation: '', sameHousehold: true, note: '' },
    fields: {
      relatedPersonId: { label: t('caseFile.household.person'), message: t('caseFile.household.personError') },
      relation: { label: t('caseFile.household.relation'), message: t('caseFile.household.relationError') },
      sameHousehold: { label: t('caseFile.household.sameHouseholdLabel') },
      note: { label: t('caseFile.household.note') },
    },
  });

  const submit = onSubmit(async (input) => {
    const members = await call('household.add', input);
    const added = members.find((member) => member.personId === input.relatedPersonId);
    onAdded(added ? fullName(added) : '');
  });

  return (
    <div className="subpanel">
      <h3>{t('caseFile.household.addTitle')}</h3>
      <ErrorSummary items={summary.items} attempt={summary.attempt} />
      <div role="search" className="field">
        <label htmlFor="household-search" className="field-label">
          {t('caseFile.household.search')}
        </label>
        <p id="household-search-hint" className="field-hint">
          {t('caseFile.household.searchHint')}
        </p>
        <input
          id="household-search"
          type="search"
          className="input input-m"
          value={query}
          aria-describedby="household-search-hint"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <form noValidate onSubmit={submit}>
        <FieldsetFrame id={id('relatedPersonId')} legend={t('caseFile.household.person')} error={errorFor('relatedPersonId')} required>
          <p className="field-hint" role="status">
            {debounced.length === 0 ? t('caseFile.household.searchFirst') : t('caseFile.household.found', { count: candidates.length })}
          </p>
          <div className="choice-column">
            {candidates.map((candidate, index) => (
              <Radio
                key={candidate.id}
                id={index === 0 ? id('relatedPersonId') : id(`relatedPersonId-${candidate.id}`)}
                value={candidate.id}
                label={`${fullName(candidate)} (${formatBirthDate(candidate.birthDate, t)})`}
                registration={form.register('relatedPersonId')}
              />
            ))}
          </div>
        </FieldsetFrame>
        <SelectField
          id={id('relation')}
          label={t('caseFile.household.relation')}
          hint={t('caseFile.household.relationHint', { name: personName })}
          registration={form.register('relation')}
          emptyLabel={t('common.choose')}
          options={relationKinds.map((relation) => ({ value: relation, label: t(`caseFile.relation.${relation}`) }))}
          error={errorFor('relation')}
          required
          width="m"
        />
        <CheckboxField id={id('sameHousehold')} label={t('caseFile.household.sameHouseholdLabel')} registration={form.register('sameHousehold')} error={errorFor('sameHousehold')} />
        <TextAreaField id={id('note')} label={t('caseFile.household.note')} registration={form.register('note')} error={errorFor('note')} rows={2} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
            {t('caseFile.household.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
