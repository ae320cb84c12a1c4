import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import cookie, { Signer } from '@fastify/cookie';
import compress from '@fastify/compress';
import formbody from '@fastify/formbody';
import proxyAddr from '@fastify/proxy-addr';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config/config.ts';
import type { Db } from './db/database.ts';
import { ensureSetting, hasDemoData } from './db/settings.ts';
import { accountsPort, jobs, metricsSources, modules } from './modules/registry.ts';
import { sitemapRoutes } from './platform/sitemap.ts';
import { multipartOptions, registerBodyLimits } from './platform/uploads.ts';
import { registerAuth } from './platform/auth.ts';
import { registerCsrf } from './platform/csrf.ts';
import { registerInputGuard } from './platform/input-guard.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';
import { errors } from './shared/errors.ts';
import { handleError, registerErrorHandling } from './platform/error-handler.tsx';
import { errorCatalogueApi } from './platform/error-catalogue.api.ts';
import { pageCacheVariant, registerI18n, rewriteLocaleUrl } from './platform/i18n/plugin.ts';
import { registerForms } from './platform/forms.ts';
import { registerOpenApi } from './platform/openapi.ts';
import { registerPageCache, releaseId } from './platform/page-cache.ts';
import { frontCache, type RequestHandler } from './platform/front-cache.ts';
import { currentGeneration } from './platform/read-cache.ts';
import { registerMetrics } from './platform/metrics.ts';
import { registerSecurityHeaders } from './platform/security-headers.ts';
import { loadStylesheet, registerStylesheet } from './platform/stylesheet.ts';
import { registerRateLimits } from './platform/rate-limit.ts';
import { Scheduler } from './platform/scheduler.ts';
import { UndeclaredPermissionError, type RegisteredRoute } from './platform/permissions.ts';
import { serializeRequest } from './platform/log-redaction.ts';
import { OneLineRequestLog } from './platform/request-log.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    /**
     * Mutable process state. `ready` is false while main.ts still waits to migrate a
     * database that was unreachable at start: everything but /healthz answers 503.
     */
    state: { demo: boolean; ready: boolean };
    assetVersion: string;
    mailer: Mailer;
  }
}

export const PUBLIC_DIR = fileURLToPath(new URL('./ui/public/', import.meta.url));
/** The stylesheet, joined from its parts (src/ui/styles) once; its hash is the asset version. */
const STYLESHEET = loadStylesheet();
/** The running code and assets, part of every page's ETag (decision 030); computed once. */
const RELEASE = releaseId(fileURLToPath(new URL('.', import.meta.url)));

export interface BuildOptions {
  config: Config;
  db: Db;
  /** Pino options or false; tests pass false. */
  logger?: boolean | Record<string, unknown>;
}

/** Browser features the portal never uses, turned off for every page. */
const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';

/** The open API (`/api/v1/…`, `/api/errors`, `/api/openapi.json`). */
const isOpenApi = (url: string) => url.startsWith('/api/');

