import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../../../components/form/field-ids';
import { SelectField } from '../../../components/form/SelectField';
import { TextField } from '../../../components/form/TextField';
import { personFormId, type SectionProps } from './person-form-context';

/** Residence title from the catalog, its paragraph where the title needs one, and its expiry. */
export function ResidenceSection({ form, catalogs, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const { register, control } = form;
  const status = useWatch({ control, name: 'residence.status' });
  const entry = catalogs.residenceStatuses.find((candidate) => candidate.key === status);
  const id = (path: string) => fieldId(personFormId, path);

  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('person.sectionResidence')}</legend>
      <SelectField
        id={id('residence.status')}
        label={t('person.residenceStatus')}
        registration={register('residence.status')}
        emptyLabel={t('person.residenceNone')}
        options={catalogs.residenceStatuses.map((option) => ({
          value: option.key,
          label: option.legalBasis && option.legalBasis !== '—' ? `${option.label} (${option.legalBasis})` : option.label,
        }))}
        error={errorFor('residence.status')}
        hint={entry ? t('person.legalBasis', { basis: entry.legalBasis }) : undefined}
      />
      {entry?.asksParagraph ? (
        <TextField
          id={id('residence.paragraph')}
          label={t('person.paragraph')}
          hint={t('person.paragraphHint')}
          registration={register('residence.paragraph')}
          error={errorFor('residence.paragraph')}
          width="m"
        />
      ) : null}
      <div className="field-row">
        <TextField id={id('residence.validUntil')} label={t('person.validUntil')} type="date" registration={register('residence.validUntil')} error={errorFor('residence.validUntil')} width="s" />
        <TextField id={id('arrivalDate')} label={t('person.arrivalDate')} type="date" registration={register('arrivalDate')} error={errorFor('arrivalDate')} width="s" />
      </div>
    </fieldset>
  );
}
