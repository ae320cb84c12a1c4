import { parseFeed } from '@rowanmanning/feed-parser';
import { DateTime } from 'luxon';
import { beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRefused } from '../../../test/helpers/forms.ts';
import { type UsedTestApp, useTestApp } from '../../../test/helpers/test-app.ts';
import { runJob } from '../../platform/scheduler.ts';
import { getCity } from '../cities/index.ts';
import { publicCollaborationTitles } from '../collaborations/index.ts';
import { newsPublishJob } from './news.job.ts';
import { publishDueNews } from './news.service.ts';
import { DEMO_EMAIL, signedIn, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { auditTrail, rowsWhere, rowWhere } from '../../../test/helpers/rows.ts';

/** A complete form: Swedish and English versions, linked to Bergen; `extra` overrides. */
function form(bergenId: string, extra: Record<string, string | string[]> = {}) {
  return {
    title_sv: 'Bergen och Göteborg startar ett utbyte om skolor',
    summary_sv: 'Lärare från båda städerna besöker varandra under våren.',
    body_sv:
      'Utbytet börjar i **mars**.\n\n<script>alert("x")</script>\n\n[Läs mer](javascript:alert(1)) och [om Bergen](/cities/bergen).',
    title_en: 'Bergen and Gothenburg start a school exchange',
    summary_en: 'Teachers from both cities visit each other in spring.',
    body_en: 'The exchange starts in **March**.',
    cities: [bergenId],
    action: 'publish',
    ...extra,
  };
}

const countRows = async (t: UsedTestApp) => {
  const [items, translations, links] = await Promise.all(
    (['news_item', 'news_translation', 'news_link'] as const).map((table) =>
      t.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ),
  );
  return [Number(items!.n), Number(translations!.n), Number(links!.n)];
};

const idFrom = (location: unknown) => /\/workspace\/news\/([^/?]+)/.exec(String(location))![1]!;

const generation = async (t: UsedTestApp) =>
  (await rowWhere(t.db, 'data_generation', { name: 'public' }, ['value'])).value;

describeEachDialect('news', (dialect) => {
  const t = useTestApp(dialect);
  const [coordinator] = useSignedIn(t, DEMO_EMAIL.coordinator);
  let bergenId: string;

  beforeAll(async () => {
    bergenId = (await getCity(t.db, 'bergen')).id;
  });

  it('shows the demo news publicly, newest first, never the draft or the scheduled item', async () => {
    const visitor = new TestAgent(t.app);
    const list = await visitor.get('/news');
    expectPage(list, 200, ['Göteborg förbereder vänortsmötet 2027']);
    expect(list.body.indexOf('Göteborg förbereder')).toBeLessThan(list.body.indexOf('80 år av'));
    expect(list.body).not.toContain('Programmet för vänortsmötet 2027 tar form'); // draft
    expect(list.body).not.toContain('Nu kan du prenumerera'); // scheduled
    expect(list.body).toContain('type="application/atom+xml"');
    expect(list.body).toContain('type="application/rss+xml"');
    expect(list.body).toMatch(/<a href="\/news" aria-current="page">Nyheter<\/a>/);
    for (const prefix of ['/en', '/da', '/nb', '/fi']) {
      const res = await t.app.inject(`${prefix}/news`);
      expect(res.statusCode, prefix).toBe(200);
      expect(res.headers['content-language']).toBe(prefix.slice(1));
    }
    const en = await t.app.inject('/en/news');
    expect(en.body).toContain('Gothenburg prepares for the 2027 twin-city meeting');
    // An item without a Finnish version is shown in Swedish, marked as such.
    const fi = await t.app.inject('/fi/news');
    expect(fi.body).toContain('<article class="news-summary" lang="sv">');
    expect(fi.body).toContain('Bergen och Göteborg delar erfarenheter av klimatanpassning');
    expect(fi.body).toContain('href="/fi/news/');
  });

  it('filters by city and year and pages through the list', async () => {
    const bergen = await t.app.inject('/news?city=bergen');
    expect(bergen.body).toContain('Bergen och Göteborg delar erfarenheter');
    expect(bergen.body).not.toContain('Unga från vänorterna möttes i Åbo');
    const year = await t.app.inject('/news?year=2025');
    expectPage(year, 200, ['Det finns inga nyheter som matchar urvalet.']);
    // Unknown or malformed filters show everything rather than failing.
    expect((await t.app.inject('/news?city=atlantis&year=abc&page=x')).statusCode).toBe(200);
    expect((await t.app.inject('/news?page=99')).statusCode).toBe(200);
    expect((await t.app.inject(`/news?city=${'x'.repeat(500)}`)).statusCode).toBe(400);
  });

  it('a coordinator publishes an item in Swedish and English: sanitised, linked, audited, public', async () => {
    await coordinator.get('/workspace/news/new');
    const before = await generation(t);
    const res = await coordinator.post('/workspace/news/new', form(bergenId));
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    expect(await generation(t)).not.toBe(before);

    const stored = await t.db.kysely
      .selectFrom('news_translation')
      .selectAll()
      .where('news_id', '=', id)
      .orderBy('lang')
      .execute();
    expect(stored.map((r) => r.lang)).toEqual(['en', 'sv']);
    const sv = stored.find((r) => r.lang === 'sv')!;
    expect(sv.body_html).toContain('<strong>mars</strong>');
    expect(sv.body_html).not.toContain('<script');
    expect(sv.body_html).not.toMatch(/href="javascript/i);
    expect(sv.body_html).toContain('<a href="/cities/bergen">om Bergen</a>');

    const page = await t.app.inject(`/en/news/${id}`);
    expectPage(page, 200, ['<h1>Bergen and Gothenburg start a school exchange</h1>']);
    const svPage = await t.app.inject(`/news/${id}`);
    expect(svPage.body).toContain('&lt;script&gt;');
    expect(svPage.body).not.toContain('<script>alert');
    // On the linked city's page, in both languages.
    expect((await t.app.inject('/cities/bergen')).body).toContain(
      'Bergen och Göteborg startar ett utbyte om skolor',
    );
    expect((await t.app.inject('/en/cities/bergen')).body).toContain(
      `href="/en/news/${id}">Bergen and Gothenburg start a school exchange</a>`,
    );

    const audit = await rowsWhere(t.db, 'audit_event', { entity: 'news_item', entity_id: id }, [
      'action',
      'actor_label',
      'changes',
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create.published');
    expect(audit[0]!.actor_label).toBe('samordnare@vanort.example');
    expect(Object.keys(JSON.parse(audit[0]!.changes) as object)).toEqual(
      expect.arrayContaining(['status', 'title_sv', 'title_en', 'links']),
    );
  });

  it('shows linked news on the meeting and collaboration pages too', async () => {
    // The demo links its first item to the 2027 meeting.
    const meeting = await rowWhere(t.db, 'news_link', { target_kind: 'meeting' }, ['target_id']);
    const meetingPage = await t.app.inject(`/en/meetings/${meeting.target_id}`);
    expect(meetingPage.body).toContain('class="linked-news"');
    expect(meetingPage.body).toContain('Gothenburg prepares for the 2027 twin-city meeting');

    const [collaboration] = await publicCollaborationTitles(t.db.kysely, { limit: 1 });
    await coordinator.get('/workspace/news/new');
    const res = await coordinator.post(
      '/workspace/news/new',
      form(bergenId, {
        title_sv: 'Nyhet om ett samarbete',
        collaborations: [collaboration!.id],
        meetings: [meeting.target_id],
      }),
    );
    expect(res.statusCode).toBe(303);
    const page = await t.app.inject(`/collaborations/${collaboration!.id}`);
    expect(page.body).toContain('Nyhet om ett samarbete');
    const item = await t.app.inject(`/news/${idFrom(res.headers.location)}`);
    expect(item.body).toContain(`href="/collaborations/${collaboration!.id}"`);
    expect(item.body).toContain(`href="/meetings/${meeting.target_id}"`);
    expect(item.body).toContain('href="/cities/bergen"');
  });

  it('refuses bad input with a clear message at the field and stores nothing', async () => {
    const cases: [Record<string, string | string[]>, string[]][] = [
      [
        { title_sv: '', body_sv: '' },
        ['Skriv en rubrik på svenska.', 'Skriv texten på svenska.', 'href="#title_sv"'],
      ],
      [{ title_en: '' }, ['Skriv en rubrik på engelska, eller töm alla fält för det språket.']],
      [{ title_de: 'Bergen und Göteborg' }, ['Portalen har ingen språkversion med koden ”de”']],
      [
        { action: 'schedule', publishDate: '2020-01-01', publishTime: '09:00' },
        ['Tiden har redan passerat.', 'href="#publishDate"'],
      ],
      [
        { action: 'schedule', publishDate: '2027-02-30', publishTime: '25:00' },
        ['Ange datumet som ÅÅÅÅ-MM-DD', 'Ange klockslaget som TT:MM'],
      ],
      [{ title_sv: 'x'.repeat(201) }, ['href="#title_sv"', '201']],
      [
        { body_sv: 'Se bilden: ![](https://example.org/bild.jpg)' },
        ['Varje bild behöver en beskrivning'],
      ],
      [{ body_sv: '![Bild](http://example.org/bild.jpg)' }, ['https://']],
      [{ cities: ['no-such-city'] }, ['Något av det du valde finns inte längre.']],
      [{ action: 'explode' }, ['Välj vad som ska hända med nyheten']],
    ];
    const counts = await countRows(t);
    for (const [extra, texts] of cases) {
      const res = await coordinator.submit('/workspace/news/new', form(bergenId, extra));
      expectRefused(res, texts);
      // The input is kept for the next try.
      expect(res.body).toContain('Lärare från båda städerna besöker varandra under våren.');
      expect(await countRows(t)).toEqual(counts);
    }
  });

  it('drafts and scheduled items are never public; the preview shows them to coordinators', async () => {
    await coordinator.get('/workspace/news/new');
    const draft = await coordinator.post(
      '/workspace/news/new',
      form(bergenId, { title_sv: 'Hemligt utkast om Bergen', action: 'preview' }),
    );
    expect(draft.statusCode).toBe(303);
    const id = idFrom(draft.headers.location);
    expect(draft.headers.location).toBe(`/workspace/news/${id}/preview?version=sv`);
    const preview = await coordinator.get(`/workspace/news/${id}/preview?version=sv`);
    expectPage(preview, 200, [
      'Hemligt utkast om Bergen',
      'Nyheten är ett utkast och syns inte för besökarna.',
    ]);
    const previewEn = await coordinator.get(`/workspace/news/${id}/preview?version=en`);
    expect(previewEn.body).toContain('<html lang="en">');
    expect(previewEn.body).toContain('Bergen and Gothenburg start a school exchange');
    expect((await coordinator.get(`/workspace/news/${id}/preview?version=de`)).statusCode).toBe(
      404,
    );

    await coordinator.get(`/workspace/news/${id}`);
    const scheduled = await coordinator.post(
      `/workspace/news/${id}`,
      form(bergenId, {
        title_sv: 'Hemligt schemalagt om Bergen',
        action: 'schedule',
        publishDate: '2027-06-01',
        publishTime: '09:00',
      }),
    );
    expect(scheduled.statusCode).toBe(303);
    for (const path of [`/news/${id}`, `/en/news/${id}`])
      expect((await t.app.inject(path)).statusCode, path).toBe(404);
    for (const path of ['/news', '/cities/bergen', '/news.atom', '/en/news.rss'])
      expect((await t.app.inject(path)).body, path).not.toContain('Hemligt');
    const sitemap = await t.app.inject('/sitemap.xml');
    expect(sitemap.body).toContain('/news</loc>');
    expect(sitemap.body).not.toContain(id);
  });

  it('publishes due scheduled items once, however many runs, and bumps the public generation', async () => {
    // The day after tomorrow at 10:30 in Gothenburg.
    const when = DateTime.now()
      .setZone('Europe/Stockholm')
      .plus({ days: 2 })
      .set({ hour: 10, minute: 30, second: 0, millisecond: 0 });
    const dueAt = when.toUTC().toISO()!;
    await coordinator.get('/workspace/news/new');
    const res = await coordinator.post(
      '/workspace/news/new',
      form(bergenId, {
        title_sv: 'Schemalagd nyhet om vänortsdagen',
        action: 'schedule',
        publishDate: when.toFormat('yyyy-MM-dd'),
        publishTime: '10:30',
      }),
    );
    expect(res.statusCode).toBe(303);
    const id = idFrom(res.headers.location);
    const row = await rowWhere(t.db, 'news_item', { id });
    expect(row.status).toBe('scheduled');
    expect(row.publish_at).toBe(dueAt);
    expect(new Date(dueAt).getUTCHours()).toBe(when.offset === 60 ? 9 : 8); // Stockholm time, not UTC

    const job = { db: t.db, mailer: t.app.mailer, publicUrl: 'http://localhost', log: t.app.log };
    // Not yet due.
    await runJob(newsPublishJob, { ...job, now: new Date(Date.parse(dueAt) - 1000) });
    expect((await t.app.inject(`/news/${id}`)).statusCode).toBe(404);

    const before = await generation(t);
    const due = new Date(dueAt);
    const runs = await Promise.all([
      runJob(newsPublishJob, { ...job, now: due }),
      runJob(newsPublishJob, { ...job, now: due }),
    ]);
    expect(runs.filter((r) => r.ran && r.outcome === 'ok').length).toBeGreaterThanOrEqual(1);
    // A run after the others finds nothing left (the write's condition), nothing twice.
    expect(await publishDueNews(t.db, due, { userId: null, label: 'test', ip: null })).toEqual([]);
    expect(await generation(t)).not.toBe(before);
    const published = await rowWhere(t.db, 'news_item', { id }, ['status', 'published_at']);
    expect(published).toEqual({ status: 'published', published_at: dueAt });
    const audit = await rowsWhere(
      t.db,
      'audit_event',
      { entity_id: id, action: 'publish.scheduled' },
      ['action', 'actor_label'],
    );
    expect(audit).toEqual([{ action: 'publish.scheduled', actor_label: 'job:news-publish' }]);
    expect((await t.app.inject(`/news/${id}`)).statusCode).toBe(200);
  });

  it('withdraws a published item from the pages and feeds, and audits it', async () => {
    await coordinator.get('/workspace/news/new');
    const res = await coordinator.post(
      '/workspace/news/new',
      form(bergenId, { title_sv: 'Nyhet som dras tillbaka' }),
    );
    const id = idFrom(res.headers.location);
    expect((await t.app.inject('/news.atom')).body).toContain('Nyhet som dras tillbaka');
    await coordinator.get(`/workspace/news/${id}`);
    const withdrawn = await coordinator.post(`/workspace/news/${id}/withdraw`);
    expect(withdrawn.statusCode).toBe(303);
    expect((await t.app.inject(`/news/${id}`)).statusCode).toBe(404);
    expect((await t.app.inject('/news.atom')).body).not.toContain('Nyhet som dras tillbaka');
    expect((await t.app.inject('/news')).body).not.toContain('Nyhet som dras tillbaka');
    // Withdrawing twice is refused with a message, nothing changes.
    await coordinator.get(`/workspace/news/${id}`);
    expectRefused(await coordinator.post(`/workspace/news/${id}/withdraw`), [
      'Bara en publicerad eller schemalagd nyhet kan dras tillbaka.',
    ]);
    const audit = await auditTrail(t.db, { entity_id: id }, ['action']);
    expect(audit.map((a) => a.action)).toEqual(['create.published', 'withdraw']);
  });

  it('lets only coordinators into the news desk', async () => {
    const visitor = new TestAgent(t.app);
    const anonymous = await visitor.get('/workspace/news');
    expect([302, 303]).toContain(anonymous.statusCode);
    const counts = await countRows(t);
    for (const email of [
      'rapportor@vanort.example',
      'admin@vanort.example',
      'bergen@vanort.example',
    ]) {
      const agent = await signedIn(t.app, email);
      expect((await agent.get('/workspace/news')).statusCode, email).toBe(403);
      await agent.get('/account');
      expect((await agent.post('/workspace/news/new', form(bergenId))).statusCode, email).toBe(403);
    }
    expect(await countRows(t)).toEqual(counts);
    const desk = await coordinator.get('/workspace/news');
    expectPage(desk, 200, ['Utkast', 'Schemalagd']);
    expect((await coordinator.get('/workspace')).body).toContain('href="/workspace/news"');
  });

  it('serves Atom and RSS per language with absolute links that a feed parser reads', async () => {
    const atom = await t.app.inject('/en/news.atom');
    expect(atom.statusCode).toBe(200);
    expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(atom.body);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('News about Gothenburg’s twin cities');
    expect(feed.items.length).toBeGreaterThanOrEqual(4);
    const item = feed.items.find(
      (i) => i.title === 'Gothenburg prepares for the 2027 twin-city meeting',
    );
    expect(item?.url).toMatch(/^http:\/\/localhost(:\d+)?\/en\/news\/[\w-]+$/);
    expect(item?.content).toMatch(/href="http:\/\/localhost(:80)?\/en\/meetings"/);
    for (const i of feed.items) expect(i.url).toMatch(/^https?:\/\//);

    const rss = await t.app.inject('/news.rss?lang=da');
    const parsed = parseFeed(rss.body);
    expect(parsed.meta.type).toBe('rss');
    expect(parsed.language).toBe('da-DK');
    expect(parsed.items.map((i) => i.title)).toContain(
      'Göteborg forbereder venskabsbymødet i 2027',
    );
    expect(parsed.items.map((i) => i.url)).toContain(item!.url!.replace('/en/', '/da/'));
    const sv = parseFeed((await t.app.inject('/news.rss')).body);
    expect(sv.title).toBe('Nyheter om Göteborgs vänorter');
  });

  it('answers a conditional GET of a feed with 304 until the news change', async () => {
    const first = await t.app.inject('/news.atom');
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers['last-modified']);
    // The page cache's validator (decision 045): weak, from the data generation.
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);

    const byTag = await t.app.inject({ url: '/news.atom', headers: { 'if-none-match': etag } });
    expect(byTag.statusCode).toBe(304);
    expect(byTag.body).toBe('');
    const byDate = await t.app.inject({
      url: '/news.atom',
      headers: { 'if-modified-since': lastModified },
    });
    expect(byDate.statusCode).toBe(304);
    // Another language is another document.
    const en = await t.app.inject({ url: '/en/news.atom', headers: { 'if-none-match': etag } });
    expect(en.statusCode).toBe(200);

    await coordinator.submit('/workspace/news/new', form(bergenId, { title_sv: 'Ännu en nyhet' }));
    const after = await t.app.inject({ url: '/news.atom', headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body).toContain('Ännu en nyhet');
  });
});