/** Builds the app with its plugins and modules, in a fixed order. Never listens. */
export async function buildApp({ config, db, logger }: BuildOptions): Promise<FastifyInstance> {
  // Whose X-Forwarded-For is believed: Fastify's and the front's request log agree.
  const trust =
    typeof config.trustProxy === 'number'
      ? (_address: string, hop: number) => hop < (config.trustProxy as number)
      : typeof config.trustProxy === 'string'
        ? proxyAddr.compile(config.trustProxy.split(','))
        : undefined;
  // Fastify's handler, and in front of it the page cache's (set once the cache exists).
  let fastifyHandler: RequestHandler = () => undefined;
  let handle: RequestHandler = (req, res) => fastifyHandler(req, res);
  const app = Fastify({
    // The server as Fastify makes it (timeouts from its options), with the front of the page
    // cache before Fastify's handler (src/platform/front-cache.ts, decision 045).
    serverFactory: (handler, fastifyOptions) => {
      fastifyHandler = handler;
      const options = fastifyOptions as {
        keepAliveTimeout?: number;
        requestTimeout?: number;
        connectionTimeout?: number;
        maxRequestsPerSocket?: number;
      };
      const server = createServer((req: IncomingMessage, res: ServerResponse) => handle(req, res));
      server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
      server.requestTimeout = options.requestTimeout ?? 0;
      server.setTimeout(options.connectionTimeout ?? 0);
      if ((options.maxRequestsPerSocket ?? 0) > 0)
        server.maxRequestsPerSocket = options.maxRequestsPerSocket!;
      return server;
    },
    // The request log never keeps a one-time link's secret (src/platform/log-redaction.ts).
    logger:
      logger === false
        ? false
        : {
            level: config.logLevel,
            ...(typeof logger === 'object' ? logger : {}),
            serializers: { req: serializeRequest },
          },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming)
        ? incoming
        : randomUUID();
    },
    // One line per request, with the request in it (src/platform/request-log.ts).
    logController: new OneLineRequestLog(),
    // X-Forwarded-For only from the configured proxies (TRUST_PROXY; off by default).
    trustProxy: trust ?? false,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: (error, request, reply) => void handleError(error, request, reply),
    // Language in the address: `/da/meetings` is routed as `/meetings` in Danish.
    rewriteUrl: rewriteLocaleUrl,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('state', { demo: await hasDemoData(db).catch(() => false), ready: true });
  app.decorate('assetVersion', STYLESHEET.version);
  app.decorate('mailer', createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }));
  // Modules register their jobs here; main.ts starts them (tests and the CLI never do).
  app.decorate('scheduler', new Scheduler(jobs));

  // Every route must declare a permission; checked once all routes are known.
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    routes.push({
      method: route.method,
      url: route.url,
      get permission() {
        return route.config?.permission;
      },
    });
  });
  app.addHook('onReady', async () => {
    const undeclared = routes.filter((r) => !r.permission);
    if (undeclared.length > 0) throw new UndeclaredPermissionError(undeclared);
  });
  app.decorate('registeredRoutes', () => [...routes]);

  app.addHook('onRequest', async (request) => {
    if (!app.state.ready && request.url !== '/healthz') throw errors.databaseUnavailable();
  });
  registerBodyLimits(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id).header('permissions-policy', PERMISSIONS_POLICY);
    // The open API may be read by other sites' browser apps (open data): simple GETs only,
    // never with the reader's cookies (no Allow-Credentials), so a session cannot be used.
    if ((request.method === 'GET' || request.method === 'HEAD') && isOpenApi(request.url)) {
      reply
        .header('access-control-allow-origin', '*')
        .header('access-control-expose-headers', 'Content-Language, Link, X-Request-Id');
    }
    done(null, payload);
  });
  app.addHook('onClose', async () => {
    app.scheduler.stop();
    app.mailer.close();
    await db.destroy();
  });

  // Every response counted for /metrics (decision 041); a page-cache hit too.
  const observeResponse = registerMetrics(app, {
    token: config.metricsToken,
    sources: metricsSources,
  });
  // Platform plugins. The page cache first: a hit replays a stored response at once; and a
  // hit replayed once is sent again by the front, before Fastify.
  const pageCache = registerPageCache(app, config.pageCacheTtlMs, pageCacheVariant, RELEASE);
  let turnGeneration: Promise<number> | null = null;
  handle = frontCache(
    {
      front: pageCache,
      generation: () => {
        // One read for the requests that arrive in the same turn of the event loop: none of
        // them can follow a write that commits in that turn (its answer is not sent yet).
        if (turnGeneration) return turnGeneration;
        const now = db.generationsNow?.();
        turnGeneration = now
          ? Promise.resolve(now.get('public') ?? 0)
          : currentGeneration(db.kysely, 'public');
        setImmediate(() => (turnGeneration = null));
        return turnGeneration;
      },
      ready: () => app.state.ready,
      rewrite: rewriteLocaleUrl,
      hostUntrusted: !config.publicUrl && config.trustProxy !== false,
      clientAddress: (req) => (trust ? proxyAddr(req, trust) : (req.socket.remoteAddress ?? '')),
      log: app.log,
      observe: observeResponse,
    },
    (req, res) => fastifyHandler(req, res),
  );
  registerSecurityHeaders(app, config.env === 'production');
  await app.register(cookie, {
    secret: cachingSigner(await cookieSecret(config, db)),
    // Every cookie (set or cleared) is Secure in production, whatever the code setting it says.
    parseOptions: { secure: config.env === 'production' },
  });
  // HTML, CSS, JSON, CSV, XML, feeds and calendars, Brotli (quality 4) or gzip, from 1 KB;
  // a cached page is compressed once per entry instead (src/platform/page-cache.ts).
  await app.register(compress, { encodings: ['br', 'gzip'], threshold: 1024 });
  await registerRateLimits(app);
  await app.register(formbody);
  await app.register(multipart, multipartOptions);
  registerInputGuard(app);
  registerI18n(app);
  registerForms(app);
  registerAuth(app, accountsPort());
  await registerCsrf(app);
  registerErrorHandling(app);
  await app.register(async (scope) => {
    markPublic(scope);
    await scope.register(fastifyStatic, {
      root: PUBLIC_DIR,
      prefix: '/static/',
      cacheControl: false,
    });
    // The stylesheet, joined from its parts once at start (src/ui/styles).
    registerStylesheet(scope, STYLESHEET);
    // Versioned addresses (`?v=` the current asset version, as the layout writes them) never
    // change: kept a year. Any other address is revalidated (ETag, Last-Modified).
    scope.addHook('onSend', (request, reply, payload, done) => {
      const version = (request.query as { v?: unknown } | undefined)?.v;
      reply.header(
        'cache-control',
        version === app.assetVersion
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
      );
      done(null, payload);
    });
  });
  await registerOpenApi(app, markPublic);

  // The platform's own API: the error catalogue; and the sitemap of every module's public pages.
  await app.register(errorCatalogueApi);
  await app.register(sitemapRoutes(modules.flatMap((m) => (m.sitemap ? [m.sitemap] : []))));

  // Modules: each one's routes, in registry order (src/modules/registry.ts).
  for (const module of modules) {
    for (const routes of module.routes ?? []) {
      if (typeof routes === 'function') await app.register(routes);
      else await app.register(routes.plugin, { prefix: routes.prefix });
    }
  }

  return app;
}

