import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendCsv } from '../../platform/downloads.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { requestedLocale } from '../../platform/i18n/plugin.ts';
import { apiRoutes } from '../../platform/api-route.ts';
import { stockholmDayStart } from '../../shared/dates.ts';
import { UTF8_BOM } from '../../shared/csv.ts';
import { getChain, listCities, type City } from '../cities/index.ts';
import { listPublicExchanges } from '../collaborations/index.ts';
import { listDecisions } from '../decisions/index.ts';
import { listMeetings, type Meeting } from '../meetings/index.ts';
import { countPublishedNews, listPublishedNews } from '../news/index.ts';
import {
  CITY_CSV,
  csvRow,
  DECISION_CSV,
  EXCHANGE_CSV,
  MEETING_CSV,
  NEWS_CSV,
  presentExchange,
  presentMeeting,
  presentNews,
  type CsvColumns,
} from './opendata.presenter.ts';
import {
  cityCsvQuery,
  decisionCsvQuery,
  exchangeCsvQuery,
  exchangeListJson,
  exchangeListQuery,
  meetingCsvQuery,
  meetingListJson,
  meetingListQuery,
  newsCsvQuery,
  newsListJson,
  newsListQuery,
} from './opendata.schema.ts';
import { csvRows, offsetOf, pageOf } from './paging.ts';

const CSV_FORMAT =
  'UTF-8 with a byte-order mark, comma-separated, CRLF line ends, quoted as RFC 4180 says; ' +
  'a text beginning with = + - or @ gets a leading apostrophe so spreadsheets never run it. ' +
  'Streamed: without `limit`, `cursor` and `page` the whole list, read in batches; with ' +
  'them the same slice as the JSON list. Names are in the language of `lang` ' +
  '(`Accept-Language`, else Swedish), with the language of each said in its `…_lang` column. ' +
  'Bad values are refused with 400 VALIDATION_FAILED before anything is sent.';
const PAGING =
  'Paginated with `limit` (1–200, default 50) and either `cursor` (the `nextCursor` of ' +
  'the previous slice) or `page` (1-based). Bad values are refused with 400 VALIDATION_FAILED.';
const PUBLIC_CACHE = 'public, max-age=60';
const csvResponse = {
  description: 'The list as CSV',
  content: {
    'text/csv': {
      schema: z.string().describe('A header line, then one line per item (RFC 4180)'),
    },
  },
} as const;

/**
 * Streams the header line of `columns` and a line for each row as `filename` (the rows are
 * read as they are sent); `context` is what the lines read besides the row.
 */
function sendList<T, C>(
  reply: FastifyReply,
  filename: string,
  columns: CsvColumns<T, C>,
  rows: AsyncIterable<T> | Iterable<T>,
  context: C,
) {
  async function* body() {
    yield UTF8_BOM + csvRow(columns.header);
    for await (const row of rows) yield columns.line(row, context);
  }
  return sendCsv(reply, filename, body(), PUBLIC_CACHE);
}

/** `?lang=` kept in the next-slice links, as the other lists do. */
const langParam = (request: Parameters<typeof requestedLocale>[0]) =>
  requestedLocale(request) ?? undefined;

/**
 * The open-data lists that had no JSON or CSV of their own (decision 020): cities and
 * decisions as CSV beside their JSON lists, meetings, exchanges and news in both formats.
 * Collaborations have theirs in the collaborations module.
 */
