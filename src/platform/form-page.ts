import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { submitForm, type FormSpec } from './forms.ts';

type Shown = Promise<FastifyReply> | FastifyReply;

/** A form's spec (see `submitForm`) but for `invalid`: each side of the union without it. */
type FormWithoutInvalid<V, R> =
  FormSpec<V, R> extends infer S ? (S extends unknown ? Omit<S, 'invalid'> : never) : never;

/** A form of a page: `submitForm`'s spec, where `invalid` is by default the page again. */
export type PageForm<V, R> = FormWithoutInvalid<V, R> & {
  invalid?: FormSpec<V, R>['invalid'];
};

/** The parsed path parameters of a route with the params schema `P` (none: `{}`). */
type ParamsOf<P> = P extends z.ZodType ? z.output<P> : Record<string, never>;

/** The path parameters, validated (and so parsed) by the params schema before the handler. */
const paramsOf = <P>(request: FastifyRequest) => request.params as ParamsOf<P>;

/** Shows the page of an address (GET, and again for a refused form). */
type ShowPage<P> = (request: FastifyRequest, reply: FastifyReply, params: ParamsOf<P>) => Shown;

/** What a page and the forms on it share: who may use them, and the path's parameters. */
export interface PageOptions<P extends z.ZodType | undefined> {
  config: FastifyContextConfig;
  schema?: { params: P };
}

/** Runs a form of the address the one way (`submitForm`); its `invalid` is optional. */
export type RunForm = <V, R>(form: PageForm<V, R>) => Promise<FastifyReply>;

/** A form of an address: made for each request, from its path parameters, and run. */
type FormOf<P> = (
  request: FastifyRequest,
  reply: FastifyReply,
  params: ParamsOf<P>,
  run: RunForm,
) => Promise<FastifyReply> | FastifyReply;

/** The forms of one address (see `formsAt`): `post(to, form)` adds one. */
export interface Forms<P> {
  post: (to: string, form: FormOf<P>) => void;
}

/**
 * Forms that post to `path` + each one's own `to` (DESIGN §3.6): every route takes the same
 * options (permission, path parameters), each form runs the one way (`submitForm`), and a
 * refused form shows the page `show` again unless the form says how (`invalid`, e.g. with
 * the values as sent).
 */
export function formsAt<P extends z.ZodType | undefined = undefined>(
  app: FastifyInstance,
  path: string,
  options: PageOptions<P>,
  show: ShowPage<P>,
): Forms<P> {
  return {
    post(to, form) {
      app.post(`${path}${to}`, options, async (request, reply) => {
        const params = paramsOf<P>(request);
        function run<V, R>(spec: PageForm<V, R>): Promise<FastifyReply> {
          const again: FormSpec<V, R>['invalid'] = () => show(request, reply, params);
          return submitForm(request, reply, { invalid: again, ...spec });
        }
        return form(request, reply, params, run);
      });
    },
  };
}

/** A page (GET `path`, with the same options) and the forms on it (see `formsAt`). */
export function pageWithForms<P extends z.ZodType | undefined = undefined>(
  app: FastifyInstance,
  path: string,
  options: PageOptions<P>,
  show: ShowPage<P>,
): Forms<P> {
  app.get(path, options, (request, reply) => show(request, reply, paramsOf<P>(request)));
  return formsAt(app, path, options, show);
}

/**
 * A page with one form that posts to its own address: GET shows the page, POST runs the
 * form, and a problem shows the same page again with what was sent.
 */
export function formPage<V, R>(
  app: FastifyInstance,
  path: string,
  options: PageOptions<undefined>,
  spec: {
    /** The page; on a second showing, with the values as sent. */
    show: (request: FastifyRequest, reply: FastifyReply, values?: V) => Shown;
    /** The form: what was sent, the service call, and where to go next. */
    form: (request: FastifyRequest, reply: FastifyReply) => FormWithoutInvalid<V, R>;
  },
): void {
  pageWithForms(app, path, options, (request, reply) => spec.show(request, reply)).post(
    '',
    (request, reply, _params, run) =>
      run<V, R>({
        ...spec.form(request, reply),
        invalid: ({ values }) => spec.show(request, reply, values),
      }),
  );
}
