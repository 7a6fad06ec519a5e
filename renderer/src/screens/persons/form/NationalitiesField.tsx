import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../components/form/field-ids';
import { FieldsetFrame } from '../../../components/form/FieldsetFrame';
import { AddFromCatalog } from './AddFromCatalog';
import { personFormId, type SectionProps } from './person-form-context';

const maxNationalities = 5;

/** Several nationalities are common (and "staatenlos" / "ungeklärt" are catalog entries too). */
export function NationalitiesField({ form, catalogs, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const selected = useWatch({ control: form.control, name: 'nationalities' });
  const id = fieldId(personFormId, 'nationalities');
  const error = errorFor('nationalities');
  const labelOf = (key: string) => catalogs.nationalities.find((entry) => entry.key === key)?.label ?? key;
  const set = (next: string[]) => form.setValue('nationalities', next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  return (
    <FieldsetFrame id={id} legend={t('person.nationalities')} error={error}>
      {selected.length > 0 ? (
        <ul className="chip-list">
          {selected.map((key) => (
            <li key={key} className="chip">
              <span>{labelOf(key)}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('person.nationalityRemove', { label: labelOf(key) })}
                onClick={() => {
                  set(selected.filter((other) => other !== key));
                  document.getElementById(id)?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('person.nationalitiesNone')}</p>
      )}
      <AddFromCatalog
        id={id}
        label={t('person.nationalityAdd')}
        entries={catalogs.nationalities.filter((entry) => !selected.includes(entry.key))}
        disabled={selected.length >= maxNationalities}
        describedBy={error ? `${id}-error` : undefined}
        invalid={Boolean(error)}
        onAdd={(key) => set([...selected, key])}
      />
    </FieldsetFrame>
  );
}
