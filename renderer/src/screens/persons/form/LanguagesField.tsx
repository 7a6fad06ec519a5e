import { useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../components/form/field-ids';
import { FieldsetFrame } from '../../../components/form/FieldsetFrame';
import { AddFromCatalog } from './AddFromCatalog';
import { personFormId, type SectionProps } from './person-form-context';

const maxLanguages = 10;

/** Languages the person speaks, each with the question that matters for every appointment. */
export function LanguagesField({ form, catalogs, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const { control, register } = form;
  const rows = useFieldArray({ control, name: 'languages' });
  const current = useWatch({ control, name: 'languages' });
  const id = fieldId(personFormId, 'languages');
  const error = errorFor('languages');
  const labelOf = (key: string) => catalogs.languages.find((entry) => entry.key === key)?.label ?? key;
  const chosen = new Set(current.map((row) => row.language));

  return (
    <FieldsetFrame id={id} legend={t('person.languages')} error={error}>
      {rows.fields.length > 0 ? (
        <ul className="language-list">
          {rows.fields.map((row, index) => {
            const label = labelOf(row.language);
            const checkboxId = fieldId(personFormId, `languages.${index}.interpreterNeeded`);
            return (
              <li key={row.id} className="language-row">
                <span className="language-name">{label}</span>
                <span className="choice">
                  <input id={checkboxId} type="checkbox" className="choice-input" {...register(`languages.${index}.interpreterNeeded`)} />
                  <label htmlFor={checkboxId} className="choice-label">
                    {t('person.interpreter')}
                    <span className="visually-hidden"> ({label})</span>
                  </label>
                </span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={t('person.languageRemove', { label })}
                  onClick={() => {
                    rows.remove(index);
                    document.getElementById(id)?.focus();
                  }}
                >
                  {t('common.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('person.languagesNone')}</p>
      )}
      <AddFromCatalog
        id={id}
        label={t('person.languageAdd')}
        entries={catalogs.languages.filter((entry) => !chosen.has(entry.key))}
        disabled={rows.fields.length >= maxLanguages}
        describedBy={error ? `${id}-error` : undefined}
        invalid={Boolean(error)}
        onAdd={(key) => rows.append({ language: key, interpreterNeeded: false }, { shouldFocus: false })}
      />
    </FieldsetFrame>
  );
}
