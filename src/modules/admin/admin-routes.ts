import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { formStrings, submitForm } from '../../platform/forms.ts';
import type { Actor } from '../../platform/identity.ts';
import type { AppError } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/fields.tsx';

/** Every administration route is for administrators only. */
export const ADMIN = { permission: 'admin' } as const;

const idParams = z.object({ id: z.string().max(100) });

type Handler = (
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
) => Promise<FastifyReply> | FastifyReply;

/** An administration route on one thing, by the `:id` in its path. */
export function byId(app: FastifyInstance, method: 'get' | 'post', path: string, handler: Handler) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: method === 'get' ? 'GET' : 'POST',
    url: path,
    config: ADMIN,
    schema: { params: idParams },
    handler: (request, reply) => handler(request, reply, request.params.id),
  });
}

/**
 * POST `<base>/:id/active`: makes one thing (a user, an organisation) active or inactive;
 * the form sends `active` = 1 or 0. Back to `back(id)` with "saved", or the page re-rendered.
 */
export function activeRoute(
  app: FastifyInstance,
  base: string,
  options: {
    set: (actor: Actor, id: string, active: boolean) => Promise<unknown>;
    invalid: Handler;
    back: (id: string) => string;
    refused?: (error: AppError, request: FastifyRequest) => FieldErrors | null;
  },
) {
  byId(app, 'post', `${base}/:id/active`, (request, reply, id) =>
    submitForm(request, reply, {
      values: formStrings(request.body, ['active'], 10),
      submit: (v) => options.set(actorOf(request), id, v.active === '1'),
      refused: options.refused && ((error) => options.refused!(error, request)),
      invalid: () => options.invalid(request, reply, id),
      done: () => ({ to: options.back(id), flash: 'flash.saved' }),
    }),
  );
}
