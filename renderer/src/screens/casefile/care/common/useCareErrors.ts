import { get, type FieldErrors, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SummaryItem } from '../../../../components/form/ErrorSummary';
import { summaryItems } from '../../../../forms/summary-items';
import { careMessage } from './care-messages';

export interface CareErrorOptions {
  /** field path → its label, for "Label: message" in the summary */
  labels: Readonly<Record<string, string>>;
  /** plain messages for fields whose zod message would puzzle (see careMessage) */
  fixed?: Readonly<Record<string, string>>;
  /** which control a summary entry jumps to, where the error's path is not a control */
  target?: (path: string) => string;
}

/** Field errors and the error summary's entries of one care form. */
export function useCareErrors<V extends FieldValues>(formId: string, errors: FieldErrors<V>, formError: string | null, options: CareErrorOptions) {
  const { t } = useTranslation();
  const text = (path: string, message: string) => careMessage(path, message, t, options.fixed);
  const errorFor = (path: string): string | undefined => {
    const message = (get(errors, path) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' ? text(path, message) : undefined;
  };
  // The longest labelled prefix names the field: "entries.wohnen.situation" → "entries.wohnen".
  const labelOf = (path: string) => {
    const parts = path.split('.');
    for (let n = parts.length; n > 0; n--) {
      const label = options.labels[parts.slice(0, n).join('.')];
      if (label) return label;
    }
    return path;
  };
  const items: SummaryItem[] = summaryItems(formId, errors, (path, message) => `${labelOf(path)}: ${text(path, message)}`, formError, options.target);
  return { errorFor, items };
}
