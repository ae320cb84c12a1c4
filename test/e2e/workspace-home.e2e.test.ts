import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { DIALECTS, dialectAvailable } from '../helpers/databases.ts';
import { expectNoAxeViolations, logIn, useE2eApp, signedInPage } from '../helpers/e2e.ts';
import { COORDINATOR, TROMSO_PROPOSAL } from '../helpers/decision-fixtures.ts';
import { findUserByEmail } from '../../src/modules/accounts/account.service.ts';
import { getChain } from '../../src/modules/cities/index.ts';
import { startCampaign } from '../../src/modules/collaborations/campaign.service.ts';
import { draftProposal } from '../../src/modules/decisions/proposal.service.ts';
import { addToPlainDate, gothenburgDate } from '../../src/modules/meetings/delegation.dates.ts';
import { scheduleMeeting } from '../../src/modules/meetings/meeting.service.ts';

const canRun = browserAvailable();
// Set WORKSPACE_SHOTS=/some/dir to keep the screenshots for a look (decision 028).
const shots = process.env.WORKSPACE_SHOTS;

/** The page fits the viewport: no sideways scrolling (WCAG 1.4.10). */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * What waits for each role once the data below is added to the demo's (issue 19, point 4):
 * the kinds of its tasks (`data-kind`), each a line with one link.
 */
const WAITING = [
  [
    'samordnare@vanort.example',
    'coordinator',
    ['hostPlan.task', 'review.collaborations', 'campaign.missing', 'proposal.send'],
  ],
  ['rapportor@vanort.example', 'reporter', ['collaboration.returned', 'campaign.answer']],
  ['presidiet@vanort.example', 'presidium', ['delegation.confirm']],
  ['bergen@vanort.example', 'partner', ['delegation.fill']],
  ['sekretariatet@vanort.example', 'council', ['proposal.decide']],
] as const;

/** The tasks of the start page as the browser shows them, in order. */
const tasksOf = (page: Page) =>
  page.locator('.task-list > li').evaluateAll((items) =>
    items.map((li) => ({
      kind: li.getAttribute('data-kind') ?? '',
      overdue: li.classList.contains('task-overdue'),
      links: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? ''),
      due: li.querySelector('.task-due')?.textContent ?? '',
    })),
  );

