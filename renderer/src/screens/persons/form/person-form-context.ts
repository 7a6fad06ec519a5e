import type { UseFormReturn } from 'react-hook-form';
import type { Catalogs } from '../../../../../shared/catalogs/catalogs';
import type { PersonInput } from '../../../../../shared/domain/person';
import type { PersonFormValues } from '../../../forms/person/person-form-values';

/** What each section of the person form gets: the form, the catalogs, and its errors as text. */
export interface SectionProps {
  form: UseFormReturn<PersonFormValues, unknown, PersonInput>;
  catalogs: Catalogs;
  /** the German (or English) error text for a form path, or undefined */
  errorFor: (path: string) => string | undefined;
}

export const personFormId = 'person';
