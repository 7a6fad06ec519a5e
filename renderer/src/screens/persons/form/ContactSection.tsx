import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../components/form/field-ids';
import { SelectField } from '../../../components/form/SelectField';
import { TextField } from '../../../components/form/TextField';
import { personFormId, type SectionProps } from './person-form-context';

/** Address in a municipality (Kommune) of the county, phone and e-mail. */
export function ContactSection({ form, catalogs, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const { register } = form;
  const id = (path: string) => fieldId(personFormId, path);

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('person.sectionContact')}</legend>
      <TextField id={id('address.street')} label={t('person.street')} registration={register('address.street')} error={errorFor('address.street')} width="l" />
      <div className="field-row">
        <TextField
          id={id('address.postalCode')}
          label={t('person.postalCode')}
          inputMode="numeric"
          registration={register('address.postalCode')}
          error={errorFor('address.postalCode')}
          width="xs"
        />
        <SelectField
          id={id('address.municipality')}
          label={t('person.municipality')}
          registration={register('address.municipality')}
          emptyLabel={t('person.municipalityNone')}
          options={catalogs.municipalities.map((entry) => ({ value: entry.key, label: entry.label }))}
          error={errorFor('address.municipality')}
          width="m"
        />
      </div>
      <div className="field-row">
        <TextField id={id('phone')} label={t('person.phone')} type="tel" inputMode="tel" registration={register('phone')} error={errorFor('phone')} width="m" />
        <TextField id={id('email')} label={t('person.email')} type="email" inputMode="email" registration={register('email')} error={errorFor('email')} width="m" />
      </div>
    </fieldset>
  );
}
