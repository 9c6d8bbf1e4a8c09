import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { type FieldError, invalid } from './errors.ts';

/** Per-field messages, in the user's language, for anything wrong with that field. */
export type FieldMessages = Record<string, string>;

/** Every problem with `input`, one message per field, with the schema's own text as fallback. */
export function schemaErrors(schema: TSchema, input: unknown, messages: FieldMessages): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of Value.Errors(schema, input)) {
    const required = (error.params as { requiredProperties?: string[] }).requiredProperties;
    const names = required?.length
      ? required.map((p) => `${error.instancePath.replace(/^\//, '')}${error.instancePath ? '.' : ''}${p}`)
      : [error.instancePath.replace(/^\//, '').replaceAll('/', '.')];
    for (const field of names) {
      if (fields.some((f) => f.field === field)) continue;
      fields.push({ field, message: messages[field] ?? messages[field.split('.')[0]] ?? `${field}: ${error.message}` });
    }
  }
  return fields;
}

/** Validates at the edge: returns the typed value or throws a validation error naming each field. */
export function validate<S extends TSchema>(schema: S, input: unknown, messages: FieldMessages = {}): Static<S> {
  if (Value.Check(schema, input)) return input as Static<S>;
  throw invalid(schemaErrors(schema, input, messages));
}
