import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageLocale, requestedLocale } from '../../platform/i18n/plugin.ts';
import { renderPage } from '../../platform/render.ts';
import { cachedRead } from '../../platform/read-cache.ts';
import { pageInfo, pageRequest } from '../../shared/pagination.ts';
import { listCities, localized } from '../cities/index.ts';
import { newsFeed, feedEtag, type FeedFormat } from './news.feed.ts';
import { aboutNames } from './news.links.ts';
import { newsIdParams } from './news.schema.ts';
import { getPublicNews, latestPublicChange, listPublicNews, newsYears } from './news.service.ts';
import { NewsItemPage, NewsListPage } from './views/news-public.tsx';

const PUBLIC = { permission: 'public', pageCache: true } as const;
export const NEWS_PAGE_SIZE = 10;
export const FEED_SIZE = 20;

const listQuery = z.object({
  city: z.string().max(100).optional(),
  year: z.string().max(10).optional(),
  page: z.string().max(10).optional(),
});

/** Whether the client's copy (If-None-Match, else If-Modified-Since) is current: RFC 9110 §13. */
export function notModified(
  request: FastifyRequest,
  etag: string,
  lastModified: Date | null,
): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined)
    return ifNoneMatch
      .split(',')
      .map((v) => v.trim().replace(/^W\//, ''))
      .some((v) => v === etag || v === '*');
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return (
    lastModified !== null &&
    !Number.isNaN(since) &&
    Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000)
  );
}

/** The public news: the list, one item, and the Atom and RSS feeds, in every language. */
export const newsPublicPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/news',
    { config: PUBLIC, schema: { querystring: listQuery } },
    async (request, reply) => {
      const { locale } = request.i18n;
      const cities = await listCities(app.db);
      const city = cities.find((c) => c.slug === request.query.city);
      const years = await newsYears(app.db);
      const yearText = request.query.year ?? '';
      // Any year of the cooperation may be asked for (a link, a bookmark); the list offers those with news.
      const year =
        /^\d{4}$/.test(yearText) && Number(yearText) >= 1946 && Number(yearText) <= 2200
          ? Number(yearText)
          : undefined;
      const page = pageRequest(request.query.page, NEWS_PAGE_SIZE);
      const { items, total } = await listPublicNews(
        app.db,
        { cityId: city?.id, year },
        { limit: page.limit, offset: page.offset },
      );
      return renderPage(reply, NewsListPage, {
        items,
        info: pageInfo(page, total, items.length),
        filters: { city: city?.slug ?? '', year: year ? String(year) : '' },
        cities: cities
          .filter((c) => c.kind !== 'home')
          .map((c) => {
            const name = localized(c, locale);
            return {
              value: c.slug,
              label: name.name,
              lang: name.lang === locale ? undefined : name.lang,
            };
          }),
        years: year && !years.includes(year) ? [...years, year].sort((a, b) => b - a) : years,
      });
    },
  );

  app.get(
    '/news/:id',
    { config: PUBLIC, schema: { params: newsIdParams } },
    async (request, reply) => {
      const item = await getPublicNews(app.db, request.params.id);
      return renderPage(reply, NewsItemPage, {
        item,
        about: await aboutNames(app.db, item, request.i18n.locale),
      });
    },
  );

  const feedRoute =
    (format: FeedFormat) => async (request: FastifyRequest, reply: FastifyReply) => {
      // `/en/news.atom` (the address prefix) or `/news.atom?lang=en` (a download's link).
      const locale = requestedLocale(request) ?? pageLocale(request);
      const origin = (app.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(
        /\/$/,
        '',
      );
      // Built once per change of the public records (and per format, language and origin).
      const { body, etag, latest } = await cachedRead(
        app.db.kysely,
        'public',
        `news-feed\u0000${format}\u0000${locale}\u0000${origin}`,
        async () => {
          const [latest, { items }] = await Promise.all([
            latestPublicChange(app.db.kysely),
            listPublicNews(app.db, {}, { limit: FEED_SIZE, offset: 0 }),
          ]);
          const body = newsFeed(items, { format, locale, origin, updated: latest });
          return { body, etag: feedEtag(body), latest };
        },
      );
      const lastModified = latest ? new Date(latest) : null;
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=300')
        .header('content-language', locale);
      if (lastModified) reply.header('last-modified', lastModified.toUTCString());
      if (notModified(request, etag, lastModified)) return reply.status(304).send();
      return reply
        .type(
          format === 'atom'
            ? 'application/atom+xml; charset=utf-8'
            : 'application/rss+xml; charset=utf-8',
        )
        .send(body);
    };
  // In the page cache: kept compressed, answered by its front (decision 045).
  const feed = { config: { permission: 'public', pageCache: true } } as const;
  app.get('/news.atom', feed, feedRoute('atom'));
  app.get('/news.rss', feed, feedRoute('rss'));
};
