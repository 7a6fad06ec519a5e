import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { flattenErrors, nestErrors } from '../../forms/flatten-errors';

/**
 * zodResolver(schema) applied to the form's values reshaped as the schema's input. HTML inputs
 * hold strings ("" for no date, "12" for a number); `toInput` turns them into what the schema
 * and the core expect. The form's field names are the schema's keys, so error paths need no
 * mapping — unless `toFormPath` maps a schema path to the form field it belongs to. The shared
 * schema stays the one judge: the core parses the same input with it.
 */
export function schemaResolver<V extends FieldValues, S extends z.ZodType>(
  schema: S,
  toInput: (values: V) => unknown,
  toFormPath: (schemaPath: string, values: V) => string = (path) => path,
): Resolver<V, unknown, z.output<S>> {
  const resolve = zodResolver(schema as unknown as z.ZodType<FieldValues, FieldValues>);
  return async (values, context, options) => {
    const result = await resolve(toInput(values) as FieldValues, context, {
      ...options,
      // The reshaped input has no DOM fields behind it: react-hook-form must not match refs.
      fields: {},
      names: undefined,
      shouldUseNativeValidation: false,
    });
    const flat = flattenErrors(result.errors as FieldErrors);
    if (flat.length === 0) return { values: result.values as z.output<S>, errors: {} };
    const typed = flat.map(({ path, message }) => ({ path: toFormPath(path, values), message, type: 'validation' }));
    return { values: {}, errors: nestErrors(typed) as FieldErrors<V> };
  };
}

/** An empty input is no value: the schema sees the key as absent, not as "". */
export function orUndefined(value: string | undefined | null): string | undefined {
  return value === undefined || value === null || value.trim() === '' ? undefined : value;
}

/** A number typed into a text input; empty or not a whole number becomes NaN for the schema to refuse. */
export function toWholeNumber(value: string): number {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}
