import { z } from 'zod';
import { errors, type FieldProblem } from './errors.ts';
import { isPlainDate } from './dates.ts';

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

/**
 * A form's problems, one per field at the most: with a schema, its problems first
 * (`zodProblems`); then what `add` is told (a service's checks that need the database), unless
 * the field already has a problem. Every problem list a form shows is collected this way.
 */
export function problemList(schema?: z.ZodType, input?: unknown) {
  const parsed = schema?.safeParse(input);
  const problems: FieldProblem[] = parsed && !parsed.success ? zodProblems(parsed.error) : [];
  const add = (path: string, message: string, params?: FieldProblem['params']) => {
    if (!problems.some((p) => p.path === path))
      problems.push(params ? { path, message, params } : { path, message });
  };
  /** Whether the schema took the input (before any `add`). */
  const parsedOk = parsed?.success ?? true;
  return { problems, add, parsedOk };
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

/**
 * The longest value a form field takes whose rules are all the service's: the limit only
 * keeps junk out (a wrong value gets the service's own message).
 */
export const JUNK_MAX = 100;

type SentShape<N extends string, O> = {
  [K in N]: K extends keyof O ? (O[K] extends number ? z.ZodString : O[K]) : z.ZodString;
};

/**
 * A form as sent (strings), read by `readForm`, which refuses a value longer than its field
 * takes (or sent twice, or with a control character) at the field: the fields `names`, in
 * the form's order (the error summary's), each text of at most `JUNK_MAX` characters unless
 * `own` gives it its own limit (a free text's, the service's) or its own schema.
 */
export function sentForm<
  const N extends string,
  const O extends Partial<Record<N, number | z.ZodType>> = Record<never, never>,
>(names: readonly N[], own?: O) {
  const fields = own as Partial<Record<N, number | z.ZodType>> | undefined;
  const shape = Object.fromEntries(
    names.map((name) => {
      const field = fields?.[name] ?? JUNK_MAX;
      return [name, typeof field === 'number' ? z.string().max(field) : field];
    }),
  );
  return z.object(shape as SentShape<N, O>);
}

/**
 * A whole number from min to max read from a query string (coerced), refused with the one
 * message `error` whatever is wrong with it (not a number, a fraction, out of range).
 */
export function wholeNumber(min: number, max: number, error: string) {
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** The 1-based page number of the paginated lists (1 to a million). */
export const pageNumber = () =>
  wholeNumber(1, 1_000_000, 'page must be a whole number of at least 1');

/**
 * Required free text: trimmed, at least one character (else `required`) and at most `max`
 * characters (else `tooLong`, by default the same message).
 */
export const requiredText = (max: number, required: string, tooLong = required) =>
  z.string().trim().min(1, { error: required }).max(max, { error: tooLong });

/** A form's date field: trimmed, and a calendar date `YYYY-MM-DD` or refused with `message`. */
export const plainDate = (message: string) =>
  z
    .string()
    .trim()
    .refine((v) => isPlainDate(v), { message });
