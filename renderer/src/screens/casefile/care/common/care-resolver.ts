import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { flattenErrors, nestErrors } from '../../../../forms/flatten-errors';

/**
 * zodResolver over a shared schema, applied to the form's values reshaped as the schema's input
 * (inputs hold strings, the schema wants absent optionals and numbers). Error paths come back as
 * the schema names them; `toFormPath` maps them to the form's fields where they differ. The
 * shared schema stays the single judge: the core parses the same input with it.
 */
export function careResolver<V extends FieldValues, O>(
  schema: z.ZodType<O, FieldValues>,
  toInput: (values: V) => unknown,
  toFormPath: (schemaPath: string, values: V) => string = (path) => path,
): Resolver<V, unknown, O> {
  const resolve = zodResolver(schema);
  return async (values, context, options) => {
    const result = await resolve(toInput(values) as FieldValues, context, {
      ...options,
      // The schema's paths are not always the form's, so field refs cannot be matched here.
      fields: {},
      names: undefined,
      shouldUseNativeValidation: false,
    });
    const flat = flattenErrors(result.errors as FieldErrors);
    if (flat.length === 0) return { values: result.values as O, errors: {} };
    const typed = flat.map(({ path, message }) => ({ path: toFormPath(path, values), message, type: 'validation' }));
    return { values: {}, errors: nestErrors(typed) as FieldErrors<V> };
  };
}
