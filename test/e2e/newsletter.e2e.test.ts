import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { newsletterSendJob } from '../../src/modules/newsletter/newsletter.job.ts';
import { jobContext, runJob } from '../../src/platform/scheduler.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, useE2eApp, signedInPage } from '../helpers/e2e.ts';
import { messagesOf } from '../helpers/messages.ts';
import { TestSmtpServer } from '../helpers/smtp-server.ts';

const canRun = browserAvailable();
const en = messagesOf('en');
const sv = messagesOf('sv');

/** axe at 1280 px and at 320 px, where the page must also fit without sideways scrolling. */
async function check(page: Page, label: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expectNoAxeViolations(page, `${label} at ${width} px`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `${label} at ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

function linkIn(text: string | undefined, page: string): string {
  const link = new RegExp(`https?://\\S+/newsletter/${page}/[\\w-]{43}`).exec(text ?? '')?.[0];
  if (!link) throw new Error(`no ${page} link in: ${text}`);
  return link;
}

// The browser story runs on SQLite: every step it takes is tested on both databases in
// src/modules/newsletter/newsletter.test.ts, and a second browser run would double its time.
for (const dialect of ['sqlite'] as const) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the newsletter in a browser [${dialect}]`,
    () => {
      let smtp: TestSmtpServer;
      let smtpUrl: string;
      beforeAll(async () => {
        smtp = new TestSmtpServer();
        smtpUrl = await smtp.start();
      });
      afterAll(async () => {
        await smtp?.stop();
      });
      // (Hooks after run in reverse: the app and the browser close before the mail server.)
      const e2e = useE2eApp(dialect, undefined, () => ({
        env: { SMTP_URL: smtpUrl, NEWSLETTER_RATE_LIMIT: '0' },
      }));

      /** A visitor subscribes at /en/newsletter and confirms by the mailed link's button. */
      async function subscribeInEnglish(page: Page, email: string, axe: boolean): Promise<void> {
        await page.goto(`${e2e.base}/en/newsletter`);
        expect(await page.getAttribute('html', 'lang')).toBe('en');
        if (axe) await check(page, 'subscribe');
        if (axe) {
          await page.getByLabel(en['newsletter.field.email']).fill('not an address');
          await page.getByRole('button', { name: en['newsletter.submit'] }).click();
          await expect(page.locator('.error-summary').textContent()).resolves.toContain(
            en['newsletter.err.emailInvalid'],
          );
          await check(page, 'subscribe with errors');
        }
        await page.getByLabel(en['newsletter.field.email']).fill(email);
        await page.getByRole('radio', { name: 'English' }).check();
        await page.getByRole('checkbox', { name: 'Bergen' }).check();
        await page.getByRole('button', { name: en['newsletter.submit'] }).click();
        expect(page.url()).toBe(`${e2e.base}/en/newsletter`);
        await expect(page.locator('.flash').textContent()).resolves.toContain('Check your inbox');

        const [mail] = await smtp.waitFor(email);
        expect(mail!.parsed.subject).toBe(en['newsletter.mail.confirm.subject']);
        const link = linkIn(mail!.parsed.text, 'confirm');
        expect(link.startsWith(`${e2e.base}/en/newsletter/confirm/`)).toBe(true);
        await page.goto(link);
        if (axe) await check(page, 'confirm');
        await page.getByRole('button', { name: en['newsletter.confirm.button'] }).click();
        expect(page.url()).toMatch(/\/en\/newsletter\/subscription\/[\w-]{43}$/);
        await expect(page.locator('.flash').textContent()).resolves.toBe(
          en['newsletter.flash.confirmed'],
        );
        await expect(page.locator('main').textContent()).resolves.toContain(email);
        if (axe) await check(page, 'subscription');
        if (axe) {
          // The link works once: the second time its page says so.
          const again = await page.goto(link);
          expect(again?.status()).toBe(410);
          await expect(page.locator('h1').textContent()).resolves.toBe(
            en['newsletter.link.used.title'],
          );
          await check(page, 'confirmation link used');
        }
      }

      it('a visitor subscribes in English, receives the issue a coordinator sends, and unsubscribes in one click or by the page', async () => {
        const visitor = await e2e.browser.newContext();
        const page = await visitor.newPage();
        await subscribeInEnglish(page, 'visitor.one@example.org', true);
        // The second reader has JavaScript off: every step works without it.
        const noScript = await e2e.browser.newContext({ javaScriptEnabled: false });
        await subscribeInEnglish(await noScript.newPage(), 'visitor.two@example.org', false);

        // A coordinator composes, previews, tests and sends.
        const desk = await signedInPage(e2e, 'samordnare@vanort.example', DEMO_PASSWORD);
        await desk.goto(`${e2e.base}/workspace/newsletter`);
        await check(desk, 'issues');
        await desk.getByRole('button', { name: sv['newsletter.ws.new'] }).click();
        expect(desk.url()).toMatch(/\/workspace\/newsletter\/[\w-]+$/);
        const issuePath = new URL(desk.url()).pathname;
        await check(desk, 'issue editor');
        // An empty issue is refused with a clear message.
        await desk.locator('#body_sv').fill('');
        await desk.getByRole('button', { name: sv['newsletter.issue.save'] }).click();
        // Sending asks first (decision 033): the link, then the confirming button.
        await desk.getByRole('link', { name: sv['newsletter.issue.sendButton'] }).click();
        await desk.getByRole('button', { name: sv['newsletter.issue.sendButton'] }).click();
        await expect(desk.locator('.error-summary').textContent()).resolves.toContain(
          sv['newsletter.err.empty'],
        );
        await check(desk, 'issue refused');
        await desk.locator('#subject_sv').fill('Vänortsnytt från Göteborg');
        await desk
          .locator('#body_sv')
          .fill('Hej!\n\nNyheter\n- Hamnsamarbetet med Bergen: https://example.org/hamn');
        await desk.locator('#subject_en').fill('Twin-city news from Gothenburg');
        await desk
          .locator('#body_en')
          .fill('Hello!\n\nNews\n- The port cooperation with Bergen: https://example.org/port');
        await desk.getByRole('button', { name: sv['newsletter.issue.save'] }).click();
        await expect(desk.locator('.flash').textContent()).resolves.toBe(
          sv['newsletter.flash.saved'],
        );
        await desk.getByRole('link', { name: 'Som mottagare på English ser det' }).click();
        await expect(desk.locator('main').textContent()).resolves.toContain(
          'The port cooperation with Bergen',
        );
        await check(desk, 'preview');
        await desk.goto(e2e.base + issuePath);
        await desk.getByRole('button', { name: sv['newsletter.issue.testButton'] }).click();
        await smtp.waitFor('samordnare@vanort.example');
        // Sending asks first (decision 033): the link, then the confirming button.
        await desk.getByRole('link', { name: sv['newsletter.issue.sendButton'] }).click();
        await desk.getByRole('button', { name: sv['newsletter.issue.sendButton'] }).click();
        await expect(desk.locator('.flash').textContent()).resolves.toContain('2 mottagare');
        expect(desk.url()).toBe(`${e2e.base}${issuePath}?follow=1`);
        expect(await desk.locator('meta[http-equiv="refresh"]').count()).toBe(1);
        // The refresh is the coordinator's choice (the ticked box) and stops at a click (WCAG
        // 2.2.1); axe's meta-refresh rule cannot know that, so axe checks the page unfollowed.
        await desk.getByRole('link', { name: sv['newsletter.progress.stopFollowing'] }).click();
        expect(desk.url()).toBe(`${e2e.base}${issuePath}`);
        expect(await desk.locator('meta[http-equiv="refresh"]').count()).toBe(0);
        await check(desk, 'sending');

        // The background job sends; the page shows it done.
        // In production links come from PUBLIC_URL (required there); here, the listening address.
        const run = await runJob(newsletterSendJob, {
          ...jobContext(e2e.t.app),
          publicUrl: e2e.base,
        });
        expect(run).toMatchObject({ ran: true, outcome: 'ok' });
        await desk.goto(e2e.base + issuePath);
        expect(await desk.locator('meta[http-equiv="refresh"]').count()).toBe(0);
        await check(desk, 'sent');

        // Both readers get it in English, with the RFC 8058 headers.
        const [one] = smtp.to('visitor.one@example.org').slice(-1);
        expect(one!.parsed.subject).toBe('Twin-city news from Gothenburg');
        expect(one!.parsed.headers.get('content-language')).toBe('en');
        expect(one!.parsed.text).toContain('The port cooperation with Bergen');
        const lines = one!.parsed.headerLines;
        expect(lines.find((h) => h.key === 'list-unsubscribe-post')?.line).toContain(
          'List-Unsubscribe=One-Click',
        );
        const oneClick = /<([^>]+)>/.exec(
          lines.find((h) => h.key === 'list-unsubscribe')?.line ?? '',
        )?.[1];
        expect(oneClick).toMatch(
          new RegExp(`^${e2e.base}/newsletter/unsubscribe/[\\w-]{43}/one-click$`),
        );

        // One click, as a mail client posts it: no session, no CSRF token.
        const res = await fetch(oneClick!, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(res.status).toBe(200);
        const manage = linkIn(one!.parsed.text, 'subscription');
        await page.goto(manage);
        await expect(page.locator('main').textContent()).resolves.toContain(
          en['newsletter.subscription.status.unsubscribed'],
        );

        // The link and its button, for the reader without JavaScript.
        const [two] = smtp.to('visitor.two@example.org').slice(-1);
        expect(two!.parsed.subject).toBe('Twin-city news from Gothenburg');
        const unsubscribe = linkIn(two!.parsed.text, 'unsubscribe');
        expect(unsubscribe.startsWith(`${e2e.base}/en/newsletter/unsubscribe/`)).toBe(true);
        const reader = await visitor.newPage();
        await reader.goto(unsubscribe);
        await check(reader, 'unsubscribe');
        await reader.getByRole('button', { name: en['newsletter.unsubscribe.button'] }).click();
        await expect(reader.locator('.flash').textContent()).resolves.toBe(
          en['newsletter.flash.unsubscribed'],
        );
        await check(reader, 'unsubscribed');
        const statuses = await e2e.t.db.kysely
          .selectFrom('newsletter_subscriber')
          .select(['email', 'status'])
          .orderBy('email')
          .execute();
        expect(statuses).toEqual([
          { email: 'visitor.one@example.org', status: 'unsubscribed' },
          { email: 'visitor.two@example.org', status: 'unsubscribed' },
        ]);
        await Promise.all([visitor.close(), noScript.close(), desk.context().close()]);
      }, 120_000); // the longest flow of the suite: two readers, a coordinator, the send job
    },
  );
}
