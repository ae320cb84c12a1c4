import type { z } from 'zod';
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
