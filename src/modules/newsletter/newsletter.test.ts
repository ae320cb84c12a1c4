import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { messagesOf } from '../../../test/helpers/messages.ts';
import { TestSmtpServer } from '../../../test/helpers/smtp-server.ts';
import { buildTestApp, type TestApp, useTestApp } from '../../../test/helpers/test-app.ts';
import { runJob } from '../../platform/scheduler.ts';
import { newsletterRetentionJob, newsletterSendJob } from './newsletter.job.ts';
import { DEFAULT_SETTINGS, sendDueDeliveries, STALE_CLAIM_MS } from './newsletter.service.ts';
import { signedIn } from '../../../test/helpers/sign-in.ts';
import { rowsWhere, rowWhere, updateRows } from '../../../test/helpers/rows.ts';

const sv = messagesOf('sv');
const en = messagesOf('en');
const COORDINATOR_EMAIL = 'samordnare@vanort.example';
const noWait = () => Promise.resolve();

/** The link to a page of the newsletter in a mail's text. */
function linkIn(
  text: string | undefined,
  page: 'confirm' | 'unsubscribe' | 'subscription',
): string {
  const link = new RegExp(`https?://\\S+/newsletter/${page}/[\\w-]{43}`).exec(text ?? '')?.[0];
  if (!link) throw new Error(`no ${page} link in: ${text}`);
  return link;
}
const pathOf = (link: string) => new URL(link).pathname;

/** Asks for the newsletter through its form, as a reader would: the form's page, then the post. */
function subscribe(visitor: TestAgent, email: string, language: string, topics: string[]) {
  return visitor.submit('/newsletter', { email, language, topics });
}

