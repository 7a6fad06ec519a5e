import { useState, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import { applyServerError } from '../../../../forms/server-errors';

interface CareFormOptions<V extends FieldValues, O> {
  resolver: Resolver<V, unknown, O>;
  defaultValues: DefaultValues<V>;
  /** top-level field names: the core's field errors on them land next to the field */
  fields: readonly string[];
  /** saves; throws the core's error. */
  submit: (input: O) => Promise<void>;
  /** a refusal the form shows its own way (e.g. CONSENT_REQUIRED); true when handled */
  onRefusal?: (error: unknown) => boolean;
}

/**
 * react-hook-form with the care forms' common behaviour: validation on submit, then while typing;
 * the core's refusal next to the fields or above the form; a counter of failed attempts so the
 * error summary takes focus again on each one.
 */
export function useCareForm<V extends FieldValues, O>({ resolver, defaultValues, fields, submit, onRefusal }: CareFormOptions<V, O>) {
  const form = useForm<V, unknown, O>({ resolver, defaultValues, shouldFocusError: false, mode: 'onSubmit', reValidateMode: 'onChange' });
  const [formError, setFormError] = useState<string | null>(null);
  const [failures, setFailures] = useState(0);

  const onValid = async (input: O) => {
    setFormError(null);
    try {
      await submit(input);
    } catch (error) {
      if (onRefusal?.(error)) return;
      setFormError(applyServerError(error, form.setError, fields));
      setFailures((n) => n + 1);
    }
  };

  return {
    form,
    formError,
    attempt: `${form.formState.submitCount}-${failures}`,
    busy: form.formState.isSubmitting,
    onSubmit: (event: FormEvent<HTMLFormElement>) => void form.handleSubmit(onValid)(event),
  };
}
