import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { schemaResolver } from '../../../../components/form/schema-resolver';

/** The forms' one resolver (components/form/schema-resolver.ts), typed by the schema's output. */
export function careResolver<V extends FieldValues, O>(
  schema: z.ZodType<O, FieldValues>,
  toInput: (values: V) => unknown,
  toFormPath?: (schemaPath: string, values: V) => string,
): Resolver<V, unknown, O> {
  return schemaResolver(schema, toInput, toFormPath);
}
