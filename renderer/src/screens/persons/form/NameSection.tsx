import { useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../components/form/field-ids';
import { FieldsetFrame } from '../../../components/form/FieldsetFrame';
import { TextField } from '../../../components/form/TextField';
import { personFormId, type SectionProps } from './person-form-context';

const maxSpellings = 20;

/** Family name, given names and every other known spelling (DOMAIN.md, Names). */
export function NameSection({ form, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const { register, control } = form;
  const spellings = useFieldArray({ control, name: 'otherSpellings' });
  const addButton = useRef<HTMLButtonElement>(null);
  const id = (path: string) => fieldId(personFormId, path);

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('person.sectionName')}</legend>
      <div className="field-row">
        <TextField id={id('familyName')} label={t('person.familyName')} registration={register('familyName')} error={errorFor('familyName')} required width="m" />
        <TextField id={id('givenNames')} label={t('person.givenNames')} registration={register('givenNames')} error={errorFor('givenNames')} required width="m" />
      </div>
      <FieldsetFrame id={id('otherSpellings')} legend={t('person.otherSpellings')} hint={t('person.otherSpellingsHint')} className="field-list">
        {spellings.fields.map((row, index) => (
          <div key={row.id} className="list-row">
            <TextField
              id={id(`otherSpellings.${index}.value`)}
              label={t('person.otherSpelling', { number: index + 1 })}
              registration={register(`otherSpellings.${index}.value`)}
              error={errorFor(`otherSpellings.${index}.value`)}
              width="m"
            />
            <button
              type="button"
              className="button button-secondary button-small list-row-action"
              aria-label={t('person.removeSpelling', { number: index + 1 })}
              onClick={() => {
                spellings.remove(index);
                // The pressed button disappears with its row; keep focus in the list.
                addButton.current?.focus();
              }}
            >
              {t('common.remove')}
            </button>
          </div>
        ))}
        <button
          ref={addButton}
          type="button"
          className="button button-secondary"
          disabled={spellings.fields.length >= maxSpellings}
          onClick={() => spellings.append({ value: '' })}
        >
          {t('person.addSpelling')}
        </button>
      </FieldsetFrame>
    </fieldset>
  );
}
