import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { CSV_BATCH } from './paging.ts';

type Row = Record<string, string>;
interface Page<T> {
  data: T[];
  page: {
    limit: number;
    total: number;
    page: number;
    nextCursor: string | null;
    next: string | null;
  };
}

/** More published news than one CSV batch, so the download has to read several. */
const NEWS = CSV_BATCH + 5;

/** A CSV download parsed strictly: RFC 4180 quoting, CRLF records, the same columns on every line. */
function parseCsv(body: string): Row[] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  expect(body.endsWith('\r\n')).toBe(true);
  return parse<Row>(body, {
    bom: true,
    columns: true,
    record_delimiter: '\r\n',
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    trim: false,
  });
}

describeEachDialect('open data: the lists as JSON and CSV', (dialect) => {
  const t = useTestApp(dialect, { env: { PUBLIC_URL: 'https://vanort.example' } });
  const get = async (url: string) => t.app.inject({ url });
  const json = async <T>(url: string): Promise<T> => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return res.json<T>();
  };
  const csv = async (url: string): Promise<Row[]> => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z]+\.csv"$/);
    return parseCsv(res.body);
  };
  /** Every item of a JSON list, following its `next` links. */
  const all = async <T>(url: string): Promise<T[]> => {
    const items: T[] = [];
    for (let next: string | null = url; next;) {
      const page: Page<T> = await json<Page<T>>(next);
      items.push(...page.data);
      next = page.page.next;
    }
    return items;
  };

  beforeAll(async () => {
    // The demo's news would count too: this test writes the news it counts.
    for (const table of ['news_link', 'news_translation', 'news_item'] as const)
      await t.db.kysely.deleteFrom(table).execute();
    const db = t.db.kysely;
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
    const items = Array.from({ length: NEWS }, (_, i) => ({
      id: `news-${String(i).padStart(4, '0')}`,
      status: 'published',
      publish_at: at(i),
      published_at: at(i),
      created_by: null,
      updated_by: null,
      created_at: at(i),
      updated_at: at(i),
    }));
    await db
      .insertInto('news_item')
      .values([
        ...items,
        { ...items[0]!, id: 'news-draft', status: 'draft', publish_at: null, published_at: null },
      ])
      .execute();
    await db
      .insertInto('news_translation')
      .values([
        ...items.map((n, i) => ({
          news_id: n.id,
          lang: 'sv',
          title: i === 0 ? 'Första nyheten, "citerad"' : `Nyhet ${i}`,
          summary: i === 0 ? '=SUMMA(A1)' : null,
          body_markdown: i === 0 ? 'Rad ett\r\nRad två, med komma' : 'Text',
          body_html: '<p>Text</p>',
          updated_at: n.updated_at,
        })),
        {
          news_id: 'news-0000',
          lang: 'en',
          title: 'The first news item',
          summary: null,
          body_markdown: 'Text',
          body_html: '<p>Text</p>',
          updated_at: items[0]!.updated_at,
        },
        {
          news_id: 'news-draft',
          lang: 'sv',
          title: 'Utkast som inte får synas',
          summary: null,
          body_markdown: 'Hemligt',
          body_html: '<p>Hemligt</p>',
          updated_at: items[0]!.updated_at,
        },
      ])
      .execute();
  });

  it('gives every list as CSV that a strict parser reads, with the same items as its JSON', async () => {
    const cities = await json<{ data: { slug: string }[] }>('/api/v1/cities');
    expect((await csv('/api/v1/cities.csv')).map((r) => r.slug)).toEqual(
      cities.data.map((c) => c.slug),
    );
    for (const list of ['decisions', 'meetings', 'exchanges', 'collaborations'] as const) {
      const items = await all<{ id: string }>(`/api/v1/${list}?limit=3`);
      expect(items.length, list).toBeGreaterThan(0);
      expect(
        (await csv(`/api/v1/${list}.csv`)).map((r) => r.id),
        list,
      ).toEqual(items.map((i) => i.id));
    }
  });

  it(`streams a list longer than one batch (${NEWS} news items) whole, and never a draft`, async () => {
    const rows = await csv('/api/v1/news.csv');
    expect(rows).toHaveLength(NEWS);
    expect(rows[0]!.id).toBe(`news-${String(NEWS - 1).padStart(4, '0')}`);
    expect(rows.some((r) => r.id === 'news-draft')).toBe(false);
    const first = rows.find((r) => r.id === 'news-0000')!;
    // Quotes, commas and line breaks survive the round trip; a formula is defused.
    expect(first.title).toBe('Första nyheten, "citerad"');
    expect(first.body_markdown).toBe('Rad ett\r\nRad två, med komma');
    expect(first.summary).toBe("'=SUMMA(A1)");
    const page = await json<Page<{ id: string }>>('/api/v1/news?limit=200');
    expect(page.page.total).toBe(NEWS);
  });

  it('takes the same filters and slices in both formats', async () => {
    const slice = await json<Page<{ id: string }>>('/api/v1/news?limit=2&page=3');
    expect(slice.data).toHaveLength(2);
    expect((await csv('/api/v1/news.csv?limit=2&page=3')).map((r) => r.id)).toEqual(
      slice.data.map((n) => n.id),
    );
    const next = await json<Page<{ id: string }>>(slice.page.next!);
    expect(
      (await csv(`/api/v1/news.csv?limit=2&cursor=${slice.page.nextCursor}`)).map((r) => r.id),
    ).toEqual(next.data.map((n) => n.id));
    const y2025 = await json<Page<{ year: number; host: { slug: string } }>>(
      '/api/v1/meetings?year=2025',
    );
    expect(y2025.data.map((m) => m.year)).toEqual([2025]);
    const csv2025 = await csv('/api/v1/meetings.csv?year=2025');
    expect(csv2025.map((r) => r.year)).toEqual(['2025']);
    const bergen = await csv('/api/v1/meetings.csv?host=bergen');
    expect(bergen.length).toBeGreaterThan(0);
    expect(new Set(bergen.map((r) => r.host_city))).toEqual(new Set(['bergen']));
    const twins = await csv('/api/v1/cities.csv?kind=twin');
    expect(twins.map((r) => r.slug).sort()).toEqual(['aarhus', 'bergen', 'turku']);
    const exchanges = await all<{ city: { slug: string } }>('/api/v1/exchanges?city=bergen');
    expect((await csv('/api/v1/exchanges.csv?city=bergen')).length).toBe(exchanges.length);
    expect(new Set(exchanges.map((e) => e.city.slug))).toEqual(new Set(['bergen']));
  });

  it('answers in the language asked for with ?lang=, in JSON, CSV and the next links', async () => {
    const turku = (rows: Row[]) => rows.find((r) => r.slug === 'turku')!;
    expect(turku(await csv('/api/v1/cities.csv'))).toMatchObject({ name: 'Åbo', name_lang: 'sv' });
    expect(turku(await csv('/api/v1/cities.csv?lang=fi'))).toMatchObject({
      name: 'Turku',
      name_lang: 'fi',
      name_sv: 'Åbo',
    });
    const news = await csv('/api/v1/news.csv?lang=en');
    expect(news.find((r) => r.id === 'news-0000')).toMatchObject({
      lang: 'en',
      title: 'The first news item',
      languages: 'sv en',
    });
    expect(news.find((r) => r.id === 'news-0001')).toMatchObject({ lang: 'sv', title: 'Nyhet 1' });
    const page = await json<Page<{ id: string; lang: string }>>('/api/v1/news?lang=en&limit=1');
    expect(page.page.next).toContain('lang=en');
    const meetings = await json<
      Page<{ host: { slug: string; name: { text: string; lang: string } } }>
    >('/api/v1/meetings?lang=en&host=turku');
    expect(meetings.data[0]!.host.name).toEqual({ text: 'Turku', lang: 'en' });
  });

  it('refuses bad input with 400 before anything is sent', async () => {
    for (const url of [
      '/api/v1/news?limit=0',
      '/api/v1/news.csv?limit=201',
      '/api/v1/news.csv?page=0',
      '/api/v1/news.csv?cursor=!!!',
      '/api/v1/decisions.csv?cursor=bm9wZQ',
      '/api/v1/decisions.csv?cursor=bzE&page=2',
      '/api/v1/meetings?year=20x6',
      '/api/v1/meetings.csv?status=sunk',
      '/api/v1/meetings?host=Bergen',
      '/api/v1/exchanges.csv?city=' + 'a'.repeat(101),
      '/api/v1/exchanges?year=' + '9'.repeat(10_000),
      '/api/v1/cities.csv?kind=capital',
      '/api/v1/news.csv?year=latest',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(res.json<{ code: string }>().code, url).toBe('VALIDATION_FAILED');
    }
  });
});
