import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, errors as appErrors, isAppError, type FieldProblem } from '../shared/errors.ts';
import { multilineFields, problemList, zodProblems } from '../shared/validation.ts';
import type { FieldErrors } from './page-context.ts';
import { i18nFor, type I18n, type MessageKey } from './i18n/i18n.ts';
import { splitLocaleUrl } from './i18n/paths.ts';
import { redirectWithFlash } from './render.ts';

/**
 * The one way an HTML form route works (DESIGN §3.6, GOV.UK's validation pattern):
 *
 *   read the submitted values → run the service (its own transaction, permission check,
 *   validation and audit) → on a validation problem re-render the same page with status
 *   400, the user's input kept and an error summary focused at the top (the layout adds it
 *   and prefixes the title "Fel: ") → on success 303 to the next page with a flash message.
 *
 * Public pages need nothing here: the page cache is keyed on the data generations the
 * write changed. Routes write `submitForm(request, reply, { … })` and nothing else.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the form helper when it re-renders a form: the layout shows the summary. */
    formErrors: FieldErrors | null;
  }
}

export function registerForms(app: FastifyInstance): void {
  app.decorateRequest('formErrors', null);
}

export interface FormState<V> {
  values: V;
  errors: FieldErrors;
  /** The error the problems came from (e.g. to answer 401 or 429 instead of 400). */
  error: AppError;
}

/**
 * Where a form goes after a success: a 303 to `to`, with the flash message (if any) shown
 * there, in that page's language (`to` may name another language's address, e.g. a login
 * that lands in the person's own language).
 */
export interface Next {
  to: string;
  /** Left out only where a message would be wrong (e.g. half-way through logging in). */
  flash?: MessageKey;
  params?: Record<string, string | number>;
}

interface FormSpecBase<V, R> {
  /** What the user sent, as strings (see `readForm`): validated by the service, kept for the re-render. */
  values: V;
  /** The service call. It validates (throwing errors.validation), authorises and audits. */
  submit: (values: V) => Promise<R>;
  /** Re-renders the page the form is on. The status is already 400 and the errors are set. */
  invalid: (form: FormState<V>) => Promise<FastifyReply> | FastifyReply;
  /** A problem's path → the id of the field it belongs to (default: the path; '' → 'form'). */
  fieldOf?: (path: string) => string;
  /** Other expected errors that belong on the form (e.g. an e-mail address already in use). */
  refused?: (error: AppError) => FieldErrors | null;
}

export type FormSpec<V, R> = FormSpecBase<V, R> &
  (
    | {
        /** Where to go next, and the flash message to show there. */
        done: (result: R) => Next | Promise<Next>;
        show?: never;
      }
    | {
        /**
         * Instead of a redirect: the result page on this very response, for what must never
         * sit in a redirect, a cookie or a cache (a new API token, shown once).
         */
        show: (result: R) => Promise<FastifyReply> | FastifyReply;
        done?: never;
      }
  );

/** Runs a form submission the one way (see above). */
export async function submitForm<V, R>(
  request: FastifyRequest,
  reply: FastifyReply,
  spec: FormSpec<V, R>,
): Promise<FastifyReply> {
  // The input itself is wrong (see readForm): refused before the service runs. The problems
  // are named by the fields as sent, which are the page's field ids.
  const refused = [...inputProblems(spec.values), ...strayNul(request.body, spec.values)];
  if (refused.length > 0) {
    const error = appErrors.validation(refused);
    const errors = problemErrors(request.i18n, error) ?? {};
    return rerender(request, reply, errors, () =>
      spec.invalid({ values: spec.values, errors, error }),
    );
  }
  let result: R;
  try {
    result = await spec.submit(spec.values);
  } catch (error) {
    if (isAppError(error, 'EDIT_CONFLICT')) {
      // Someone saved the record after this form was opened: the same page again, with the
      // input kept and the saved version beside it (the page's `invalid` shows it), 409.
      const errors = { form: request.i18n.t('form.editConflict') };
      request.formErrors = errors;
      reply.status(409);
      return spec.invalid({ values: spec.values, errors, error });
    }
    const errors =
      problemErrors(request.i18n, error, spec.fieldOf) ??
      (error instanceof AppError && spec.refused ? spec.refused(error) : null);
    if (!errors) throw error;
    const cause = error as AppError; // problemErrors and refused take only AppErrors
    return rerender(request, reply, errors, () =>
      spec.invalid({ values: spec.values, errors, error: cause }),
    );
  }
  if (spec.show) return spec.show(result);
  const next = await spec.done(result);
  if (next.flash === undefined) return reply.redirect(next.to, 303);
  const { locale } = splitLocaleUrl(next.to);
  const i18n = locale ? i18nFor(locale) : request.i18n;
  return redirectWithFlash(reply, next.to, i18n.tDynamic(next.flash, next.params));
}

