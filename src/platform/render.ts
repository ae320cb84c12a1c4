import type { FastifyReply, FastifyRequest } from 'fastify';
import { h, type ComponentChildren, type JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PageContext } from './page-context.ts';
import { DEFAULT_LOCALE } from './i18n/locales.ts';
import { localizeHtml } from './i18n/paths.ts';

/** Renders a full page (a <html> tree) to a string with the doctype. */
export function renderDocument(node: JSX.Element): string {
  return '<!doctype html>' + renderToString(node);
}

export const FLASH_COOKIE = 'flash';

/**
 * The page context of a request. With a reply, a CSRF token is made when the page
 * needs one (a logged-in user's header has a logout form; `withCsrf` for other forms)
 * and a flash message is taken (and cleared).
 */
export function pageContext(
  request: FastifyRequest,
  reply?: FastifyReply,
  options: { withCsrf?: boolean } = {},
): PageContext {
  const app = request.server;
  const wantsCsrf = reply !== undefined && (options.withCsrf === true || request.user !== null);
  let flash: string | null = null;
  if (reply !== undefined && request.cookies[FLASH_COOKIE]) {
    flash = request.cookies[FLASH_COOKIE].slice(0, 200);
    reply.clearCookie(FLASH_COOKIE, { path: '/' });
  }
  return {
    i18n: request.i18n,
    path: request.url.split('?')[0] ?? '/',
    url: request.url,
    offeredLocale: request.offeredLocale ?? null,
    demo: app.state.demo,
    assetVersion: app.assetVersion,
    user: request.user ?? null,
    csrfToken: wantsCsrf && reply !== undefined ? reply.generateCsrf() : null,
    flash,
    formErrors: request.formErrors ?? {},
  };
}

/** Redirects after a successful POST (303), with a message for the next page. */
export function redirectWithFlash(
  reply: FastifyReply,
  location: string,
  message: string,
): FastifyReply {
  reply.setCookie(FLASH_COOKIE, message, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: reply.server.config.env === 'production',
    maxAge: 60,
  });
  return reply.redirect(location, 303);
}

/**
 * Sends a page; without a status, the reply's (200, or 400 when the form helper re-renders).
 * A signed-in person's page is never stored by a browser or proxy (`no-store`: it names them
 * and may hold personal data); a public page may be kept but is revalidated (`no-cache`).
 */
export function sendPage(
  reply: FastifyReply,
  node: JSX.Element,
  status?: number,
  options: { cacheControl?: 'no-cache' | 'no-store' } = {},
): FastifyReply {
  return reply
    .status(status ?? reply.statusCode)
    .type('text/html; charset=utf-8')
    .header('cache-control', reply.request.user ? 'no-store' : (options.cacheControl ?? 'no-cache'))
    .send(localizeHtml(renderDocument(node), reply.request.i18n?.locale ?? DEFAULT_LOCALE));
}

/** How a page is sent: its status, its cache header, and whether its forms need a CSRF token. */
export interface PageOptions {
  /** Without one, the reply's status (see `sendPage`). */
  status?: number;
  cacheControl?: 'no-cache' | 'no-store';
  /** A CSRF token even for nobody signed in (a public page with a form). */
  withCsrf?: boolean;
  /** The page context, when the route made it already (to load with it, or to change it). */
  ctx?: PageContext;
}

/**
 * Sends a page component with this request's context (`pageContext`, with the flash message
 * and CSRF token) and the page's own props: the one way a route renders a page.
 */
export function renderPage<P extends { ctx: PageContext }>(
  reply: FastifyReply,
  Page: (props: P) => ComponentChildren,
  props: Omit<P, 'ctx'>,
  options: PageOptions = {},
): FastifyReply {
  const { status, cacheControl, withCsrf } = options;
  const ctx = options.ctx ?? pageContext(reply.request, reply, withCsrf ? { withCsrf } : {});
  const node = h(
    Page as (props: P) => JSX.Element,
    { ...props, ctx } as P & JSX.IntrinsicAttributes,
  );
  return sendPage(reply, node, status, cacheControl ? { cacheControl } : {});
}
