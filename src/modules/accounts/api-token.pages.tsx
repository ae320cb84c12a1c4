import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n/i18n.ts';
import { pageContext, redirectWithFlash, renderDocument, sendPage } from '../../platform/render.ts';
import { AppError, type FieldProblem } from '../../shared/errors.ts';
import type { FieldErrors } from '../../ui/form.tsx';
import {
  apiTokenDays,
  apiTokenName,
  createApiToken,
  listApiTokens,
  revokeApiToken,
} from './api-token.service.ts';
import { ApiTokenCreatedPage } from './views/api-token-created-page.tsx';
import { ApiTokensPage, type ApiTokenFormValues } from './views/api-tokens-page.tsx';

/** The form to create a token: the fields arrive as text; messages are i18n keys. */
export const apiTokenForm = z.object({
  name: apiTokenName,
  expiresInDays: z
    .string('apiToken.expiryInvalid')
    .trim()
    .regex(/^\d{1,6}$/, 'apiToken.expiryInvalid')
    .transform(Number)
    .pipe(apiTokenDays)
    .optional(),
});

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' ? value.slice(0, max) : undefined;

export async function apiTokenPages(app: FastifyInstance): Promise<void> {
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form: { values?: ApiTokenFormValues; errors?: FieldErrors } = {},
  ) => {
    const tokens = await listApiTokens(app.db, request.user!.id);
    return sendPage(
      reply,
      <ApiTokensPage ctx={pageContext(request, reply)} tokens={tokens} {...form} />,
      status,
    );
  };

  app.get('/account/tokens', { config: { permission: 'authenticated' } }, (request, reply) =>
    renderList(request, reply, 200),
  );

  app.post(
    '/account/tokens',
    { config: { permission: 'authenticated' } },
    async (request, reply) => {
      const { t } = request.i18n;
      const raw = (request.body ?? {}) as Record<string, unknown>;
      const values: ApiTokenFormValues = {};
      const name = text(raw.name, 200);
      const days = text(raw.expiresInDays, 20);
      if (name !== undefined) values.name = name;
      if (days !== undefined) values.expiresInDays = days;

      let problems: FieldProblem[];
      const parsed = apiTokenForm.safeParse(raw);
      if (parsed.success) {
        try {
          const input = { name: parsed.data.name, expiresInDays: parsed.data.expiresInDays };
          const created = await createApiToken(app.db, actorOf(request), request.user!.id, input);
          // Shown once, on this response only (no redirect: the token is not kept anywhere).
          const meUrl = `${request.protocol}://${request.host}/api/v1/me`;
          return reply
            .status(200)
            .type('text/html; charset=utf-8')
            .header('cache-control', 'no-store')
            .send(
              renderDocument(
                <ApiTokenCreatedPage
                  ctx={pageContext(request, reply)}
                  apiToken={created.apiToken}
                  token={created.token}
                  meUrl={meUrl}
                />,
              ),
            );
        } catch (error) {
          if (!(error instanceof AppError && error.code === 'VALIDATION_FAILED')) throw error;
          problems = error.details.problems as FieldProblem[];
        }
      } else {
        problems = parsed.error.issues.map((issue) => ({
          path: String(issue.path[0] ?? 'name'),
          message: issue.message,
        }));
      }
      const errors: FieldErrors = {};
      for (const p of problems) errors[p.path || 'name'] ??= t(p.message as MessageKey);
      return renderList(request, reply, 400, { values, errors });
    },
  );

  app.post<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    { config: { permission: 'authenticated' } },
    async (request, reply) => {
      const { t } = request.i18n;
      const result = await revokeApiToken(
        app.db,
        actorOf(request),
        request.user!.id,
        request.params.id,
      );
      const message = result.alreadyRevoked ? 'apiToken.alreadyRevoked' : 'apiToken.revoked';
      return redirectWithFlash(
        reply,
        '/account/tokens',
        t(message, { name: result.apiToken.name }),
      );
    },
  );
}
