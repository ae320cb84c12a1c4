import { escapeMarkup } from '../shared/markup.ts';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { ENABLED_LOCALES } from './i18n/locales.ts';
import { localizePath } from './i18n/paths.ts';

/** The public pages a module contributes to the sitemap: site paths without a language prefix. */
export type SitemapSource = (app: FastifyInstance) => Promise<readonly string[]>;

/**
 * `/sitemap.xml`: every public page in every language, each with its alternates
 * (`xhtml:link rel="alternate" hreflang`), as search engines read them. Addresses are
 * absolute: PUBLIC_URL, or the address the request came to.
 */
export function sitemapRoutes(sources: readonly SitemapSource[]): FastifyPluginAsync {
  return async (app) => {
    app.get('/sitemap.xml', { config: { permission: 'public' } }, async (request, reply) => {
      const origin = (app.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(
        /\/$/,
        '',
      );
      const paths = [...new Set((await Promise.all(sources.map((s) => s(app)))).flat())];
      const out: string[] = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
      ];
      for (const path of paths) {
        const alternates = ENABLED_LOCALES.map(
          (l) =>
            `<xhtml:link rel="alternate" hreflang="${l}" href="${escapeMarkup(origin + localizePath(path, l))}"/>`,
        ).join('');
        for (const locale of ENABLED_LOCALES) {
          out.push(
            `<url><loc>${escapeMarkup(origin + localizePath(path, locale))}</loc>${alternates}</url>`,
          );
        }
      }
      out.push('</urlset>', '');
      return reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(out.join('\n'));
    });
  };
}

/**
 * Every item of a list that is read a slice at a time (a sitemap names them all): `read`
 * gets each slice's limit and offset, and the first slice shorter than `size` is the last.
 */
export async function everySlice<T>(
  size: number,
  read: (slice: { limit: number; offset: number }) => Promise<readonly T[]>,
): Promise<T[]> {
  const all: T[] = [];
  for (let offset = 0; ; offset += size) {
    const items = await read({ limit: size, offset });
    all.push(...items);
    if (items.length < size) return all;
  }
}
