import { z } from 'zod';
import { isPlainDate } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { requiredText, zodProblems } from '../../shared/validation.ts';

/** The rules the forms of meetings, delegations and host plans share. Messages are catalogue keys. */

/** Required free text (the shared rule): trimmed, at least one character and at most `max`. */
export { requiredText };

/** Optional free text: trimmed, at most `max`; empty becomes null. */
export const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .transform((v) => (v === '' ? null : v));

/** An optional plain date (YYYY-MM-DD); empty becomes null. */
export const optionalDate = (error: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === '' || isPlainDate(v), { error })
    .transform((v) => (v === '' ? null : v));

/**
 * Parses a form's input with its schema together with the problems of the service's own
 * checks (those against the database or a file), `checked` (a field's message, or null where
 * it passed), or throws errors.validation with all of them, one per field (the service's
 * first), in the order of the form's fields (the order of the error summary).
 */
export function parseForm<S extends z.ZodObject>(
  schema: S,
  input: unknown,
  checked: Record<string, string | null> = {},
): z.output<S> {
  const parsed = schema.safeParse(input);
  const found: FieldProblem[] = [
    ...Object.entries(checked).flatMap(([path, message]) => (message ? [{ path, message }] : [])),
    ...(parsed.success ? [] : zodProblems(parsed.error)),
  ];
  if (parsed.success && found.length === 0) return parsed.data;
  const order = Object.keys(schema.shape);
  const rank = (p: FieldProblem) => (order.includes(p.path) ? order.indexOf(p.path) : order.length);
  const problems = found
    .filter((p, i) => found.findIndex((q) => q.path === p.path) === i)
    .sort((a, b) => rank(a) - rank(b));
  throw errors.validation(problems);
}