/** The name of the hidden field that carries the version a record's edit form was opened at. */
export const VERSION_FIELD = 'version';

/**
 * The version an edit form was opened at (optimistic locking, decision 022), or undefined
 * when the form sent none or something that cannot be a version (a list, a long or odd
 * value): then the save is checked against nothing, as before forms carried versions.
 */
export function readVersion(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[VERSION_FIELD];
  return typeof value === 'string' && /^[0-9TZ:.+-]{1,40}$/.test(value) ? value : undefined;
}

/**
 * A NUL character in a field of the body that the form's values did not read (and so did
 * not check): refused as a problem of the whole form. No person types one, PostgreSQL cannot
 * store one, and the input guard leaves form bodies to the form (src/platform/input-guard.ts).
 */
function strayNul(body: unknown, values: unknown): FieldProblem[] {
  if (typeof body !== 'object' || body === null) return [];
  const read = new Set([
    ...Object.keys(typeof values === 'object' && values !== null ? values : {}),
    ...inputProblems(values).map((p) => p.path),
  ]);
  const stray = Object.entries(body).some(
    ([name, value]) =>
      !read.has(name) && [value].flat().some((v) => typeof v === 'string' && v.includes('\u0000')),
  );
  return stray ? [{ path: '', message: 'form.controlCharacter' }] : [];
}

/**
 * Re-renders a form page with problems found outside a service call (e.g. an uploaded file
 * that could not be read): status 400, the summary and the title prefix, as `submitForm` does.
 */
export function rerender(
  request: FastifyRequest,
  reply: FastifyReply,
  errors: FieldErrors,
  render: () => Promise<FastifyReply> | FastifyReply,
): Promise<FastifyReply> | FastifyReply {
  request.formErrors = errors;
  reply.status(400);
  return render();
}

/** Field errors from a thrown validation error, translated; null for any other error. */
export function problemErrors(
  i18n: I18n,
  error: unknown,
  fieldOf: (path: string) => string = (path) => path || 'form',
): FieldErrors | null {
  if (!(error instanceof AppError) || error.code !== 'VALIDATION_FAILED') return null;
  const out: FieldErrors = {};
  for (const p of (error.details.problems ?? []) as FieldProblem[]) {
    out[fieldOf(p.path)] ??= translateProblem(i18n, p.message, p.params);
  }
  return out;
}

/**
 * A form read outside `submitForm`, one that changes nothing (a filter or search form sent
 * with GET): the input problems `readForm` found in `read` and the schema's problems with
 * `values`, translated (the first one per field), and the parsed values when there are none.
 */
export function checkForm<S extends z.ZodType>(
  i18n: I18n,
  read: unknown,
  schema: S,
  values: unknown,
): { errors: FieldErrors; data: z.output<S> | null } {
  const errors: FieldErrors = {};
  for (const p of inputProblems(read)) errors[p.path] = translateProblem(i18n, p.message, p.params);
  const parsed = schema.safeParse(values);
  if (!parsed.success)
    for (const p of zodProblems(parsed.error)) errors[p.path] ??= translateProblem(i18n, p.message);
  return { errors, data: Object.keys(errors).length === 0 && parsed.success ? parsed.data : null };
}

/** A service's problem message is a catalogue key; an unknown key gets the generic text. */
export function translateProblem(
  i18n: I18n,
  key: string,
  params?: Record<string, string | number>,
): string {
  const text = i18n.tDynamic(key, params);
  return text === key ? i18n.t('error.badRequest.text') : text;
}

