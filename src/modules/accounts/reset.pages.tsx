import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { pageContext, redirectWithFlash, sendPage } from '../../platform/render.ts';
import { AppError, type FieldProblem } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import {
  checkToken,
  redeemToken,
  requestPasswordReset,
  RESET_VALID_MINUTES,
  type TokenKind,
} from './reset.service.ts';
import { LinkProblemPage, type LinkProblem } from './views/link-problem-page.tsx';
import { NewPasswordPage } from './views/new-password-page.tsx';
import { ResetRequestPage } from './views/reset-request-page.tsx';

/** The form asking for a reset link. */
export const resetRequestForm = z.object({
  email: z
    .string('reset.emailRequired')
    .trim()
    .min(1, 'reset.emailRequired')
    .max(320, 'reset.emailInvalid')
    .pipe(z.email('reset.emailInvalid')),
});

/** The form choosing a new password, typed twice. */
export const newPasswordForm = z
  .object({
    password: z
      .string('newPassword.required')
      .min(1, 'newPassword.required')
      .max(1024, 'password.tooLong'),
    passwordConfirm: z
      .string('newPassword.confirmRequired')
      .min(1, 'newPassword.confirmRequired')
      .max(1024, 'newPassword.mismatch'),
  })
  // A missing field has its own message; only two given passwords can differ.
  .refine((v) => !v.password || !v.passwordConfirm || v.password === v.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'newPassword.mismatch',
  });

const LINK_PROBLEMS: Record<string, LinkProblem> = {
  TOKEN_INVALID: 'invalid',
  TOKEN_EXPIRED: 'expired',
  TOKEN_USED: 'used',
};

/** Where links in mails point: PUBLIC_URL, or else the address this request came to. */
function baseUrlOf(request: FastifyRequest): string {
  return request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

function fieldErrors(
  request: FastifyRequest,
  problems: readonly { path: PropertyKey[] | string; message: string }[],
  fallback: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = String((Array.isArray(p.path) ? p.path[0] : p.path) || fallback);
    errors[field] ??= request.i18n.t(p.message as MessageKey);
  }
  return errors;
}

export async function resetPages(app: FastifyInstance): Promise<void> {
  const renderRequest = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    props: { email?: string; errors?: FieldErrors; problem?: string },
  ) =>
    sendPage(
      reply,
      <ResetRequestPage ctx={pageContext(request, reply, { withCsrf: true })} {...props} />,
      status,
    );

  app.get('/reset', { config: { permission: 'public' } }, async (request, reply) =>
    renderRequest(request, reply, 200, {}),
  );

  app.post('/reset', { config: { permission: 'public' } }, async (request, reply) => {
    const { t } = request.i18n;
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const email = typeof raw.email === 'string' ? raw.email.slice(0, 320) : '';
    const parsed = resetRequestForm.safeParse(raw);
    if (!parsed.success) {
      return renderRequest(request, reply, 400, {
        email,
        errors: fieldErrors(request, parsed.error.issues, 'email'),
      });
    }
    try {
      await requestPasswordReset(
        app.db,
        app.mailer,
        actorOf(request),
        parsed.data.email,
        baseUrlOf(request),
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS') {
        const minutes = Number(error.details.minutes);
        reply.header('retry-after', String(minutes * 60));
        return renderRequest(request, reply, 429, {
          email,
          problem: t('reset.locked', { minutes }),
        });
      }
      throw error;
    }
    return redirectWithFlash(reply, '/reset', t('reset.sent', { minutes: RESET_VALID_MINUTES }));
  });

  const linkProblem = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const problem = error instanceof AppError ? LINK_PROBLEMS[error.code] : undefined;
    if (!problem) throw error;
    return sendPage(
      reply,
      <LinkProblemPage ctx={pageContext(request, reply)} problem={problem} />,
      (error as AppError).status,
    );
  };

  for (const kind of ['reset', 'invite'] as const satisfies readonly TokenKind[]) {
    const renderForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      status: number,
      token: string,
      email: string,
      errors?: FieldErrors,
    ) =>
      sendPage(
        reply,
        <NewPasswordPage
          ctx={pageContext(request, reply, { withCsrf: true })}
          kind={kind}
          email={email}
          action={`/${kind}/${token}`}
          errors={errors ?? {}}
        />,
        status,
      );

    app.get<{ Params: { token: string } }>(
      `/${kind}/:token`,
      { config: { permission: 'public' } },
      async (request, reply) => {
        const { token } = request.params;
        let email: string;
        try {
          ({ email } = await checkToken(app.db, kind, token));
        } catch (error) {
          return linkProblem(request, reply, error);
        }
        return renderForm(request, reply, 200, token, email);
      },
    );

    app.post<{ Params: { token: string } }>(
      `/${kind}/:token`,
      { config: { permission: 'public' } },
      async (request, reply) => {
        const { token } = request.params;
        let email: string;
        try {
          ({ email } = await checkToken(app.db, kind, token));
        } catch (error) {
          return linkProblem(request, reply, error);
        }
        const parsed = newPasswordForm.safeParse(request.body ?? {});
        if (!parsed.success) {
          const errors = fieldErrors(request, parsed.error.issues, 'password');
          return renderForm(request, reply, 400, token, email, errors);
        }
        try {
          await redeemToken(app.db, actorOf(request), kind, token, parsed.data.password);
        } catch (error) {
          if (error instanceof AppError && error.code === 'VALIDATION_FAILED') {
            const problems = (error.details.problems ?? []) as FieldProblem[];
            return renderForm(
              request,
              reply,
              400,
              token,
              email,
              fieldErrors(request, problems, 'password'),
            );
          }
          return linkProblem(request, reply, error);
        }
        return redirectWithFlash(reply, '/login', request.i18n.t('flash.passwordSaved'));
      },
    );
  }
}
