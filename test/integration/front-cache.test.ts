import { request as httpRequest } from 'node:http';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { currentGeneration } from '../../src/platform/read-cache.ts';
import { TestAgent } from '../helpers/agent.ts';
import { editPopulation } from '../helpers/city-edit.ts';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * The front of the page cache (decision 045): a hit that Fastify answered once is sent again
 * before Fastify, byte for byte and header for header; never after a write, never to a
 * signed-in person, never for a conditional request; counted in /metrics and logged.
 */

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The headers that belong to one response only. */
const PER_RESPONSE = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);
const withoutPerResponse = (headers: Raw['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.has(name)));

const PAGES = [
  '/',
  '/cities/bergen',
  '/en/meetings',
  '/da/',
  '/collaborations',
  '/api/v1/cities',
  '/news.atom',
  '/en/news.rss',
];
const ENCODINGS: Record<string, string>[] = [
  {},
  { 'accept-encoding': 'br, gzip' },
  { 'accept-encoding': 'gzip' },
];

describeEachDialect('The front of the page cache', (dialect) => {
  let t: TestApp;
  let base: string;
  const lines: Record<string, unknown>[] = [];
  const frontLines = () => lines.filter((l) => l.cache === 'front').length;
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    t = await buildTestApp(dialect, {
      env: { PAGE_CACHE_TTL_MS: '600000', PUBLIC_URL: 'http://127.0.0.1' },
      logger: { level: 'info', stream },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await t.close();
  });

  it('sends a replayed hit with the same status, headers and bytes as the hit Fastify sent', async () => {
    for (const page of PAGES) {
      for (const headers of ENCODINGS) {
        const label = `${page} ${JSON.stringify(headers)}`;
        // The entry is shared by the encodings: the first request of an encoding may
        // already be a hit. Fastify answers the first hit of each encoding, the front the rest.
        let fastify: Raw | undefined;
        let front: Raw | undefined;
        for (let i = 0; i < 3 && !front; i++) {
          const before = frontLines();
          const res = await get(base, page, headers);
          expect(res.status, label).toBe(200);
          if (frontLines() > before) front = res;
          else if (res.headers['x-cache'] === 'hit') fastify = res;
        }
        expect(fastify, `${label}: a hit answered by Fastify`).toBeDefined();
        expect(front, `${label}: then answered by the front`).toBeDefined();
        if (!fastify || !front) continue;
        expect(withoutPerResponse(front.headers), label).toEqual(
          withoutPerResponse(fastify.headers),
        );
        expect(front.headers['x-request-id'], label).toMatch(/^[\w-]{8,64}$/);
        expect(front.headers['x-request-id'], label).not.toBe(fastify.headers['x-request-id']);
        expect(front.headers.date, label).toMatch(/GMT$/);
        expect(front.body.equals(fastify.body), label).toBe(true);
      }
    }
    // The log line of a front hit names the request, its id and status, and redacts nothing it need not.
    const line = lines.findLast((l) => l.cache === 'front')!;
    expect(line).toMatchObject({ level: 30, msg: 'request completed', res: { statusCode: 200 } });
    expect((line.req as { url: string }).url).toBe(PAGES.at(-1));
  });

  it('logs one line per request, the one Fastify answers as the one the front answers', async () => {
    const from = lines.length;
    const res = await get(base, '/policy?token=abcdefghijklmnopqrstuvwxyz');
    expect(res.status).toBe(200);
    const mine = lines.slice(from).filter((l) => l.requestId === res.headers['x-request-id']);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'GET', url: '/policy?token=[redacted]' },
      res: { statusCode: 200 },
    });
    expect(lines.some((l) => l.msg === 'incoming request')).toBe(false);
  });

  it('logs the client address behind a trusted proxy, as Fastify does', async () => {
    const proxied: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean))
          proxied.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const behind = await buildTestApp(dialect, {
      env: { PAGE_CACHE_TTL_MS: '600000', PUBLIC_URL: 'http://127.0.0.1', TRUST_PROXY: '1' },
      logger: { level: 'info', stream },
    });
    try {
      await behind.app.listen({ port: 0, host: '127.0.0.1' });
      const address = behind.app.server.address();
      const at = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      for (let i = 0; i < 3; i++) await get(at, '/policy', { 'x-forwarded-for': '203.0.113.7' });
      const answered = proxied.filter((l) => l.msg === 'request completed');
      expect(answered.some((l) => l.cache === 'front')).toBe(true);
      for (const l of answered.slice(-3))
        expect((l.req as { remoteAddress: string }).remoteAddress).toBe('203.0.113.7');
    } finally {
      await behind.close();
    }
  });

  it('keeps an incoming request id, as Fastify does', async () => {
    await get(base, '/cities');
    await get(base, '/cities');
    const res = await get(base, '/cities', { 'x-request-id': 'trace-12345678' });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
    expect(lines.at(-1)).toMatchObject({ cache: 'front', requestId: 'trace-12345678' });
  });

  it('shows a write on the next request, never the replayed page', async () => {
    for (let i = 0; i < 3; i++) await get(base, '/cities/bergen');
    const before = frontLines();
    await editPopulation(t.app, 404_321);
    const after = await get(base, '/cities/bergen');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body.toString().replace(/\D/g, '')).toContain('404321');
    expect(frontLines()).toBe(before);
  });

  it('leaves signed-in people, conditional requests and other methods to Fastify', async () => {
    for (let i = 0; i < 3; i++) await get(base, '/meetings');
    const agent = new TestAgent(t.app);
    await agent.login('samordnare@vanort.example', DEMO_PASSWORD);
    const before = frontLines();
    const signedIn = await get(base, '/meetings', {
      cookie: [...agent.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['x-cache']).toBeUndefined();
    expect(signedIn.headers['cache-control']).not.toMatch(/public/);
    const etag = String((await get(base, '/meetings')).headers.etag);
    const conditional = await get(base, '/meetings', { 'if-none-match': etag });
    expect(conditional.status).toBe(304);
    expect(conditional.headers['x-cache']).toBe('revalidated');
    const bearer = await get(base, '/meetings', { authorization: 'Bearer nonsense' });
    expect(bearer.headers['x-cache']).toBeUndefined();
    // If-Modified-Since alone is the route's to answer (a feed's date is its latest news).
    for (let i = 0; i < 3; i++) await get(base, '/news.atom');
    const feed = await get(base, '/news.atom');
    const sinceFeed = await get(base, '/news.atom', {
      'if-modified-since': String(feed.headers['last-modified']),
    });
    expect(sinceFeed.status).toBe(304);
    expect(sinceFeed.headers['x-cache']).toBeUndefined();
    // Only the plain anonymous GETs in between were the front's (one of /meetings, and the
    // feed's after Fastify answered it once as a hit).
    expect(frontLines()).toBe(before + 3);
  });

  it('reads the generation on SQLite without Kysely, but never inside an open transaction', async () => {
    if (dialect !== 'sqlite') {
      expect('generationsNow' in t.db).toBe(false);
      return;
    }
    const committed = await currentGeneration(t.db.kysely, 'public');
    expect(t.db.generationsNow!()?.get('public')).toBe(committed);
    await t.db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('city').set({ population: 1 }).where('slug', '=', 'bergen').execute();
      // The trigger changed the generation inside the transaction: not readable from outside.
      expect(t.db.generationsNow!()).toBeNull();
    });
    expect(t.db.generationsNow!()?.get('public')).not.toBe(committed);
  });

  it('counts the hits it answers in /metrics under their route', async () => {
    const count = async () => {
      const text = (await get(base, '/metrics')).body.toString();
      const m =
        /http_requests_total\{[^}]*route="\/news"[^}]*method="GET"[^}]*status="200"[^}]*\} (\d+)/.exec(
          text,
        );
      return Number(m?.[1] ?? 0);
    };
    for (let i = 0; i < 2; i++) await get(base, '/news');
    const before = await count();
    const fronts = frontLines();
    for (let i = 0; i < 5; i++) await get(base, '/news');
    expect(frontLines()).toBe(fronts + 5);
    expect(await count()).toBe(before + 5);
  });
});