/** The values of a form as sent: a string per field, a list for checkbox groups. */
export type FormStrings<S extends z.ZodObject> = {
  [K in keyof z.input<S>]-?: NonNullable<z.input<S>[K]> extends readonly unknown[]
    ? string[]
    : string;
};

/**
 * What the form reader found wrong with the input itself, before any rule of the form: a
 * field sent twice, a value longer than the field takes, a control character. Kept on the
 * values under this symbol (it survives `{ ...values }`), read by `submitForm`.
 */
const INPUT_PROBLEMS = Symbol('input problems');

/** The problems `readForm` / `formStrings` found in the values they read (none: []). */
export function inputProblems(values: unknown): FieldProblem[] {
  if (typeof values !== 'object' || values === null) return [];
  return (values as { [INPUT_PROBLEMS]?: FieldProblem[] })[INPUT_PROBLEMS] ?? [];
}

/** `values` with the input problems of `read`, for a route that reshapes what `readForm` read. */
export function keepInputProblems<V extends object>(values: V, read: unknown): V {
  return withProblems(values, inputProblems(read));
}

/** Puts `problems` on `values` (an enumerable symbol: spreads keep it), if there are any. */
function withProblems<V extends object>(values: V, problems: FieldProblem[]): V {
  if (problems.length > 0)
    Object.defineProperty(values, INPUT_PROBLEMS, {
      value: problems,
      enumerable: true,
      configurable: true,
    });
  return values;
}

/** The most choices a checkbox group takes, whatever its schema says. */
const MAX_CHOICES = 200;

/** Control characters (C0 and DEL); a text area's tab, line feed and carriage return apart. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A limit of the field's schema that a value exceeds: a length, or a number of choices. */
interface OwnLimit {
  max: number;
  /** The length of the value (of a list: of its first item) that is too long. */
  length: number;
  /** True: the list has more than `max` items. */
  choices?: boolean;
}

/** How the reader treats one field. */
interface FieldSpec {
  list: boolean;
  multiline: boolean;
  /** The field's own limit that `value` exceeds (from its schema), or null. */
  maxFor: (value: string | string[]) => OwnLimit | null;
  /** The longest value when the schema sets none. */
  cap: number;
}

/**
 * Reads the fields of a form body by their specs. Nothing is cut or dropped silently: a
 * single field sent more than once, a value longer than its field takes, too many choices
 * and a control character are each a problem on the field (`inputProblems`), with the rest
 * of the input kept as sent for the re-rendered page (a refused control character shown as
 * U+FFFD, where the reader can see and remove it; a repeated field's first value).
 */
function readFields(
  body: unknown,
  fields: Record<string, FieldSpec>,
): Record<string, string | string[]> {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const out: Record<string, string | string[]> = {};
  const { problems, add: problem } = problemList();
  for (const [name, spec] of Object.entries(fields)) {
    const raw = Object.hasOwn(b, name) ? b[name] : undefined;
    const sent = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    );
    const control = spec.multiline ? CONTROL_MULTILINE : CONTROL;
    const shown = (v: string) => v.replace(control, '\ufffd');
    if (sent.some((v) => v.search(control) >= 0)) problem(name, 'form.controlCharacter');
    if (spec.list) {
      out[name] = sent.map(shown);
      const own = sent.length > MAX_CHOICES ? null : spec.maxFor(sent);
      const tooLong = sent.findIndex((v) => v.length > spec.cap);
      if (sent.length > MAX_CHOICES) problem(name, 'form.tooManyChoices', { max: MAX_CHOICES });
      else if (own?.choices) problem(name, 'form.tooManyChoices', { max: own.max });
      else if (own) problem(name, 'form.tooLong', { max: own.max, length: own.length });
      else if (tooLong >= 0)
        problem(name, 'form.tooLong', { max: spec.cap, length: sent[tooLong]!.length });
      continue;
    }
    const value = sent[0] ?? '';
    out[name] = shown(value);
    if (sent.length > 1) problem(name, 'form.repeated');
    const own = value === '' ? null : spec.maxFor(value);
    if (own) problem(name, 'form.tooLong', { max: own.max, length: own.length });
    else if (value.length > spec.cap)
      problem(name, 'form.tooLong', { max: spec.cap, length: value.length });
  }
  // In the order of the form's fields (the error summary's); only when there are any, so
  // values read without a problem are plain objects.
  return withProblems(out, problems);
}

