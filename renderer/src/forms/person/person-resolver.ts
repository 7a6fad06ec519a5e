import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, Resolver } from 'react-hook-form';
import { personInputSchema, type PersonInput } from '../../../../shared/domain/person';
import { flattenErrors, nestErrors } from '../flatten-errors';
import { formPathOf, formToPersonInput, type PersonFormValues } from './person-form-values';

const schemaResolver = zodResolver(personInputSchema);

/**
 * zodResolver(personInputSchema), applied to the form's values reshaped as the schema's input,
 * with error paths mapped back to the form's fields. The schema stays the single judge: the core
 * parses the same input with the same schema.
 */
export function personResolver(asksParagraph: (status: string) => boolean): Resolver<PersonFormValues, unknown, PersonInput> {
  return async (values, context, options) => {
    const input = formToPersonInput(values, asksParagraph) as Parameters<typeof schemaResolver>[0];
    const result = await schemaResolver(input, context, {
      ...options,
      // The schema's paths are not the form's, so react-hook-form's field refs cannot be matched.
      fields: {},
      names: undefined,
      shouldUseNativeValidation: false,
    });
    const flat = flattenErrors(result.errors as FieldErrors);
    if (flat.length === 0) return { values: result.values as PersonInput, errors: {} };
    const typed = flat.map(({ path, message }) => ({ path: formPathOf(path), message, type: 'validation' }));
    return { values: {}, errors: nestErrors(typed) as FieldErrors<PersonFormValues> };
  };
}
