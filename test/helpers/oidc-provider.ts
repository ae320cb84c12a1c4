import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';

/**
 * A real OpenID provider (oidc-provider) on loopback for tests: one confidential client
 * (authorization code flow, PKCE required, client_secret_basic), test users with `email`,
 * `name` and `groups` claims, and its own small login and consent pages instead of the
 * development interactions, plain HTML that a browser (and fetch) can use:
 *
 * - GET  /interaction/:uid          the prompt: a login form or a consent form
 * - POST /interaction/:uid/login    logs in the account whose id is in the field `login`
 * - POST /interaction/:uid/confirm  grants the requested scopes and claims
 * - POST /interaction/:uid/abort    denies (the client gets `access_denied`)
 *
 * Each page names its prompt in `<main data-prompt="login|consent">`.
 */

export const TEST_CLIENT_ID = 'vanortsportalen';
export const TEST_CLIENT_SECRET = 'the-client-secret-of-the-test-client';

/** An OIDC_ROLE_MAPPING for the groups of the test users. */
export const TEST_ROLE_MAPPING = {
  groups: {
    'vanort-admins': [{ role: 'admin' }],
    'kultur-rapportorer': [{ role: 'reporter', organisation: 'kulturforvaltningen' }],
    'bergen-contacts': [{ role: 'partner', city: 'bergen' }],
  },
  defaultRoles: [{ role: 'staff' }],
};

export interface TestAccount {
  email: string;
  name: string;
  groups: string[];
}

export interface TestProvider {
  /** http://127.0.0.1:<port> */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The users by account id (the `sub` claim); change it freely between logins. */
  accounts: Map<string, TestAccount>;
  close: () => Promise<void>;
}

export interface TestProviderOptions {
  /** The client's only redirect URI, e.g. http://127.0.0.1:1234/auth/oidc/callback. */
  redirectUri: string;
  /** The port to listen on (default 0: any free one). */
  port?: number;
  /** The first users, by account id. */
  accounts?: Record<string, TestAccount>;
}

/** The environment that points the app at this provider. */
export function oidcEnv(
  provider: TestProvider,
  roleMapping: unknown = TEST_ROLE_MAPPING,
): Record<string, string> {
  return {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_ROLE_MAPPING: JSON.stringify(roleMapping),
  };
}

// ---- The interaction pages ----------------------------------------------------------

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(title: string, prompt: string, body: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Testinloggningen</title>
</head>
<body>
<main data-prompt="${escapeHtml(prompt)}">
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function loginPage(uid: string, problem?: string): string {
  const error = problem ? `<p id="login-error" role="alert">${escapeHtml(problem)}</p>\n` : '';
  return page(
    'Logga in',
    'login',
    `${error}<form method="post" action="/interaction/${uid}/login">
<p><label for="login">Användar-id</label>
<input id="login" name="login" type="text" autocomplete="username" required${problem ? ' aria-describedby="login-error"' : ''}></p>
<p><button type="submit">Logga in</button></p>
</form>
<form method="post" action="/interaction/${uid}/abort">
<p><button type="submit">Avbryt</button></p>
</form>`,
  );
}

function consentPage(uid: string, clientId: string, scopes: string[]): string {
  const items = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return page(
    'Godkänn',
    'consent',
    `<p>Tjänsten ${escapeHtml(clientId)} vill få dessa uppgifter om dig:</p>
<ul>${items}</ul>
<form method="post" action="/interaction/${uid}/confirm">
<p><button type="submit">Godkänn</button></p>
</form>
<form method="post" action="/interaction/${uid}/abort">
<p><button type="submit">Avbryt</button></p>
</form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

// ---- The provider ---------------------------------------------------------------------

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>(Object.entries(options.accounts ?? {}));

  const interaction = async (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    action?: string,
  ) => {
    const p = provider;
    const details = await p.interactionDetails(req, res);
    const html = (status: number, body: string) => {
      res.statusCode = status;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('cache-control', 'no-store');
      res.end(body);
    };
    if (req.method === 'GET') {
      if (details.prompt.name === 'login') return html(200, loginPage(uid));
      const missing = details.prompt.details as { missingOIDCScope?: string[] };
      return html(
        200,
        consentPage(uid, String(details.params.client_id), missing.missingOIDCScope ?? []),
      );
    }
    const form = await readForm(req);
    if (action === 'login') {
      const accountId = form.get('login')?.trim() ?? '';
      if (!accounts.has(accountId)) {
        return html(400, loginPage(uid, `Det finns ingen användare med id "${accountId}".`));
      }
      await p.interactionFinished(req, res, { login: { accountId } });
    } else if (action === 'confirm') {
      const accountId = details.session?.accountId;
      const clientId = String(details.params.client_id);
      const grant = details.grantId
        ? ((await p.Grant.find(details.grantId)) ?? new p.Grant({ accountId, clientId }))
        : new p.Grant({ accountId, clientId });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await p.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
    } else {
      await p.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'The user cancelled',
      });
    }
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(path);
    if (match) {
      interaction(req, res, match[1] ?? '', match[2]).catch((error: unknown) => {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end(String(error));
      });
      return;
    }
    void provider.callback()(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        client_secret: TEST_CLIENT_SECRET,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['a-cookie-key-of-the-test-provider'] },
    pkce: { required: () => true },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Grant: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, i) => `/interaction/${i.uid}` },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: (_ctx, sub): Account | undefined => {
      const account = accounts.get(sub);
      return account
        ? {
            accountId: sub,
            claims: () => ({
              sub,
              email: account.email,
              email_verified: true,
              name: account.name,
              groups: account.groups,
            }),
          }
        : undefined;
    },
  });
  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