/**
 * Reads a form body by the form's Zod schema: every field of the schema as the string the
 * user sent, and fields whose schema is an array (checkbox groups) as a list of strings.
 * It never throws. What the input itself gets wrong (see `readFields`) — a field sent
 * twice, a value over the field's `max` (or over `max` here, for a field without one), a
 * control character outside a text area (`multiline`) — is refused by `submitForm` with
 * the field's message and status 400 before the service runs; the service validates the
 * rest with the same schema.
 */
export function readForm<S extends z.ZodObject>(
  body: unknown,
  schema: S,
  max = 20_000,
): FormStrings<S> {
  const fields: Record<string, FieldSpec> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const list = isArraySchema(field);
    fields[key] = {
      list,
      multiline: isMultiline(field),
      maxFor: (value) => ownMax(field, value),
      cap: max,
    };
  }
  const values = readFields(body, fields);
  const refused = inputProblems(values);
  if (refused.length > 0) {
    // The form is refused anyway: its schema's other problems join the summary, so the
    // reader sees them all at once (the service's checks against the data come later).
    const parsed = schema.safeParse(values);
    const found = parsed.success ? [] : zodProblems(parsed.error);
    const order = Object.keys(schema.shape);
    const rank = (p: FieldProblem) =>
      order.includes(p.path) ? order.indexOf(p.path) : order.length;
    const all = [...refused, ...found.filter((p) => !refused.some((r) => r.path === p.path))];
    withProblems(
      values,
      all.sort((a, b) => rank(a) - rank(b)),
    );
  }
  return values as FormStrings<S>;
}

/** Walks optional/default/pipe wrappers to the schema a field's value is parsed with. */
function* layers(field: unknown): Generator<z.ZodType> {
  let current = field as { def?: { type?: string; innerType?: unknown; in?: unknown } } | undefined;
  for (let i = 0; i < 6 && current?.def; i += 1) {
    yield current as unknown as z.ZodType;
    current = (current.def.innerType ?? current.def.in) as typeof current;
  }
}

function isArraySchema(field: unknown): boolean {
  for (const layer of layers(field)) if (layer.def.type === 'array') return true;
  return false;
}

function isMultiline(field: unknown): boolean {
  for (const layer of layers(field)) if (multilineFields.has(layer)) return true;
  return false;
}

/**
 * The field's own maximum length when `value` exceeds it: its schema's `too_big` for a
 * string (a list: the first item too long, or too many items), found by parsing the field
 * alone, so trimming and pipes count as in the service.
 */
function ownMax(field: z.ZodType, value: string | string[]): OwnLimit | null {
  let issues: z.core.$ZodIssue[];
  try {
    const result = field.safeParse(value);
    if (result.success) return null;
    issues = result.error.issues;
  } catch {
    return null;
  }
  for (const issue of issues) {
    if (issue.code !== 'too_big' || issue.exact) continue;
    const max = Number(issue.maximum);
    if (!Number.isFinite(max)) continue;
    const [at, ...deeper] = issue.path;
    if (issue.origin === 'array' && at === undefined && Array.isArray(value))
      return { max, length: value.length, choices: true };
    if (issue.origin !== 'string' || deeper.length > 0) continue;
    if (at === undefined && typeof value === 'string') return { max, length: value.length };
    if (typeof at === 'number' && Array.isArray(value))
      return { max, length: value[at]?.length ?? 0 };
  }
  return null;
}

/**
 * Form values as strings by a list of names, for small forms without a schema of their own
 * (a yes/no, a direction): each single-line text of at most `max` characters. A value sent
 * twice, a longer one or a control character is a problem (as with `readForm`).
 */
export function formStrings<K extends string>(
  body: unknown,
  keys: readonly K[],
  max = 2000,
): Record<K, string> {
  const fields: Record<string, FieldSpec> = {};
  for (const key of keys)
    fields[key] = { list: false, multiline: false, maxFor: () => null, cap: max };
  return readFields(body, fields) as Record<K, string>;
}