/** Routes registered by third-party plugins inside `scope` are public. */
function markPublic(scope: FastifyInstance): void {
  scope.addHook('onRoute', (route) => {
    route.config = { ...route.config, permission: route.config?.permission ?? 'public' };
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: () => RegisteredRoute[];
  }
}

/** The configured secret, or in development one kept in the database across restarts. */
async function cookieSecret(config: Config, db: Db): Promise<string> {
  if (config.cookieSecret) return config.cookieSecret;
  const make = () => randomBytes(32).toString('base64url');
  return ensureSetting(db.kysely, 'cookie_secret', make).catch(make);
}

/**
 * The cookie signer with a small memo of checked signatures: a signed-in person sends the
 * same signed session cookie with every request, and checking its HMAC each time cost
 * 13 % of a signed-in page (issue 16). Only the results for the exact signed text are
 * remembered, so a forged or changed cookie is still checked (and refused).
 */
function cachingSigner(secret: string): { sign: Signer['sign']; unsign: Signer['unsign'] } {
  const signer = new Signer(secret);
  const checked = new Map<string, ReturnType<Signer['unsign']>>();
  return {
    sign: (value) => signer.sign(value),
    unsign: (signed) => {
      let result = checked.get(signed);
      if (result === undefined) {
        result = signer.unsign(signed);
        if (checked.size >= 2000) checked.clear();
        checked.set(signed, result);
      }
      return result;
    },
  };
}
