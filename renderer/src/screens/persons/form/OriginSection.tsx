import { useTranslation } from 'react-i18next';
import { LanguagesField } from './LanguagesField';
import { NationalitiesField } from './NationalitiesField';
import type { SectionProps } from './person-form-context';

export function OriginSection(props: SectionProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="form-section">
      <legend className="form-section-title">{t('person.sectionOrigin')}</legend>
      <NationalitiesField {...props} />
      <LanguagesField {...props} />
    </fieldset>
  );
}
