import { useMemo, useState, type FormEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { SummaryItem } from '../components/form/ErrorSummary';
import { fieldId } from '../components/form/field-ids';
import { schemaResolver } from '../components/form/schema-resolver';
import { applyServerError } from '../forms/server-errors';
import { summaryItems } from '../forms/summary-items';
import { schemaMessage } from '../i18n/schema-messages';

/** How one field is named in the error summary, and (optionally) its own plain error text. */
export interface FieldText {
  label: string;
  /** replaces whatever the schema said (zod's enum messages do not help a case manager) */
  message?: string;
}

interface KimFormOptions<V extends FieldValues, S extends z.ZodType> {
  formId: string;
  schema: S;
  toInput: (values: V) => unknown;
  defaultValues: DefaultValues<V>;
  fields: Record<string, FieldText>;
}

export interface KimForm<V extends FieldValues, O> {
  form: UseFormReturn<V, unknown, O>;
  /** the DOM id of a field (labels and the error summary point at it) */
  id: (path: string) => string;
  /** the error text for a field, or undefined */
  errorFor: (path: string) => string | undefined;
  summary: { items: SummaryItem[]; attempt: string };
  /** the submit handler: runs `action` with the parsed input; a core error lands on its field or above the form */
  onSubmit: (action: (input: O) => Promise<void>) => (event: FormEvent<HTMLFormElement>) => void;
  formError: string | null;
}

/**
 * One form of the case file: react-hook-form with the shared zod schema as resolver, an error
 * summary that takes focus after each failed attempt, and the core's answer placed on its field.
 */
export function useKimForm<V extends FieldValues, S extends z.ZodType>({ formId, schema, toInput, defaultValues, fields }: KimFormOptions<V, S>): KimForm<V, z.output<S>> {
  const resolver = useMemo(() => schemaResolver<V, S>(schema, toInput), [schema, toInput]);
  const form = useForm<V, unknown, z.output<S>>({ resolver, defaultValues, shouldFocusError: false, mode: 'onSubmit', reValidateMode: 'onChange' });
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);

  const text = (path: string, message: string) => fields[path]?.message ?? schemaMessage(message);
  const errorFor = (path: string) => {
    const message = (get(form.formState.errors, path) as { message?: unknown } | undefined)?.message;
    return typeof message === 'string' ? text(path, message) : undefined;
  };
  const items = summaryItems(formId, form.formState.errors, (path, message) => `${fields[path]?.label ?? path}: ${text(path, message)}`, formError);
  const id = (path: string) => fieldId(formId, path);

  const onSubmit = (action: (input: z.output<S>) => Promise<void>) => (event: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit(async (input) => {
      setFormError(null);
      try {
        await action(input);
      } catch (error) {
        setFormError(applyServerError(error, form.setError, Object.keys(fields)));
        setFailures((n) => n + 1);
      }
    })(event);

  return { form, id, errorFor, summary: { items, attempt: `${form.formState.submitCount}-${failures}` }, onSubmit, formError };
}
