import type { Page } from 'playwright-core';
import { i18nFor } from '../../src/platform/i18n/i18n.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import type { Locale } from '../../src/platform/i18n/locales.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import {
  addressIn,
  expectNoAxeViolations,
  openTask,
  useE2eApp,
  signedInPage,
} from '../helpers/e2e.ts';
import { fill, messagesOf } from '../helpers/messages.ts';

/**
 * Issue 13's acceptance scenario: the portal in the chain's five languages, each at its own
 * address — a Danish visitor, a Norwegian partner contact, and the addresses that are not a
 * language.
 */

const canRun = browserAvailable();
const sv = messagesOf('sv');
const da = messagesOf('da');
const nb = messagesOf('nb');
const fi = messagesOf('fi');

const main = (page: Page) => page.locator('main').textContent();
const flash = (page: Page) => page.locator('.flash').textContent();
const lang = (page: Page) => page.getAttribute('html', 'lang');
const h1 = (page: Page) => page.locator('h1').textContent();
const headings = (page: Page) => page.locator('main :is(h2, h3)').allTextContents();

/** A span of plain dates as the app writes it (src/shared/dates.ts), by Intl for the locale. */
function dateRange(intlLocale: string, start: string, end: string): string {
  const noon = (date: string) => new Date(`${date}T12:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(noon(start), noon(end));
}

/** Follows the language switch to another language. */
async function switchTo(page: Page, from: Locale, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: messagesOf(from)['layout.languageNav'] })
    .getByRole('link', { name, exact: true })
    .click();
}

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the portal in five languages in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);
      /** The next meeting (2027, in Göteborg). */
      let next: { id: string; start: string; end: string };
      beforeAll(async () => {
        const meeting = await e2e.t.db.kysely
          .selectFrom('meeting')
          .select(['id', 'start_date', 'end_date'])
          .where('year', '=', 2027)
          .executeTakeFirstOrThrow();
        next = { id: meeting.id, start: meeting.start_date!, end: meeting.end_date! };
      });

      it('a Danish visitor reads the next meeting, Bergen and the meeting in Danish, then switches to Finnish', async () => {
        const context = await e2e.browser.newContext({ locale: 'da-DK' });
        const page = await context.newPage();
        const response = await page.goto(`${e2e.base}/da/`);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-language']).toBe('da');
        expect(await lang(page)).toBe('da');
        await expect(h1(page)).resolves.toBe(da['home.title']);
        const nextMeeting = page.locator('section[aria-labelledby="next-heading"]');
        await expect(nextMeeting.locator('h2').textContent()).resolves.toBe(da['home.nextTitle']);
        const danishDates = dateRange('da-DK', next.start, next.end);
        const nextText = await nextMeeting.textContent();
        expect(nextText).toContain(fill(da['home.nextPlanned'], { year: 2027, city: 'Göteborg' }));
        expect(nextText).toContain(danishDates);
        expect(nextText).not.toContain(dateRange('sv-SE', next.start, next.end));
        expect(nextText).not.toContain(sv['home.nextTitle']);
        await expectNoAxeViolations(page, '/da/');

        // The start page's city card → Bergen, in Danish.
        await page.locator('main').getByRole('link', { name: 'Bergen', exact: true }).click();
        expect(page.url()).toBe(`${e2e.base}/da/cities/bergen`);
        expect(await lang(page)).toBe('da');
        await expect(h1(page)).resolves.toBe('Bergen');
        const cityHeadings = await headings(page);
        expect(cityHeadings).toContain(da['city.facts']);
        expect(cityHeadings).toContain(da['city.names']);
        expect(cityHeadings).toContain(fill(da['city.meetingsTitle'], { city: 'Bergen' }));
        await expectNoAxeViolations(page, '/da/cities/bergen');

        // The main menu → the meetings → the 2027 meeting, with Bergen's delegation.
        await page
          .getByRole('navigation', { name: da['layout.mainNav'] })
          .getByRole('link', { name: da['nav.meetings'] })
          .click();
        expect(page.url()).toBe(`${e2e.base}/da/meetings`);
        expect(await lang(page)).toBe('da');
        await expect(h1(page)).resolves.toBe(da['meetings.title']);
        await page.locator('main').getByRole('link', { name: '2027', exact: true }).click();
        expect(page.url()).toBe(`${e2e.base}/da/meetings/${next.id}`);
        expect(await lang(page)).toBe('da');
        await expect(h1(page)).resolves.toBe(
          fill(da['meeting.title'], { year: 2027, city: 'Göteborg' }),
        );
        const meetingHeadings = await headings(page);
        expect(meetingHeadings).toContain(da['meeting.facts']);
        expect(meetingHeadings).toContain(fill(da['meeting.delegationOf'], { city: 'Bergen' }));
        await expect(main(page)).resolves.toContain(danishDates);
        await expectNoAxeViolations(page, `/da/meetings/${next.id}`);

        // A Danish plural: the password link is valid for 30 "minutter" (one: "minut").
        await page
          .getByRole('navigation', { name: da['nav.userMenu'] })
          .getByRole('link', { name: da['nav.login'] })
          .click();
        expect(page.url()).toBe(`${e2e.base}/da/login`);
        await page.getByRole('link', { name: da['reset.forgot'] }).click();
        expect(page.url()).toBe(`${e2e.base}/da/reset`);
        expect(await lang(page)).toBe('da');
        await expect(h1(page)).resolves.toBe(da['reset.title']);
        await expect(page.locator('.lead').textContent()).resolves.toContain(
          'Linket gælder i 30 minutter og virker én gang.',
        );
        await expectNoAxeViolations(page, '/da/reset');
        await page.goBack();
        await page.goBack();
        expect(page.url()).toBe(`${e2e.base}/da/meetings/${next.id}`);

        // The language switch: the same meeting, in Finnish.
        await switchTo(page, 'da', 'Suomi');
        expect(page.url()).toBe(`${e2e.base}/fi/meetings/${next.id}`);
        expect(await lang(page)).toBe('fi');
        await expect(h1(page)).resolves.toBe(
          fill(fi['meeting.title'], { year: 2027, city: 'Göteborg' }),
        );
        expect(await headings(page)).toContain(fi['meeting.facts']);
        await expect(main(page)).resolves.toContain(dateRange('fi-FI', next.start, next.end));
        await expectNoAxeViolations(page, `/fi/meetings/${next.id}`);
        await context.close();
      });

      it('the partner contact from Bergen manages Bergen’s delegation in Norwegian', async () => {
        const page = await signedInPage(e2e, 'bergen@vanort.example', DEMO_PASSWORD, {
          locale: 'nb',
          context: { locale: 'nb-NO' },
        });
        expect(page.url()).toBe(`${e2e.base}/nb/workspace`);
        expect(await lang(page)).toBe('nb');
        await expect(flash(page)).resolves.toBe(nb['flash.loggedIn']);
        await page.goto(`${e2e.base}/nb/account`);
        // A Norwegian plural, the "one" form.
        await expect(main(page)).resolves.toContain('Du er logget inn på 1 enhet eller nettleser.');
        await expectNoAxeViolations(page, '/nb/account');

        await openTask(page, nb['nav.workspace.delegations'], 'nb');
        expect(page.url()).toBe(`${e2e.base}/nb/workspace/delegations`);
        expect(await lang(page)).toBe('nb');
        await expect(h1(page)).resolves.toBe(nb['delegation.overview.title']);
        const delegationLink = page.getByRole('link', {
          name: fill(nb['delegation.page.title'], { city: 'Bergen', year: 2027 }),
        });
        const row = page.getByRole('row', { name: /^2027/ });
        await expect(row.textContent()).resolves.toContain('3 deltakere');
        await expectNoAxeViolations(page, '/nb/workspace/delegations');

        await delegationLink.click();
        const url = `${e2e.base}/nb/workspace/meetings/${next.id}/delegations/bergen`;
        expect(page.url()).toBe(url);
        expect(await lang(page)).toBe('nb');
        await expect(h1(page)).resolves.toBe(
          fill(nb['delegation.page.title'], { city: 'Bergen', year: 2027 }),
        );
        const form = page.locator('#member-form');
        await expect(form.locator('h2').textContent()).resolves.toBe(
          nb['delegation.form.addTitle'],
        );
        // Another Norwegian plural, the "other" form.
        await expect(form.textContent()).resolves.toContain(
          'Slettes automatisk 90 dager etter møtet.',
        );
        await expectNoAxeViolations(page, 'Bergen delegation (nb)');

        // A bad submission is refused in Norwegian, with the values kept.
        await page.getByLabel(nb['delegation.field.phone']).fill('ring meg');
        await page.getByRole('button', { name: nb['delegation.form.add'] }).click();
        expect(await lang(page)).toBe('nb');
        const summary = page.locator('.error-summary');
        await expect(summary.locator('h2').textContent()).resolves.toBe(nb['form.errorSummary']);
        const problems = await summary.textContent();
        expect(problems).toContain(nb['delegation.error.nameRequired']);
        expect(problems).toContain(nb['delegation.error.phoneInvalid']);
        expect(problems).not.toContain(sv['delegation.error.nameRequired']);
        await expect(page.title()).resolves.toMatch(
          new RegExp(`^${nb['form.errorTitlePrefix']}: `),
        );
        await expect(page.getByLabel(nb['delegation.field.phone']).inputValue()).resolves.toBe(
          'ring meg',
        );
        await expectNoAxeViolations(page, 'Bergen delegation form with errors (nb)');

        await page.getByLabel(nb['delegation.field.name'], { exact: true }).fill('Ola Nordmann');
        await page.getByLabel(nb['delegation.field.title']).fill('Bystyremedlem');
        await page.getByLabel(nb['delegation.field.affiliation']).fill('Senterpartiet');
        await page.getByLabel(nb['delegation.field.dietaryNeeds']).fill('Nøtteallergi');
        await page.getByLabel(nb['delegation.field.travel']).fill('Fly BGO–GOT 13/9');
        await page.getByLabel(nb['delegation.field.phone']).fill('+47 55 56 12 34');
        await page.getByRole('button', { name: nb['delegation.form.add'] }).click();
        expect(page.url()).toBe(url);
        expect(await lang(page)).toBe('nb');
        await expect(flash(page)).resolves.toBe(nb['delegation.flash.added']);
        const members = await page
          .getByRole('table', { name: nb['delegation.members.caption'] })
          .textContent();
        expect(members).toContain('Ola Nordmann');
        expect(members).toContain('Nøtteallergi');
        // Changed after confirmation: nominated again.
        await expect(main(page)).resolves.toContain(nb['delegation.status.nominated']);
        await expectNoAxeViolations(page, 'Bergen delegation with the new member (nb)');

        // Back to all delegations through the breadcrumbs (decision 034).
        await page
          .getByRole('navigation', { name: nb['layout.breadcrumbs'] })
          .getByRole('link', { name: nb['workspace.link.delegations'], exact: true })
          .click();
        expect(page.url()).toBe(`${e2e.base}/nb/workspace/delegations`);
        await expect(row.textContent()).resolves.toContain('4 deltakere');
        await page.context().close();
      });

      it('works without JavaScript in Norwegian: a refused member keeps its values, a good one is added', async () => {
        const page = await signedInPage(e2e, 'bergen@vanort.example', DEMO_PASSWORD, {
          locale: 'nb',
          context: { javaScriptEnabled: false, locale: 'nb-NO' },
        });
        expect(page.url()).toBe(`${e2e.base}/nb/workspace`);
        await openTask(page, nb['nav.workspace.delegations'], 'nb');
        await page
          .getByRole('link', {
            name: fill(nb['delegation.page.title'], { city: 'Bergen', year: 2027 }),
          })
          .click();
        expect(page.url()).toBe(`${e2e.base}/nb/workspace/meetings/${next.id}/delegations/bergen`);
        await page.getByLabel(nb['delegation.field.name'], { exact: true }).fill('Kari Nordmann');
        await page.getByLabel(nb['delegation.field.travel']).fill('x'.repeat(501));
        await page.getByRole('button', { name: nb['delegation.form.add'] }).click();
        expect(await lang(page)).toBe('nb');
        // The form home refuses an over-long value at its field, saying the limit (issue 17).
        await expect(page.locator('.error-summary').textContent()).resolves.toContain(
          i18nFor('nb').t('form.tooLong', { max: 500, length: 501 }),
        );
        await expect(
          page.getByLabel(nb['delegation.field.name'], { exact: true }).inputValue(),
        ).resolves.toBe('Kari Nordmann');
        await page.getByLabel(nb['delegation.field.travel']).fill('Hurtigruten');
        await page.getByRole('button', { name: nb['delegation.form.add'] }).click();
        expect(await lang(page)).toBe('nb');
        await expect(flash(page)).resolves.toBe(nb['delegation.flash.added']);
        await expect(main(page)).resolves.toContain('Hurtigruten');
        await page.context().close();
      });

      it('answers an unknown language with the Swedish 404, ignores ?lang=xx and offers Finnish to a Finnish browser', async () => {
        const context = await e2e.browser.newContext();
        const page = await context.newPage();
        const notFound = await page.goto(`${e2e.base}/de/`);
        expect(notFound?.status()).toBe(404);
        expect(await lang(page)).toBe('sv');
        await expect(h1(page)).resolves.toBe(sv['error.notFound.title']);
        const languages = page.getByRole('navigation', { name: sv['error.notFound.languages'] });
        const links = languages.getByRole('link');
        await expect(links.count()).resolves.toBe(5);
        for (const [locale, name] of [
          ['sv', 'Svenska'],
          ['en', 'English'],
          ['da', 'Dansk'],
          ['nb', 'Norsk bokmål'],
          ['fi', 'Suomi'],
        ] as const) {
          const link = languages.getByRole('link', { name, exact: true });
          await expect(link.getAttribute('href')).resolves.toBe(addressIn(locale, '/'));
          await expect(link.getAttribute('hreflang')).resolves.toBe(locale);
          await expect(link.getAttribute('lang')).resolves.toBe(locale);
        }
        await expectNoAxeViolations(page, '/de/ (404)');
        await languages.getByRole('link', { name: 'Dansk', exact: true }).click();
        expect(page.url()).toBe(`${e2e.base}/da/`);
        expect(await lang(page)).toBe('da');

        // An unknown ?lang= is ignored: the Swedish start page, at the address asked for.
        const ignored = await page.goto(`${e2e.base}/?lang=xx`);
        expect(ignored?.status()).toBe(200);
        expect(page.url()).toBe(`${e2e.base}/?lang=xx`);
        expect(await lang(page)).toBe('sv');
        await expect(h1(page)).resolves.toBe(sv['home.title']);
        // An old ?lang=da link is sent on to the Danish address.
        await page.goto(`${e2e.base}/cities/bergen?lang=da`);
        expect(page.url()).toBe(`${e2e.base}/da/cities/bergen`);
        expect(await lang(page)).toBe('da');
        await context.close();

        // A Finnish browser is offered Finnish on the Swedish start page, never sent there.
        const finnish = await e2e.browser.newContext({ locale: 'fi-FI' });
        const reader = await finnish.newPage();
        const start = await reader.goto(`${e2e.base}/`);
        expect(start?.status()).toBe(200);
        expect(reader.url()).toBe(`${e2e.base}/`);
        expect(await lang(reader)).toBe('sv');
        const offer = reader.locator('.language-offer');
        await expect(offer.getAttribute('lang')).resolves.toBe('fi');
        await expect(offer.textContent()).resolves.toContain(fi['layout.offerText']);
        await expectNoAxeViolations(reader, '/ with the Finnish offer');
        await offer.getByRole('link', { name: 'Lue suomeksi', exact: true }).click();
        expect(reader.url()).toBe(`${e2e.base}/fi/`);
        expect(await lang(reader)).toBe('fi');
        await expect(h1(reader)).resolves.toBe(fi['home.title']);
        await expectNoAxeViolations(reader, '/fi/');
        await finnish.close();
      });
    },
  );
}
