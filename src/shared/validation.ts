import { z } from 'zod';
import { errors, type FieldProblem } from './errors.ts';

/**
 * Zod issues as field problems: the first problem of each field, its path joined with dots
 * ('' for the whole input becomes 'form'). The messages are message-catalogue keys.
 */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    if (seen.has(path)) continue;
    seen.add(path);
    problems.push({ path, message: issue.message });
  }
  return problems;
}

/** Parses input with a schema, or throws errors.validation with one problem per field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw errors.validation(zodProblems(parsed.error));
  return parsed.data;
}

/**
 * The fields of a form that take several lines (text areas): registered here by
 * `multiline(schema)`, so the form reader (`readForm`) lets tab, line feed and carriage
 * return through in them. Every other field refuses every control character.
 */
export const multilineFields = z.registry<{ multiline: true }>();

/** Marks a form field's schema as a text area's (see `multilineFields`). */
export function multiline<S extends z.ZodType>(schema: S): S {
  multilineFields.add(schema, { multiline: true });
  return schema;
}
