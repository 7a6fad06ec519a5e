import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { genderSchema } from '../../../../../shared/domain/person';
import { fieldId } from '../../../components/form/field-ids';
import { FieldsetFrame } from '../../../components/form/FieldsetFrame';
import { Radio } from '../../../components/form/Radio';
import { TextField } from '../../../components/form/TextField';
import { personFormId, type SectionProps } from './person-form-context';

/** Date of birth — full, year only or unknown, never a made-up 01.01. — and gender. */
export function BirthSection({ form, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const { register, control } = form;
  const kind = useWatch({ control, name: 'birthDate.kind' });
  const id = (path: string) => fieldId(personFormId, path);
  const kindRegistration = register('birthDate.kind');
  const genderRegistration = register('gender');

  // An error about the date input must go when that input goes (switch to "unknown").
  useEffect(() => form.clearErrors(['birthDate.date', 'birthDate.year']), [kind, form]);

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('person.sectionBirth')}</legend>
      <FieldsetFrame id={id('birthDate')} legend={t('person.birthDate')} hint={t('person.placeholderHint')} required>
        <div className="choice-row">
          <Radio id={id('birthDate.kind.full')} value="full" label={t('person.birthKindFull')} registration={kindRegistration} />
          <Radio id={id('birthDate.kind.year')} value="year" label={t('person.birthKindYear')} registration={kindRegistration} />
          <Radio id={id('birthDate.kind.unknown')} value="unknown" label={t('person.birthKindUnknown')} registration={kindRegistration} />
        </div>
        {kind === 'full' ? (
          <TextField id={id('birthDate.date')} label={t('person.birthDateFull')} type="date" registration={register('birthDate.date')} error={errorFor('birthDate.date')} width="s" />
        ) : null}
        {kind === 'year' ? (
          <TextField
            id={id('birthDate.year')}
            label={t('person.birthYear')}
            inputMode="numeric"
            registration={register('birthDate.year')}
            error={errorFor('birthDate.year')}
            width="xs"
          />
        ) : null}
      </FieldsetFrame>
      <FieldsetFrame id={id('gender')} legend={t('person.gender')} error={errorFor('gender')} required>
        <div className="choice-row">
          {genderSchema.options.map((gender, index) => (
            <Radio
              key={gender}
              // The first option carries the field's id, so the error summary can jump here.
              id={index === 0 ? id('gender') : id(`gender.${gender}`)}
              value={gender}
              label={t(`gender.${gender}`)}
              registration={genderRegistration}
            />
          ))}
        </div>
      </FieldsetFrame>
    </fieldset>
  );
}
