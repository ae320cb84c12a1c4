import type { FastifyReply, FastifyRequest } from 'fastify';
import type { JSX } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { PageContext } from './page-context.ts';

/** Renders a full page (a <html> tree) to a string with the doctype. */
export function renderDocument(node: JSX.Element): string {
  return '<!doctype html>' + renderToString(node);
}

/** The page context of a request; set up by the i18n hook in app.ts. */
export function pageContext(request: FastifyRequest): PageContext {
  const app = request.server;
  return {
    i18n: request.i18n,
    path: request.url.split('?')[0] ?? '/',
    demo: app.state.demo,
    assetVersion: app.assetVersion,
  };
}

export function sendPage(reply: FastifyReply, node: JSX.Element, status = 200): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(renderDocument(node));
}