describeEachDialect('the newsletter', (dialect) => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  let coordinator: TestAgent;
  let base: string;

  /** The subscriber with this address, if any. */
  const subscriber = async (email: string) =>
    (await rowsWhere(t.db, 'newsletter_subscriber', { email }))[0];
  const counts = async () => ({
    subscribers: Number(
      (
        await t.db.kysely
          .selectFrom('newsletter_subscriber')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    mails: smtp.received.length,
  });
  const send = (options: { maxBatches?: number; batchSize?: number; now?: () => Date } = {}) =>
    sendDueDeliveries(t.db, t.app.mailer, {
      baseUrl: base,
      settings: { ...DEFAULT_SETTINGS, batchSize: options.batchSize ?? 20 },
      pause: noWait,
      ...(options.maxBatches ? { maxBatches: options.maxBatches } : {}),
      ...(options.now ? { now: options.now } : {}),
    });

  /** Subscribes and confirms through the pages, as a reader would; returns the manage link's path. */
  async function subscribed(email: string, language: string, topics: string[]): Promise<string> {
    const visitor = new TestAgent(t.app);
    const res = await subscribe(visitor, email, language, topics);
    expect(res.statusCode).toBe(303);
    const [mail] = await smtp.waitFor(email);
    const confirm = pathOf(linkIn(mail!.parsed.text, 'confirm'));
    const done = await visitor.submit(confirm);
    expect(done.statusCode).toBe(303);
    return String(done.headers.location);
  }

  /** A draft issue with the given Swedish and English texts, for the given cities. */
  async function draft(topics: string[], texts: Record<string, string> = {}): Promise<string> {
    await coordinator.get('/workspace/newsletter');
    const created = await coordinator.post('/workspace/newsletter/issues');
    expect(created.statusCode).toBe(303);
    const path = String(created.headers.location);
    const saved = await coordinator.submit(path, {
      topics,
      subject_sv: 'Vänortsnytt i december',
      body_sv: 'Hej!\n\nNyheter\n- Kulturutbyte med Bergen: https://example.org/a',
      subject_en: 'Twin-city news in December',
      body_en: 'Hello!\n\nNews\n- Cultural exchange with Bergen: https://example.org/a',
      ...texts,
    });
    expect(saved.statusCode).toBe(303);
    return path;
  }

  beforeAll(async () => {
    smtp = new TestSmtpServer();
    const smtpUrl = await smtp.start();
    t = await buildTestApp(dialect, { env: { SMTP_URL: smtpUrl, NEWSLETTER_RATE_LIMIT: '0' } });
    base = 'http://localhost:80';
    coordinator = await signedIn(t.app, COORDINATOR_EMAIL);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });
  beforeEach(async () => {
    smtp.received.length = 0;
    smtp.reject.clear();
  });
  afterEach(async () => {
    // Each test starts without issues being sent.
    await t.db.kysely.deleteFrom('newsletter_delivery').execute();
    await t.db.kysely.deleteFrom('newsletter_subscriber').execute();
    await updateRows(t.db, 'newsletter_issue', { status: 'sending' }, { status: 'sent' });
  });

  it('subscribes in English with double opt-in: the link opens a page, only its button confirms, once', async () => {
    const visitor = new TestAgent(t.app);
    visitor.locale = 'en';
    const page = await visitor.get('/newsletter');
    expectPage(page, 200, [en['newsletter.title'], 'lang="en"']);
    const res = await visitor.post('/newsletter', {
      email: '  Erin@Example.org ',
      language: 'en',
      topics: ['bergen', 'aarhus'],
    });
    expectRedirect(res, '/en/newsletter');
    const [mail] = await smtp.waitFor('erin@example.org');
    expect(mail!.parsed.subject).toBe(en['newsletter.mail.confirm.subject']);
    expect(mail!.parsed.headers.get('content-language')).toBe('en');
    expect(mail!.mailFrom).toBe('vanortsportalen@goteborg.se');
    const link = linkIn(mail!.parsed.text, 'confirm');
    expect(link).toMatch(/^http:\/\/localhost(:80)?\/en\/newsletter\/confirm\//);
    const row = await subscriber('erin@example.org');
    expect(row).toMatchObject({ status: 'pending', language: 'en', topics: 'bergen,aarhus' });
    // The token is stored only as its hash.
    expect(JSON.stringify(row)).not.toContain(link.split('/').pop());

    // A mail scanner follows the link: the page asks, nothing is confirmed.
    const opened = await visitor.get(pathOf(link));
    expectPage(opened, 200, [en['newsletter.confirm.button'], 'noindex']);
    expect((await subscriber('erin@example.org'))?.status).toBe('pending');

    const confirmed = await visitor.post(pathOf(link));
    expect(confirmed.statusCode).toBe(303);
    expect(String(confirmed.headers.location)).toMatch(/^\/en\/newsletter\/subscription\//);
    expect((await subscriber('erin@example.org'))?.status).toBe('confirmed');
    const own = await visitor.get(String(confirmed.headers.location));
    expect(own.statusCode).toBe(200);
    expect(own.headers['cache-control']).toBe('no-store');
    expect(own.body).toContain('erin@example.org');
    expect(own.body).toContain(en['newsletter.flash.confirmed']);

    // The link works once.
    const again = await visitor.get(pathOf(link));
    expectPage(again, 410, [en['newsletter.link.used.title']]);
    await visitor.get('/newsletter');
    const reused = await visitor.post(pathOf(link));
    expect(reused.statusCode).toBe(410);
  });

  it('an expired link confirms nothing; an unknown one is refused', async () => {
    const visitor = new TestAgent(t.app);
    await subscribe(visitor, 'sen@example.org', 'sv', ['turku']);
    const [mail] = await smtp.waitFor('sen@example.org');
    const link = pathOf(linkIn(mail!.parsed.text, 'confirm'));
    expect(mail!.parsed.text).toContain('48 timmar');
    // Asking again at once sends no second mail (the first link still works).
    expect((await subscribe(visitor, 'sen@example.org', 'sv', ['turku'])).statusCode).toBe(303);
    expect(smtp.to('sen@example.org')).toHaveLength(1);
    await updateRows(
      t.db,
      'newsletter_subscriber',
      { email: 'sen@example.org' },
      { confirm_expires_at: new Date(Date.now() - 1000).toISOString() },
    );
    const page = await visitor.get(link);
    expectPage(page, 410, [sv['newsletter.link.expired.title']]);
    await visitor.get('/newsletter');
    expect((await visitor.post(link)).statusCode).toBe(410);
    expect((await subscriber('sen@example.org'))?.status).toBe('pending');
    // Asking again after the link expired sends a new one.
    await subscribe(visitor, 'sen@example.org', 'sv', ['turku']);
    const [, renewed] = await smtp.waitFor('sen@example.org', 2);
    expect(linkIn(renewed!.parsed.text, 'confirm')).not.toContain(link);
    const unknown = await visitor.get(`/newsletter/confirm/${'A'.repeat(43)}`);
    expectPage(unknown, 404, [sv['newsletter.link.invalid.title']]);
    expect((await visitor.get('/newsletter/confirm/kort')).statusCode).toBe(404);
  });

  it('refuses bad input with a clear message and stores and sends nothing', async () => {
    const visitor = new TestAgent(t.app);
    await visitor.get('/newsletter');
    const before = await counts();
    for (const [fields, message] of [
      [
        { email: 'inte en adress', language: 'sv', topics: ['bergen'] },
        sv['newsletter.err.emailInvalid'],
      ],
      [{ email: '', language: 'sv', topics: ['bergen'] }, sv['newsletter.err.emailRequired']],
      [
        { email: 'ok@example.org', language: 'de', topics: ['bergen'] },
        sv['newsletter.err.language'],
      ],
      [{ email: 'ok@example.org', language: 'sv' }, sv['newsletter.err.topicsRequired']],
      [
        { email: 'ok@example.org', language: 'sv', topics: ['oslo'] },
        sv['newsletter.err.topicUnknown'],
      ],
    ] as const) {
      const res = await visitor.post('/newsletter', fields as Record<string, string | string[]>);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('class="error-summary"');
    }
    expect(await counts()).toEqual(before);
    // The mail server refuses the address: the form says so, and nothing is stored.
    smtp.reject.set('studsar@example.org', { code: 550, message: '5.1.1 Mailbox unavailable' });
    const bounced = await visitor.post('/newsletter', {
      email: 'studsar@example.org',
      language: 'sv',
      topics: ['bergen'],
    });
    expectRefused(bounced, [sv['newsletter.err.mailFailed']]);
    expect(await counts()).toEqual(before);
    // Without the form's CSRF token: refused before anything is read.
    const forged = await new TestAgent(t.app).post(
      '/newsletter',
      { email: 'ok@example.org', language: 'sv', topics: ['bergen'] },
      { csrf: null },
    );
    expect(forged.statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('does not reveal whether an address subscribes, and changes nothing of a confirmed subscription', async () => {
    await subscribed('kari@example.no', 'nb', ['bergen']);
    smtp.received.length = 0;
    const visitor = new TestAgent(t.app);
    const known = await subscribe(visitor, 'kari@example.no', 'fi', ['turku']);
    const unknown = await subscribe(visitor, 'ny@example.no', 'fi', ['turku']);
    expect(known.statusCode).toBe(303);
    expect(unknown.statusCode).toBe(303);
    expect(known.headers.location).toBe(unknown.headers.location);
    expect(String(known.headers['set-cookie'])).toContain('flash=');
    // The subscriber's settings are as they were; their mail points to their own page.
    expect(await subscriber('kari@example.no')).toMatchObject({
      status: 'confirmed',
      language: 'nb',
      topics: 'bergen',
    });
    const [mail] = await smtp.waitFor('kari@example.no');
    expect(mail!.parsed.subject).toBe(messagesOf('nb')['newsletter.mail.already.subject']);
    expect(linkIn(mail!.parsed.text, 'subscription')).toContain('/nb/newsletter/subscription/');
  });

  it('composes from the digest, previews, tests, refuses an empty issue and sends once to each confirmed subscriber of its cities', async () => {
    // A news item published just now, about Bergen (rows written directly until the news services exist).
    const now = new Date().toISOString();
    const bergen = await rowWhere(t.db, 'city', { slug: 'bergen' }, ['id']);
    await t.db.kysely
      .insertInto('news_item')
      .values({
        id: 'news-1',
        status: 'published',
        publish_at: now,
        published_at: now,
        created_by: null,
        updated_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.db.kysely
      .insertInto('news_translation')
      .values([
        {
          news_id: 'news-1',
          lang: 'sv',
          title: 'Bergen och Göteborg delar erfarenheter om hamnar',
          summary: null,
          body_markdown: 'x',
          body_html: '<p>x</p>',
          updated_at: now,
        },
        {
          news_id: 'news-1',
          lang: 'en',
          title: 'Bergen and Gothenburg share lessons on ports',
          summary: null,
          body_markdown: 'x',
          body_html: '<p>x</p>',
          updated_at: now,
        },
      ])
      .execute();
    await t.db.kysely
      .insertInto('news_link')
      .values({ news_id: 'news-1', target_kind: 'city', target_id: bergen.id })
      .execute();

    const bergenReaders = ['anna@example.se', 'ben@example.org', 'dag@example.dk'];
    await subscribed(bergenReaders[0]!, 'sv', ['bergen']);
    await subscribed(bergenReaders[1]!, 'en', ['bergen', 'turku']);
    await subscribed(bergenReaders[2]!, 'da', ['bergen']);
    await subscribed('tuula@example.fi', 'fi', ['turku']);
    // Never confirmed: gets nothing.
    const pending = new TestAgent(t.app);
    await subscribe(pending, 'vantar@example.se', 'sv', ['bergen']);
    smtp.received.length = 0;

    await coordinator.get('/workspace/newsletter');
    const created = await coordinator.post('/workspace/newsletter/issues');
    const path = String(created.headers.location);
    const editor = await coordinator.get(path);
    expectPage(editor, 200, [
      'Bergen och Göteborg delar erfarenheter om hamnar',
      'Bergen and Gothenburg share lessons on ports',
    ]);
    expect(editor.body).toMatch(/value="bergen"[^>]*checked/);

    // An empty issue is refused at the Swedish text, and nothing is queued.
    const emptied = await coordinator.post(path, {
      topics: ['bergen'],
      subject_sv: 'Tomt',
      body_sv: '',
    });
    expect(emptied.statusCode).toBe(303);
    await coordinator.get(path);
    const refused = await coordinator.post(`${path}/send`);
    expectRefused(refused, [sv['newsletter.err.empty'], 'href="#body_sv"']);
    expect(await t.db.kysely.selectFrom('newsletter_delivery').selectAll().execute()).toEqual([]);

    const id = path.split('/').pop()!;
    const saved = await coordinator.submit(path, {
      topics: ['bergen'],
      subject_sv: 'Vänortsnytt i december',
      body_sv: 'Hej!\n\nNyheter\n- Hamnar i Bergen: https://example.org/bergen',
      subject_en: 'Twin-city news in December',
      body_en: 'Hello!\n\nNews\n- Ports in Bergen: https://example.org/bergen',
    });
    expect(saved.statusCode).toBe(303);

    // The preview as the English and Danish readers will see it (Danish: the Swedish text).
    const previewEn = await coordinator.get(`${path}/preview/en`);
    expectPage(previewEn, 200, [
      'Twin-city news in December',
      '<li>Ports in Bergen: <a href="https://example.org/bergen">',
    ]);
    const previewDa = await coordinator.get(`${path}/preview/da`);
    expect(previewDa.body).toContain(sv['newsletter.preview.fallback']);
    expect(previewDa.body).toContain('Vänortsnytt i december');

    // A test to the coordinator, in English.
    await coordinator.get(path);
    const test = await coordinator.post(`${path}/test`, { language: 'en' });
    expect(test.statusCode).toBe(303);
    const [testMail] = await smtp.waitFor(COORDINATOR_EMAIL);
    expect(testMail!.parsed.subject).toBe('[Test] Twin-city news in December');
    expect(smtp.received).toHaveLength(1);

    await coordinator.get(path);
    const sent = await coordinator.post(`${path}/send`, { follow: '1' });
    expectRedirect(sent, `${path}?follow=1`);
    // Sent and being sent: no longer editable.
    const late = await coordinator.submit(path, { topics: [], subject_sv: 'x', body_sv: 'y' });
    expectPage(late, 409, [sv['newsletter.err.notDraft']]);
    await coordinator.get(path);
    expect((await coordinator.post(`${path}/send`)).statusCode).toBe(409);

    // Followed, the page refreshes itself while sending (and says how to stop); else it does not.
    const followed = await coordinator.get(`${path}?follow=1`);
    expect(followed.body).toContain('<meta http-equiv="refresh" content="10"/>');
    expect(followed.body).toContain(sv['newsletter.progress.stopFollowing']);
    const progress = await coordinator.get(path);
    expect(progress.body).not.toContain('http-equiv="refresh"');
    expect(progress.body).toContain(sv['newsletter.progress.follow']);
    expect(progress.body).toMatch(/<dt>Mottagare<\/dt><dd>3<\/dd>/);

    // One batch of two, then the sender "restarts" and finishes: nobody gets it twice.
    const first = await send({ maxBatches: 1, batchSize: 2 });
    expect(first.sent).toBe(2);
    const second = await send({ batchSize: 2 });
    expect(second.sent).toBe(1);
    expect((await send()).sent).toBe(0);
    for (const reader of bergenReaders) expect(smtp.to(reader), reader).toHaveLength(1);
    expect(smtp.to('tuula@example.fi')).toHaveLength(0);
    expect(smtp.to('vantar@example.se')).toHaveLength(0);

    // Headers and bodies as each reader gets them.
    const [english] = smtp.to('ben@example.org');
    expect(english!.parsed.subject).toBe('Twin-city news in December');
    expect(english!.parsed.headers.get('content-language')).toBe('en');
    expect(english!.parsed.from?.value[0]?.address).toBe('vanortsportalen@goteborg.se');
    // mailparser folds List-* headers into `list`: read the header lines as sent.
    const header = (name: string) =>
      english!.parsed.headerLines
        .find((h) => h.key === name)
        ?.line.replace(/^[^:]+:\s*/, '')
        .replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const listUnsubscribe = String(header('list-unsubscribe'));
    expect(listUnsubscribe).toMatch(
      /^<http:\/\/localhost(:80)?\/newsletter\/unsubscribe\/[\w-]{43}\/one-click>$/,
    );
    expect(english!.parsed.text).toContain('Ports in Bergen: https://example.org/bergen');
    expect(english!.parsed.text).toContain(linkIn(english!.parsed.text, 'unsubscribe'));
    expect(linkIn(english!.parsed.text, 'unsubscribe')).toContain('/en/newsletter/unsubscribe/');
    expect(String(english!.parsed.html)).toContain('<html lang="en">');
    expect(String(english!.parsed.html)).toContain('<a href="https://example.org/bergen">');
    const [danish] = smtp.to('dag@example.dk');
    expect(danish!.parsed.subject).toBe('Vänortsnytt i december');
    expect(danish!.parsed.headers.get('content-language')).toBe('sv');
    expect(danish!.parsed.text).toContain(messagesOf('da')['newsletter.mail.footer.why']);

    const done = await coordinator.get(`${path}?follow=1`);
    expect(done.body).not.toContain('http-equiv="refresh"');
    expect(done.body).toMatch(/<dt>Skickade<\/dt><dd>3<\/dd>/);
    const issue = await rowWhere(t.db, 'newsletter_issue', { id });
    expect(issue.status).toBe('sent');

    // The next digest starts after this issue: the news item is not suggested again.
    const next = await coordinator.post('/workspace/newsletter/issues');
    const nextEditor = await coordinator.get(String(next.headers.location));
    expect(nextEditor.body).not.toContain('Bergen och Göteborg delar erfarenheter om hamnar');
  });

  it('records a rejected recipient as failed with the SMTP answer, retries a temporary failure, and sends the others', async () => {
    await subscribed('finns.inte@example.org', 'sv', ['aarhus']);
    await subscribed('tillfallig@example.org', 'sv', ['aarhus']);
    await subscribed('mette@example.dk', 'da', ['aarhus']);
    smtp.received.length = 0;
    smtp.reject.set('finns.inte@example.org', { code: 550, message: '5.1.1 No such user here' });
    smtp.reject.set('tillfallig@example.org', {
      code: 451,
      message: '4.3.0 Try again later',
      times: 1,
    });
    const path = await draft(['aarhus']);
    await coordinator.get(path);
    expect((await coordinator.post(`${path}/send`)).statusCode).toBe(303);

    const clock = { now: new Date() };
    const first = await send({ now: () => clock.now });
    expect(first).toMatchObject({ sent: 1, failed: 1, retrying: 1 });
    expect(smtp.to('mette@example.dk')).toHaveLength(1);
    // The retry waits; a minute later it goes through.
    expect((await send({ now: () => clock.now })).sent).toBe(0);
    clock.now = new Date(clock.now.getTime() + 61_000);
    expect((await send({ now: () => clock.now })).sent).toBe(1);
    expect(smtp.to('tillfallig@example.org')).toHaveLength(1);
    expect(smtp.to('finns.inte@example.org')).toHaveLength(0);

    const page = await coordinator.get(path);
    expect(page.body).toContain('finns.inte@example.org');
    expect(page.body).toContain('550 5.1.1 No such user here');
    expect(page.body).toMatch(/<dt>Misslyckade<\/dt><dd>1<\/dd>/);
    expect(page.body).toMatch(/<dt>Försökta mer än en gång<\/dt><dd>1<\/dd>/);
  });

  it('never resends a claim a crash interrupted, and sends nothing to whoever unsubscribed meanwhile', async () => {
    await subscribed('krasch@example.org', 'sv', ['turku']);
    const manage = await subscribed('slutar@example.org', 'sv', ['turku']);
    const path = await draft(['turku']);
    await coordinator.get(path);
    expect((await coordinator.post(`${path}/send`)).statusCode).toBe(303);
    smtp.received.length = 0;
    // The sender claimed one delivery and stopped before recording the answer.
    const crashed = await t.db.kysely
      .selectFrom('newsletter_delivery as d')
      .innerJoin('newsletter_subscriber as s', 's.id', 'd.subscriber_id')
      .select('d.id')
      .where('s.email', '=', 'krasch@example.org')
      .executeTakeFirstOrThrow();
    await updateRows(
      t.db,
      'newsletter_delivery',
      { id: crashed.id },
      {
        status: 'sending',
        claimed_at: new Date(Date.now() - STALE_CLAIM_MS - 1000).toISOString(),
      },
    );
    // The other reader unsubscribes before the job runs.
    const token = manage.split('/').pop()!;
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/newsletter/unsubscribe/${token}/one-click`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    const result = await send();
    expect(result).toMatchObject({ sent: 0, interrupted: 1, skipped: 1 });
    expect(smtp.received).toHaveLength(0);
    const rows = await t.db.kysely
      .selectFrom('newsletter_delivery')
      .select(['status', 'last_error'])
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['failed', 'failed']);
  });

  it('sends each mail once when two instances run the job at the same time', async () => {
    const readers = ['ett@example.org', 'tva@example.org', 'tre@example.org'];
    for (const r of readers) await subscribed(r, 'sv', ['bergen']);
    const path = await draft(['bergen']);
    await coordinator.get(path);
    expect((await coordinator.post(`${path}/send`)).statusCode).toBe(303);
    smtp.received.length = 0;
    const context = {
      db: t.db,
      mailer: t.app.mailer,
      publicUrl: base,
      log: t.app.log,
      config: t.config,
    };
    const runs = await Promise.all([
      runJob(newsletterSendJob, context),
      runJob(newsletterSendJob, context),
    ]);
    // On PostgreSQL the job's advisory lock, on SQLite the in-process flag, keep them from
    // sending side by side (a run that starts after the other finished finds nothing due).
    expect(runs.some((r) => r.ran)).toBe(true);
    for (const r of runs) if (!r.ran) expect(r.reason).toBe('locked');
    for (const r of readers) expect(smtp.to(r), r).toHaveLength(1);
  });

  it('unsubscribes by one-click POST without a session or token, and by the page and its button', async () => {
    const manage = await subscribed('ett.klick@example.org', 'sv', ['bergen']);
    const token = manage.split('/').pop()!;
    const url = `/newsletter/unsubscribe/${token}/one-click`;
    // Another body, or none: refused, nothing changes.
    for (const payload of ['', 'List-Unsubscribe=Yes', 'unsubscribe=1']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload,
      });
      expect(res.statusCode, payload).toBe(400);
      expect(res.body).toContain(sv['newsletter.oneClick.invalid']);
    }
    expect((await subscriber('ett.klick@example.org'))?.status).toBe('confirmed');
    // The button's route still needs the page's CSRF token.
    const forged = await t.app.inject({
      method: 'POST',
      url: `/newsletter/unsubscribe/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(forged.statusCode).toBe(403);
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode).toBe(200);
    expect((await subscriber('ett.klick@example.org'))?.status).toBe('unsubscribed');
    // A client that opens the address gets the page.
    const opened = await t.app.inject({ method: 'GET', url });
    expect(opened.statusCode).toBe(303);

    const manage2 = await subscribed('knappen@example.org', 'fi', ['turku']);
    const token2 = manage2.split('/').pop()!;
    const reader = new TestAgent(t.app);
    reader.locale = 'fi';
    const page = await reader.get(`/newsletter/unsubscribe/${token2}`);
    expectPage(page, 200, [messagesOf('fi')['newsletter.unsubscribe.button']]);
    expect((await subscriber('knappen@example.org'))?.status).toBe('confirmed');
    const done = await reader.post(`/newsletter/unsubscribe/${token2}`);
    expect(done.statusCode).toBe(303);
    expect((await subscriber('knappen@example.org'))?.status).toBe('unsubscribed');
    const audit = await rowsWhere(t.db, 'audit_event', { entity: 'newsletter_subscriber' }, [
      'action',
      'actor_label',
    ]);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['newsletter.unsubscribe.oneClick', 'newsletter.unsubscribe']),
    );
    expect(audit.every((a) => a.actor_label === 'subscriber')).toBe(true);
  });

  it('lets the person see, export and erase what is stored; the retention job deletes old addresses', async () => {
    const manage = await subscribed('egen@example.org', 'en', ['aarhus']);
    const reader = new TestAgent(t.app);
    const page = await reader.get(manage);
    expect(page.body).toContain('egen@example.org');
    const exported = await reader.get(`${manage}/export.json`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    const data = JSON.parse(exported.body) as { subscription: unknown };
    expect(data.subscription).toMatchObject({
      email: 'egen@example.org',
      language: 'en',
      topics: ['aarhus'],
      status: 'confirmed',
    });
    const erased = await reader.post(`${manage}/erase`);
    expect(erased.statusCode).toBe(303);
    expect(await subscriber('egen@example.org')).toBeUndefined();
    expect((await reader.get(manage)).statusCode).toBe(404);
    const audit = await rowsWhere(t.db, 'audit_event', { action: 'newsletter.erase' }, [
      'changes',
      'actor_label',
    ]);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('egen@example.org');

    // Unsubscribed 31 days ago: deleted by the retention job; yesterday: kept.
    await subscribed('gammal@example.org', 'sv', ['bergen']);
    await subscribed('farsk@example.org', 'sv', ['bergen']);
    const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
    await updateRows(
      t.db,
      'newsletter_subscriber',
      { email: 'gammal@example.org' },
      { status: 'unsubscribed', unsubscribed_at: old },
    );
    await updateRows(
      t.db,
      'newsletter_subscriber',
      { email: 'farsk@example.org' },
      {
        status: 'unsubscribed',
        unsubscribed_at: new Date(Date.now() - 86_400_000).toISOString(),
      },
    );
    const result = await runJob(newsletterRetentionJob, {
      db: t.db,
      mailer: t.app.mailer,
      publicUrl: base,
      log: t.app.log,
      config: t.config,
    });
    expect(result).toMatchObject({ ran: true, outcome: 'ok' });
    expect(await subscriber('gammal@example.org')).toBeUndefined();
    expect(await subscriber('farsk@example.org')).toBeDefined();
  });

  it('keeps every newsletter page and the subscribers out of the public data generation and pages', async () => {
    const gen = async () =>
      (await rowWhere(t.db, 'data_generation', { name: 'public' }, ['value'])).value;
    const before = await gen();
    await subscribed('privat@example.org', 'sv', ['bergen']);
    expect(await gen()).toBe(before);
    for (const path of ['/', '/newsletter', '/sitemap.xml', '/cities/bergen']) {
      const res = await t.app.inject({ method: 'GET', url: path });
      expect(res.body, path).not.toContain('privat@example.org');
    }
    // The workspace is the coordinators' only.
    const anonymous = await t.app.inject({ method: 'GET', url: '/workspace/newsletter' });
    expect(anonymous.statusCode).toBe(303);
    const job = await runJob(newsletterSendJob, {
      db: t.db,
      mailer: t.app.mailer,
      publicUrl: base,
      log: t.app.log,
      config: t.config,
    });
    expect(job).toMatchObject({ ran: true, outcome: 'ok' });
  });
});

describeEachDialect('the newsletter without SMTP', (dialect) => {
  const t = useTestApp(dialect, { env: { NEWSLETTER_RATE_LIMIT: '0' } });

  it('puts the confirmation mail in the outbox', async () => {
    expect(t.app.mailer.kind).toBe('outbox');
    const visitor = new TestAgent(t.app);
    const res = await subscribe(visitor, 'utan.smtp@example.org', 'sv', ['bergen']);
    expect(res.statusCode).toBe(303);
    const outbox = await rowsWhere(t.db, 'mail_outbox', { to_address: 'utan.smtp@example.org' });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.subject).toBe(sv['newsletter.mail.confirm.subject']);
    expect(outbox[0]!.text_body).toMatch(/\/newsletter\/confirm\/[\w-]{43}/);
  });

  it('rate-limits the subscription form per address', async () => {
    const limited = await buildTestApp(dialect, {
      demo: false,
      env: { NEWSLETTER_RATE_LIMIT: '2' },
    });
    try {
      const visitor = new TestAgent(limited.app);
      await visitor.get('/newsletter');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await visitor.post('/newsletter', { email: 'x', language: 'sv', topics: [] }))
            .statusCode,
        );
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});