for (const dialect of DIALECTS) {
  describe.skipIf(!canRun || !dialectAvailable(dialect))(
    `the workspace start page in a browser [${dialect}]`,
    () => {
      const e2e = useE2eApp(dialect);

      it('shows each role what waits for it, overdue first, one link each, the launchers below', async () => {
        // Data that makes every kind speak: a campaign a week before its deadline, a proposal
        // drafted and one sent to the council, and a 2029 meeting in Bergen whose delegation
        // Bergen has not filled in.
        const today = gothenburgDate();
        const coordinator = (await findUserByEmail(e2e.t.db.kysely, 'samordnare@vanort.example'))!;
        await startCampaign(e2e.t.db, COORDINATOR, coordinator, {
          title: 'Inventering av vänortssamarbeten',
          periodFrom: addToPlainDate(today, { months: -6 }),
          periodTo: today,
          deadline: addToPlainDate(today, { days: 7 }),
          message: '',
          scope: 'all',
          organisations: [],
        });
        await draftProposal(e2e.t.db, COORDINATOR, {
          ...TROMSO_PROPOSAL,
          title: 'Förslag: Tromsø',
        });
        const sent = await draftProposal(e2e.t.db, COORDINATOR, {
          ...TROMSO_PROPOSAL,
          newCity: { ...TROMSO_PROPOSAL.newCity, slug: 'bodo', nameSv: 'Bodø', nameEn: 'Bodø' },
          title: 'Förslag: Bodø',
        });
        await e2e.t.db.kysely
          .updateTable('proposal')
          .set({ status: 'sent', sent_at: new Date().toISOString() })
          .where('id', '=', sent.id)
          .execute();
        const chain = (await getChain(e2e.t.db))!;
        await scheduleMeeting(
          e2e.t.db,
          chain,
          { actor: COORDINATOR, user: coordinator },
          {
            year: '2029',
            host: 'bergen',
            startDate: '2029-06-05',
            endDate: '2029-06-07',
            venue: '',
            theme: '',
            status: 'planned',
            statusReason: '',
          },
        );

        const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
        for (const [email, role, kinds] of WAITING) {
          await context.clearCookies();
          const page = await context.newPage();
          await logIn(page, e2e.base, email, DEMO_PASSWORD);
          await page.goto(`${e2e.base}/workspace`);
          const tasks = await tasksOf(page);
          expect(tasks.map((task) => task.kind).sort(), role).toEqual(
            expect.arrayContaining([...kinds].sort()),
          );
          // One link each; overdue ones first, marked in words; dated ones before undated.
          for (const task of tasks) expect(task.links, `${role} ${task.kind}`).toHaveLength(1);
          const firstOnTime = tasks.findIndex((task) => !task.overdue);
          if (firstOnTime >= 0)
            expect(
              tasks.slice(firstOnTime).some((task) => task.overdue),
              role,
            ).toBe(false);
          for (const task of tasks.filter((x) => x.overdue))
            expect(task.due).toContain('Försenad:');
          const firstUndated = tasks.findIndex((task) => task.due === '');
          if (firstUndated >= 0)
            expect(
              tasks.slice(firstUndated).every((task) => task.due === ''),
              role,
            ).toBe(true);
          if (role === 'coordinator') expect(tasks[0]!.overdue).toBe(true);
          // The launchers come after what waits.
          const order = await page
            .locator('main h2')
            .evaluateAll((hs) => hs.map((h) => h.textContent ?? ''));
          expect(order[0], role).toBe('Att göra');
          expect(order.length, role).toBeGreaterThan(1);
          // Each link leads to where the work is done.
          const first = tasks.find((task) => task.kind === kinds[0])!;
          const response = await page.goto(`${e2e.base}${first.links[0]}`);
          expect(response?.status(), `${role}: ${first.links[0]}`).toBe(200);
          await page.close();
        }
        // Staff have nothing to do: the empty list says so, kindly.
        const page = await context.newPage();
        await context.clearCookies();
        await logIn(page, e2e.base, 'medarbetare@vanort.example', DEMO_PASSWORD);
        await page.goto(`${e2e.base}/workspace`);
        await expect(page.locator('.work-tasks').textContent()).resolves.toContain(
          'Inget väntar på dig just nu.',
        );
        await context.close();
      });

      for (const [email, role] of [
        ['samordnare@vanort.example', 'coordinator'],
        ['rapportor@vanort.example', 'reporter'],
      ] as const) {
        it(`the ${role} lands on the start page; it passes axe and fits 1280 and 320 px`, async () => {
          const page = await signedInPage(e2e, email, DEMO_PASSWORD, {
            context: { viewport: { width: 1280, height: 900 } },
          });
          await page.goto(`${e2e.base}/workspace`);
          await expect(
            page.getByRole('heading', { level: 2, name: 'Att göra' }).count(),
          ).resolves.toBe(1);
          if (role === 'coordinator') {
            const panel = page.locator('.policy-lines > li');
            await expect(panel.count()).resolves.toBeGreaterThanOrEqual(10);
            await expect(page.getByRole('link', { name: /^P10 / }).count()).resolves.toBe(1);
          } else {
            await expect(page.locator('.policy-lines').count()).resolves.toBe(0);
          }
          for (const width of [1280, 320]) {
            await page.setViewportSize({ width, height: 900 });
            await expectNoAxeViolations(page, `${role} start page at ${width} px`);
            expect(await documentWidth(page), `${role} at ${width} px`).toBeLessThanOrEqual(width);
            if (shots && dialect === 'sqlite')
              await page.screenshot({
                path: `${shots}/${role}-${width}-top.png`,
                fullPage: true,
                clip: { x: 0, y: 0, width, height: 1600 },
              });
          }
          await page.context().close();
        });
      }
    },
  );
}
