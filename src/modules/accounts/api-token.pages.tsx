import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../platform/auth.ts';
import { pageWithForms } from '../../platform/form-page.ts';
import { readForm, submitForm } from '../../platform/forms.ts';
import { renderPage } from '../../platform/render.ts';
import {
  API_TOKEN_DAYS,
  createApiToken,
  listApiTokens,
  newApiTokenInput,
  revokeAllApiTokens,
  revokeApiToken,
} from './api-token.service.ts';
import { errors } from '../../shared/errors.ts';
import { ApiTokenCreatedPage } from './views/api-token-created-page.tsx';
import { RevokeAllTokensPage, RevokeTokenPage } from './views/api-token-confirm.tsx';
import { ApiTokensPage, type ApiTokenFormValues } from './views/api-tokens-page.tsx';

export async function apiTokenPages(app: FastifyInstance): Promise<void> {
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values?: ApiTokenFormValues,
  ) => {
    const tokens = await listApiTokens(app.db, request.user!.id);
    return renderPage(reply, ApiTokensPage, { tokens, values });
  };

  const tokens = pageWithForms(
    app,
    '/account/tokens',
    { config: { permission: 'authenticated' } },
    (request, reply) => renderList(request, reply),
  );

  tokens.post('', (request, reply, _params, run) => {
    const values = readForm(request.body, newApiTokenInput);
    // A form without the field at all (a script) takes the default; an emptied one is a problem.
    if (!Object.hasOwn(request.body ?? {}, 'expiresInDays')) {
      values.expiresInDays = String(API_TOKEN_DAYS.default);
    }
    return run({
      values,
      submit: (v) => createApiToken(app.db, actorOf(request), request.user!.id, v),
      invalid: () => renderList(request, reply, values),
      // Shown once, on this response only (no redirect: the token is not kept anywhere).
      show: (created) =>
        renderPage(
          reply,
          ApiTokenCreatedPage,
          {
            apiToken: created.apiToken,
            token: created.token,
            meUrl: `${request.protocol}://${request.host}/api/v1/me`,
          },
          { status: 200, cacheControl: 'no-store' },
        ),
    });
  });

  // Revoking asks first (decision 033): the buttons on the list lead to these pages. A key
  // revoked in the meantime, or none left to revoke, has nothing to confirm: the list.
  app.get(
    '/account/tokens/revoke-all',
    { config: { permission: 'authenticated' } },
    async (request, reply) => {
      const active = (await listApiTokens(app.db, request.user!.id)).filter(
        (token) => token.status === 'active',
      );
      if (active.length === 0) return reply.redirect('/account/tokens', 303);
      return renderPage(reply, RevokeAllTokensPage, { active });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    { config: { permission: 'authenticated' } },
    async (request, reply) => {
      // Only the person's own keys; another's is no key of theirs (404).
      const token = (await listApiTokens(app.db, request.user!.id)).find(
        (t) => t.id === request.params.id,
      );
      if (!token) throw errors.routeNotFound(request.method, request.url);
      if (token.status === 'revoked') return reply.redirect('/account/tokens', 303);
      return renderPage(reply, RevokeTokenPage, { token });
    },
  );

  // Every token that still works, at once (e.g. when one may have leaked).
  tokens.post('/revoke-all', (request, _reply, _params, run) =>
    run({
      values: {},
      submit: () => revokeAllApiTokens(app.db, actorOf(request), request.user!.id),
      done: (count) =>
        count > 0
          ? { to: '/account/tokens', flash: 'apiToken.revokedAll', params: { count } }
          : { to: '/account/tokens', flash: 'apiToken.noneToRevoke' },
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    { config: { permission: 'authenticated' } },
    async (request, reply) =>
      submitForm(request, reply, {
        values: {},
        submit: () => revokeApiToken(app.db, actorOf(request), request.user!.id, request.params.id),
        invalid: () => renderList(request, reply),
        done: (result) => ({
          to: '/account/tokens',
          flash: result.alreadyRevoked ? 'apiToken.alreadyRevoked' : 'apiToken.revoked',
          params: { name: result.apiToken.name },
        }),
      }),
  );
}