export const openDataApi: FastifyPluginAsyncZod = async (app) => {
  const route = apiRoutes(app, { permission: 'public' });
  const citiesById = async () => new Map((await listCities(app.db)).map((c) => [c.id, c]));

  /**
   * A list as CSV, sent as `filename` in the format CSV_FORMAT describes: `read` gives the
   * rows its (validated) query asks for, and what the lines of `columns` read besides them.
   */
  function csvList<Q extends z.ZodType, T, C>(
    url: string,
    spec: {
      tag: string;
      operationId: string;
      summary: string;
      description?: string;
      query: Q;
      filename: string;
      columns: CsvColumns<T, C>;
    },
    read: (
      query: z.output<Q>,
      locale: Locale,
    ) => Promise<{ rows: AsyncIterable<T> | Iterable<T>; context: C }>,
  ) {
    route.get(
      url,
      {
        tags: [spec.tag],
        operationId: spec.operationId,
        summary: spec.summary,
        description: spec.description ?? CSV_FORMAT,
        query: spec.query,
        response: csvResponse,
      },
      async (request, reply) => {
        // The type provider cannot resolve a schema that is a type parameter: it is `Q`'s.
        const query = request.query as z.output<Q>;
        const { rows, context } = await read(query, request.i18n.locale);
        return sendList(reply, spec.filename, spec.columns, rows, context);
      },
    );
  }

  async function meetingsMatching(filters: {
    year?: string | undefined;
    status?: string | undefined;
    host?: string | undefined;
  }): Promise<Meeting[]> {
    const chain = await getChain(app.db);
    if (!chain) return [];
    const all = await listMeetings(app.db, chain, await listCities(app.db));
    return all
      .filter(
        (m) =>
          (!filters.year || m.year === Number(filters.year)) &&
          (!filters.status || m.status === filters.status) &&
          (!filters.host || m.host.slug === filters.host),
      )
      .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  }

  const newsRange = (year: string | undefined) =>
    year
      ? {
          since: stockholmDayStart(`${year}-01-01`),
          until: stockholmDayStart(`${Number(year) + 1}-01-01`),
        }
      : {};

  csvList(
    '/cities.csv',
    {
      tag: 'cities',
      operationId: 'exportCitiesCsv',
      summary: 'The cities as CSV: the same list and filters as GET /api/v1/cities',
      query: cityCsvQuery,
      filename: 'vanorter.csv',
      columns: CITY_CSV,
    },
    async ({ status, kind }, locale) => {
      const cities = (await listCities(app.db)).filter(
        (c: City) => (!status || c.status === status) && (!kind || c.kind === kind),
      );
      return { rows: cities, context: locale };
    },
  );

  csvList(
    '/decisions.csv',
    {
      tag: 'decisions',
      operationId: 'exportDecisionsCsv',
      summary: 'The council decisions as CSV: the same list as GET /api/v1/decisions',
      query: decisionCsvQuery,
      filename: 'beslut.csv',
      columns: DECISION_CSV,
    },
    async (query, locale) => {
      const rows = csvRows(query, async (slice) => {
        return (await listDecisions(app.db.kysely, slice)).decisions;
      });
      return { rows, context: locale };
    },
  );

  route.get(
    '/meetings',
    {
      pageCache: true,
      tags: ['meetings'],
      operationId: 'listMeetings',
      summary: 'The twin-city meetings on record, latest year first',
      description: `Filters: \`year\`, \`status\`, \`host\` (a city slug). ${PAGING} The forecast of future turns is GET /api/v1/rotation.`,
      query: meetingListQuery,
      response: meetingListJson,
    },
    async (request) => {
      const { limit, cursor, page, ...filters } = request.query;
      const offset = offsetOf({ limit, cursor, page });
      const all = await meetingsMatching(filters);
      const slice = all.slice(offset, offset + limit);
      return {
        data: slice.map((m) => presentMeeting(m, request.i18n.locale)),
        page: pageOf(
          '/api/v1/meetings',
          { ...filters, lang: langParam(request) },
          { limit, offset, shown: slice.length, total: all.length },
        ),
      };
    },
  );

  csvList(
    '/meetings.csv',
    {
      tag: 'meetings',
      operationId: 'exportMeetingsCsv',
      summary: 'The twin-city meetings as CSV: the same list and filters as GET /api/v1/meetings',
      query: meetingCsvQuery,
      filename: 'vanortsmoten.csv',
      columns: MEETING_CSV,
    },
    async ({ limit, cursor, page, ...filters }, locale) => {
      let all: Promise<Meeting[]> | null = null;
      const rows = csvRows({ limit, cursor, page }, async ({ limit: n, offset }) => {
        all ??= meetingsMatching(filters);
        return (await all).slice(offset, offset + n);
      });
      return { rows, context: locale };
    },
  );

  route.get(
    '/exchanges',
    {
      pageCache: true,
      tags: ['exchanges'],
      operationId: 'listExchanges',
      summary: 'Public exchanges of experience with the twin cities, latest first',
      description:
        'Exchanges that were published and are public, outside a collaboration or within ' +
        `a public one. Filters: \`city\`, \`organisation\` (slugs), \`year\`. ${PAGING}`,
      query: exchangeListQuery,
      response: exchangeListJson,
    },
    async (request) => {
      const { limit, cursor, page, ...filters } = request.query;
      const offset = offsetOf({ limit, cursor, page });
      const [{ exchanges, total }, cities] = await Promise.all([
        listPublicExchanges(app.db.kysely, filters, { limit, offset }),
        citiesById(),
      ]);
      return {
        data: exchanges.map((e) => presentExchange(e, cities, request.i18n.locale)),
        page: pageOf(
          '/api/v1/exchanges',
          { ...filters, lang: langParam(request) },
          { limit, offset, shown: exchanges.length, total },
        ),
      };
    },
  );

  csvList(
    '/exchanges.csv',
    {
      tag: 'exchanges',
      operationId: 'exportExchangesCsv',
      summary: 'The public exchanges as CSV: the same list and filters as GET /api/v1/exchanges',
      query: exchangeCsvQuery,
      filename: 'erfarenhetsutbyten.csv',
      columns: EXCHANGE_CSV,
    },
    async ({ limit, cursor, page, ...filters }, locale) => {
      const cities = await citiesById();
      const rows = csvRows({ limit, cursor, page }, async (slice) => {
        return (await listPublicExchanges(app.db.kysely, filters, slice)).exchanges;
      });
      return { rows, context: { cities, locale } };
    },
  );

  route.get(
    '/news',
    {
      pageCache: true,
      tags: ['news'],
      operationId: 'listNews',
      summary: "The City Executive Office's published news, newest first",
      description:
        'Each item in the language of the response when it is written in it, else in ' +
        `Swedish (its \`lang\` says which). Filter: \`year\`. ${PAGING}`,
      query: newsListQuery,
      response: newsListJson,
    },
    async (request) => {
      const { limit, cursor, page, year } = request.query;
      const offset = offsetOf({ limit, cursor, page });
      const range = newsRange(year);
      const [items, total] = await Promise.all([
        listPublishedNews(app.db.kysely, { ...range, limit, offset }),
        countPublishedNews(app.db.kysely, range),
      ]);
      return {
        data: items.map((n) => presentNews(n, request.i18n.locale)),
        page: pageOf(
          '/api/v1/news',
          { year, lang: langParam(request) },
          { limit, offset, shown: items.length, total },
        ),
      };
    },
  );

  csvList(
    '/news.csv',
    {
      tag: 'news',
      operationId: 'exportNewsCsv',
      summary: 'The published news as CSV: the same list and filters as GET /api/v1/news',
      description: `${CSV_FORMAT} The text is the Markdown as written.`,
      query: newsCsvQuery,
      filename: 'nyheter.csv',
      columns: NEWS_CSV,
    },
    async ({ limit, cursor, page, year }, locale) => {
      const range = newsRange(year);
      const rows = csvRows({ limit, cursor, page }, (slice) =>
        listPublishedNews(app.db.kysely, { ...range, ...slice }),
      );
      return { rows, context: locale };
    },
  );
};
