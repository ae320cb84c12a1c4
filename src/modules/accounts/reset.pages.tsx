import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import { handleError } from '../../platform/error-handler.tsx';
import { pageWithForms } from '../../platform/form-page.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { publicLimited } from '../../platform/route-options.ts';
import { renderPage } from '../../platform/render.ts';
import { AppError } from '../../shared/errors.ts';
import { lockoutMessage } from './account.pages.tsx';
import { newPasswordForm, resetRequestForm } from './account.schema.ts';
import {
  checkToken,
  chooseNewPassword,
  requestPasswordReset,
  RESET_VALID_MINUTES,
  type TokenKind,
} from './reset.service.ts';
import { LinkProblemPage, type LinkProblem } from './views/link-problem-page.tsx';
import { NewPasswordPage } from './views/new-password-page.tsx';
import { ResetRequestPage } from './views/reset-request-page.tsx';

/** The token of a mailed link (any text: a wrong one gets the link's problem page). */
const tokenParams = z.object({ token: z.string() });

const LINK_PROBLEMS: Record<string, LinkProblem> = {
  TOKEN_INVALID: 'invalid',
  TOKEN_EXPIRED: 'expired',
  TOKEN_USED: 'used',
};

/** Where links in mails point: PUBLIC_URL, or else the address this request came to. */
function baseUrlOf(request: FastifyRequest): string {
  return request.server.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export async function resetPages(app: FastifyInstance): Promise<void> {
  // Encapsulated: only this plugin's routes. A link that cannot be used (unknown, used,
  // expired) gets a page that says why and how to get a new one.
  app.setErrorHandler((error, request, reply) => {
    const problem = error instanceof AppError ? LINK_PROBLEMS[error.code] : undefined;
    if (!problem) return handleError(error, request, reply);
    return renderPage(reply, LinkProblemPage, { problem }, { status: (error as AppError).status });
  });

  const renderRequest = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { email?: string } = {},
    status?: number,
  ) => renderPage(reply, ResetRequestPage, { values }, { withCsrf: true, status });

  app.get('/reset', { config: { permission: 'public' } }, async (request, reply) =>
    renderRequest(request, reply),
  );

  // Per address, RESET_RATE_LIMIT posts a minute (besides the limits per account and address).
  app.post('/reset', publicLimited(app.config.resetRateLimit), async (request, reply) => {
    const values = readForm(request.body, resetRequestForm);
    return submitForm(request, reply, {
      values,
      submit: (v) =>
        requestPasswordReset(app.db, app.mailer, actorOf(request), v.email, baseUrlOf(request)),
      // Too many requests lately: 429 with Retry-After, a problem of the whole form.
      refused: (error) => {
        const locked = lockoutMessage(request, reply, error, 'reset.locked');
        return locked ? { form: locked } : null;
      },
      invalid: ({ error }) => renderRequest(request, reply, values, error.status),
      done: () => ({ to: '/reset', flash: 'reset.sent', params: { minutes: RESET_VALID_MINUTES } }),
    });
  });

  for (const kind of ['reset', 'invite'] as const satisfies readonly TokenKind[]) {
    const renderForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      token: string,
      email: string,
    ) =>
      renderPage(
        reply,
        NewPasswordPage,
        { kind, email, action: `/${kind}/${token}` },
        { withCsrf: true },
      );

    pageWithForms(
      app,
      `/${kind}/:token`,
      { config: { permission: 'public' }, schema: { params: tokenParams } },
      async (request, reply, { token }) => {
        const { email } = await checkToken(app.db, kind, token);
        return renderForm(request, reply, token, email);
      },
    ).post('', async (request, reply, { token }, run) => {
      // The link first: a bad one gets its page, whatever the form says.
      const { email } = await checkToken(app.db, kind, token);
      return run({
        // Never sent back: the fields stay empty on the re-render.
        values: readForm(request.body, newPasswordForm),
        submit: (v) => chooseNewPassword(app.db, actorOf(request), kind, token, v),
        invalid: () => renderForm(request, reply, token, email),
        done: () => ({ to: '/login', flash: 'flash.passwordSaved' }),
      });
    });
  }
}
