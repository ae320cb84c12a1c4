import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../shared/errors.ts';
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
  let result: R;
  try {
    result = await spec.submit(spec.values);
  } catch (error) {
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
  for (const p of (error.details.problems ?? []) as { path: string; message: string }[]) {
    out[fieldOf(p.path)] ??= translateProblem(i18n, p.message);
  }
  return out;
}

/** A service's problem message is a catalogue key; an unknown key gets the generic text. */
export function translateProblem(i18n: I18n, key: string): string {
  const text = i18n.tDynamic(key);
  return text === key ? i18n.t('error.badRequest.text') : text;
}

/** The values of a form as sent: a string per field, a list for checkbox groups. */
export type FormStrings<S extends z.ZodObject> = {
  [K in keyof z.input<S>]-?: NonNullable<z.input<S>[K]> extends readonly unknown[]
    ? string[]
    : string;
};

/**
 * Reads a form body by the form's Zod schema: every field of the schema as the string the
 * user sent (cut to `max` characters), and fields whose schema is an array as a list of
 * strings. It never throws: a missing or odd value is ''. The service validates the result
 * with the same schema.
 */
export function readForm<S extends z.ZodObject>(
  body: unknown,
  schema: S,
  max = 20_000,
): FormStrings<S> {
  const b = (body ?? {}) as Record<string, unknown>;
  const out: Record<string, string | string[]> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = b[key];
    if (isArraySchema(field)) {
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      out[key] = list
        .filter((v): v is string => typeof v === 'string')
        .slice(0, 200)
        .map((v) => v.slice(0, max));
    } else {
      out[key] = typeof raw === 'string' ? raw.slice(0, max) : '';
    }
  }
  return out as FormStrings<S>;
}

function isArraySchema(field: unknown): boolean {
  let def = (field as { def?: { type?: string; innerType?: unknown; in?: unknown } }).def;
  // Look through optional/default/pipe wrappers to the schema the value is parsed with.
  for (let i = 0; i < 5 && def; i += 1) {
    if (def.type === 'array') return true;
    const inner = def.innerType ?? def.in;
    def = (inner as { def?: typeof def } | undefined)?.def;
  }
  return false;
}

/** Form values as strings by a list of names, cut to a sane length (never trusted further). */
export function formStrings<K extends string>(
  body: unknown,
  keys: readonly K[],
  max = 2000,
): Record<K, string> {
  const b = (body ?? {}) as Record<string, unknown>;
  const out = {} as Record<K, string>;
  for (const k of keys) out[k] = typeof b[k] === 'string' ? b[k].slice(0, max) : '';
  return out;
}
