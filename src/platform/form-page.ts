import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { submitForm, type FormSpec } from './forms.ts';

/** A form's spec (see `submitForm`) but for `invalid`: each side of the union without it. */
type FormWithoutInvalid<V, R> =
  FormSpec<V, R> extends infer S ? (S extends unknown ? Omit<S, 'invalid'> : never) : never;

/**
 * A page with a form that posts to its own address (DESIGN §3.6): GET shows the page, POST
 * runs the form the one way (`submitForm`), and a problem shows the same page again with
 * what was sent. Both routes take the same options (permission, schema).
 */
export function formPage<V, R>(
  app: FastifyInstance,
  path: string,
  options: RouteShorthandOptions,
  spec: {
    /** The page; on a second showing, with the values as sent. */
    show: (
      request: FastifyRequest,
      reply: FastifyReply,
      values?: V,
    ) => Promise<FastifyReply> | FastifyReply;
    /** The form: what was sent, the service call, and where to go next. */
    form: (request: FastifyRequest, reply: FastifyReply) => FormWithoutInvalid<V, R>;
  },
): void {
  app.get(path, options, (request, reply) => spec.show(request, reply));
  app.post(path, options, (request, reply) =>
    submitForm(request, reply, {
      ...spec.form(request, reply),
      invalid: ({ values }) => spec.show(request, reply, values),
    }),
  );
}
