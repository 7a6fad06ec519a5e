import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { SummaryItem } from '../components/form/ErrorSummary';
import { fieldId } from '../components/form/field-ids';
import { flattenErrors } from './flatten-errors';

/** The error summary's entries: each field error linked to its field, plus a form-level message. */
export function summaryItems<T extends FieldValues>(
  formId: string,
  errors: FieldErrors<T>,
  text: (path: string, message: string) => string,
  formError: string | null,
  targetFor: (path: string) => string = (path) => path,
): SummaryItem[] {
  const items: SummaryItem[] = flattenErrors(errors).map(({ path, message }) => ({
    fieldId: fieldId(formId, targetFor(path)),
    message: text(path, message),
  }));
  if (formError) items.push({ fieldId: null, message: formError });
  return items;
}
