import { escapeMarkup } from '../../shared/markup.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { localizePath } from '../../platform/i18n/paths.ts';
import { renderPage } from '../../platform/render.ts';
import { isSearchKind } from '../../platform/search.ts';
import { pageRequest } from '../../shared/pagination.ts';
import { searchQuerystring } from './search.schema.ts';
import { searchPortal } from './search.service.ts';
import { SearchPage } from './views/search-page.tsx';

const escapeXml = (value: string) => escapeMarkup(value).replace(/'/g, '&apos;');

/** `/search` (in every language) and the OpenSearch description that lets browsers offer it. */
export const searchPages: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      // Visitors' result pages are cached by the `public` generation, as other public pages;
      // a signed-in person's are not (page cache rules).
      config: { permission: 'public', pageCache: true },
      schema: { querystring: searchQuerystring },
    },
    async (request, reply) => {
      const { q, kind, page } = request.query;
      const unknownKind = kind !== undefined && kind !== '' && !isSearchKind(kind);
      const result = await searchPortal(app.db, request.user ?? null, {
        q,
        kind: isSearchKind(kind) ? kind : null,
        page: pageRequest(page, 1).page,
        lang: request.i18n.locale,
      });
      return renderPage(
        reply,
        SearchPage,
        { result, unknownKind },
        { status: unknownKind ? 400 : 200 },
      );
    },
  );

  app.get('/opensearch.xml', { config: { permission: 'public' } }, (request, reply) => {
    const { t, locale } = request.i18n;
    const origin = (app.config.publicUrl ?? `${request.protocol}://${request.host}`).replace(
      /\/$/,
      '',
    );
    const search = `${origin}${localizePath('/search', locale)}?q={searchTerms}`;
    const self = `${origin}/opensearch.xml${locale === 'sv' ? '' : `?lang=${locale}`}`;
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
      `  <ShortName>${escapeXml(t('service.name'))}</ShortName>`,
      `  <Description>${escapeXml(t('search.opensearch.description'))}</Description>`,
      `  <Language>${locale}</Language>`,
      '  <InputEncoding>UTF-8</InputEncoding>',
      '  <OutputEncoding>UTF-8</OutputEncoding>',
      `  <Image width="16" height="16" type="image/svg+xml">${escapeXml(`${origin}/static/favicon.svg`)}</Image>`,
      `  <Url type="text/html" method="get" template="${escapeXml(search)}"/>`,
      `  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(self)}"/>`,
      `  <moz:SearchForm>${escapeXml(`${origin}${localizePath('/search', locale)}`)}</moz:SearchForm>`,
      '</OpenSearchDescription>',
      '',
    ].join('\n');
    return reply
      .type('application/opensearchdescription+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(xml);
  });
};
