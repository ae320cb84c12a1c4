import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { draftProposal } from '../../src/modules/decisions/proposal.service.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { COORDINATOR, TROMSO_PROPOSAL } from '../helpers/decision-fixtures.ts';
import { expectNoAxeViolations, logIn, useE2eApp } from '../helpers/e2e.ts';

const canRun = browserAvailable();

/**
 * Every kind of confirmation page in a browser (issue 19, point 2; decision 033): reached
 * from the button beside the item, it asks a question, names the item, passes axe, fits
 * 320 px, and "Avbryt" leads back with nothing changed. `confirmations.e2e.test.ts` confirms
 * two of them to the end; `test/integration/confirmations.test.ts` checks each step on both
 * databases. One database here: the pages are the same on both.
 */
describe.skipIf(!canRun || !dialectAvailable('sqlite'))(
  'every confirmation page in a browser [sqlite]',
  () => {
    const e2e = useE2eApp('sqlite');
    let coordinator: Page;
    /** [where the button is, the link's accessible name, the question, the table and id it must leave alone] */
    const cases: [string, RegExp, string, () => Promise<number>][] = [];

    beforeAll(async () => {
      const db = e2e.t.db.kysely;
      const meeting = await db
        .selectFrom('meeting')
        .select('id')
        .where('year', '=', 2027)
        .executeTakeFirstOrThrow();
      const m = `/workspace/meetings/${meeting.id}`;
      const count =
        (table: 'meeting_programme_item' | 'meeting_seminar' | 'meeting_document') => async () =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .where('meeting_id', '=', meeting.id)
                .executeTakeFirstOrThrow()
            ).n,
          );
      const openActions = async () =>
        Number(
          (
            await db
              .selectFrom('meeting_outcome')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('kind', '=', 'action')
              .where('closed_on', 'is', null)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const byStatus =
        (table: 'campaign' | 'proposal' | 'newsletter_issue', status: string) => async () =>
          Number(
            (
              await db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as('n'))
                .where('status', '=', status)
                .executeTakeFirstOrThrow()
            ).n,
          );
      const campaign = await db
        .selectFrom('campaign')
        .select('id')
        .where('status', '=', 'open')
        .executeTakeFirstOrThrow();
      const issue = await db
        .selectFrom('newsletter_issue')
        .select('id')
        .where('status', '=', 'draft')
        .executeTakeFirstOrThrow();
      await draftProposal(e2e.t.db, COORDINATOR, TROMSO_PROPOSAL);
      cases.push(
        [
          `${m}/programme`,
          /^Ta bort\s?: /,
          'Ta bort programpunkten?',
          count('meeting_programme_item'),
        ],
        [`${m}/seminars`, /^Ta bort\s?: /, 'Ta bort seminariet?', count('meeting_seminar')],
        [`${m}/documents`, /^Ta bort\s?: /, 'Ta bort dokumentet?', count('meeting_document')],
        [`${m}/outcomes`, /^Avsluta/, 'Avsluta åtgärden?', openActions],
        [
          `/workspace/campaigns/${campaign.id}`,
          /^Avsluta inventeringen/,
          'Avsluta inventeringen?',
          byStatus('campaign', 'open'),
        ],
        [
          '/workspace/proposals',
          /^Skicka/,
          'Skicka förslaget för beslut?',
          byStatus('proposal', 'draft'),
        ],
        ['/workspace/proposals', /^Återta/, 'Återta förslaget?', byStatus('proposal', 'draft')],
        [
          `/workspace/newsletter/${issue.id}`,
          /^Skicka/,
          'Skicka utskicket nu?',
          byStatus('newsletter_issue', 'draft'),
        ],
      );
      coordinator = await (await e2e.browser.newContext()).newPage();
      await logIn(coordinator, e2e.base, 'samordnare@vanort.example', DEMO_PASSWORD);
    });

    it('each asks first, names what it does, passes axe, fits 320 px and cancels safely', async () => {
      const page = coordinator;
      for (const [where, link, question, state] of cases) {
        const before = await state();
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(e2e.base + where);
        await page.getByRole('link', { name: link }).first().click();
        await expect(page.locator('h1').textContent(), where).resolves.toBe(question);
        await expect(page.title(), where).resolves.toContain(question);
        await expect(page.getByRole('button').last().isVisible(), where).resolves.toBe(true);
        await expectNoAxeViolations(page, `confirmation: ${question}`);
        await page.setViewportSize({ width: 320, height: 640 });
        await expect(
          page.evaluate(() => document.documentElement.scrollWidth),
          `${question} at 320 px`,
        ).resolves.toBeLessThanOrEqual(320);
        await page.getByRole('link', { name: 'Avbryt' }).click();
        expect(new URL(page.url()).pathname, question).toBe(where);
        await expect(state(), `${question}: cancelling changes nothing`).resolves.toBe(before);
      }
    });
  },
);
