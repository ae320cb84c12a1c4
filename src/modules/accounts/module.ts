import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { seedAccountsDemo } from './account.demo.ts';
import { accountPages } from './account.pages.tsx';
import { resolveSession } from './account.service.ts';
import { apiTokenPages } from './api-token.pages.tsx';
import { resolveApiToken } from './api-token.service.ts';
import { meApi } from './me.api.ts';
import { mfaPages } from './mfa.pages.tsx';
import { mustEnrollMfa } from './mfa.service.ts';
import { oidcPages } from './oidc.pages.tsx';
import { resetPages } from './reset.pages.tsx';
import { accountsErrorSpecs } from './errors.ts';

export const accountsModule = defineModule({
  name: 'accounts',
  purpose:
    'users, roles, sessions, login with password, two-step verification, SSO (OpenID Connect), password reset and invitations, API tokens',
  routes: [
    { plugin: meApi, prefix: '/api/v1' },
    mfaPages,
    accountPages,
    oidcPages,
    apiTokenPages,
    resetPages,
  ],
  errors: accountsErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  protectedRoutes: {
    'GET /account': 'authenticated',
    'POST /logout': 'authenticated',
    'POST /account/logout-everywhere': 'authenticated',
    'POST /account/language': 'authenticated',
    'GET /account/tokens': 'authenticated',
    'POST /account/tokens': 'authenticated',
    'POST /account/tokens/:id/revoke': 'authenticated',
    'POST /account/tokens/revoke-all': 'authenticated',
    'GET /account/tokens/:id/revoke': 'authenticated',
    'GET /account/tokens/revoke-all': 'authenticated',
    'GET /api/v1/me': 'authenticated',
    'GET /account/mfa': 'authenticated',
    'POST /account/mfa/enroll': 'authenticated',
    'POST /account/mfa/confirm': 'authenticated',
    'POST /account/mfa/disable': 'authenticated',
  },
  accounts: {
    resolveSession: (db, token, policy) => resolveSession(db, token, policy),
    resolveApiToken: (db, bearer) => resolveApiToken(db, bearer),
    mustEnrollMfa,
  },
  demo: seedAccountsDemo,
  tables: ['app_user', 'user_role', 'session', 'user_token', 'api_token', 'login_attempt'],
});
