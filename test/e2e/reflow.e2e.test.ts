import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo.ts';
import { browserAvailable } from '../helpers/browser.ts';
import { dialectAvailable } from '../helpers/databases.ts';
import { AXE_TAGS, logIn, useE2eApp } from '../helpers/e2e.ts';
import { samplePublicPages } from '../helpers/public-pages.ts';

// Every page reflows at 320 px (WCAG 1.4.10, issue 19 point 1; decision 032): for every
// role, the pages it can reach are loaded at 320 and 375 px, and the test fails when the
// document is wider than the viewport, naming the page, the role, the width and the widest
// element that sticks out. The workspace pages also pass axe at 375 px (a table that
// scrolls must sit in a focusable region, `scrollable-region-focusable`).
//
// The pages are found by following links from the role's start pages (the public sitemap
// for the visitor; /workspace and /account for the signed-in roles), with at most
// `perPattern` pages of each address pattern (ids replaced by `:id`).
// - `npm run test:reflow` (REFLOW_FULL=1): every link three deep, two pages of each
//   pattern, axe on every workspace page (about 150 pages; minutes).
// - `npm test`: a fixed representative set, the pages issue 19 found too wide and one of
//   each kind of page per role (`FAST` below, about 45 pages), axe on those in `AXE_FAST`.
// REFLOW_SHOTS=/some/dir keeps a 320 px screenshot of every page for a look.

const canRun = browserAvailable();
const full = process.env.REFLOW_FULL === '1';
const shots = process.env.REFLOW_SHOTS;
const WIDTHS = [320, 375] as const;
const perPattern = full ? 2 : 1;
const depth = full ? 3 : 4;

/** The demo accounts, one per role (src/modules/accounts/account.demo.ts). */
const ROLES = [
  { role: 'anonymous', email: null },
  { role: 'reporter', email: 'rapportor@vanort.example' },
  { role: 'coordinator', email: 'samordnare@vanort.example' },
  { role: 'presidium', email: 'presidiet@vanort.example' },
  { role: 'partner', email: 'bergen@vanort.example' },
  { role: 'council', email: 'sekretariatet@vanort.example' },
  { role: 'admin', email: 'admin@vanort.example' },
  { role: 'staff', email: 'medarbetare@vanort.example' },
] as const;

/**
 * The representative set of `npm test`: the address patterns each role visits (and follows
 * links to), from its start pages. Detail pages are reached through their lists.
 */
const FAST: Record<(typeof ROLES)[number]['role'], RegExp> = {
  anonymous: /^\/(policy|meetings(\/:id)?|cities\/bergen|collaborations(\/:id)?|news|search)?$/,
  reporter:
    /^\/(workspace(\/(collaborations(\/new)?|campaigns(\/:id(\/answer)?)?|knowledge))?|account)$/,
  coordinator:
    /^\/(workspace(\/(meetings(\/:id(\/host-plan)?)?|proposals(\/new)?|review|evaluations(\/:id)?|campaigns(\/:id)?|delegations|host-plan|cities(\/bergen)?))?|account)$/,
  presidium: /^\/workspace(\/meetings(\/:id(\/delegations\/goteborg)?)?)?$/,
  partner: /^\/workspace(\/(delegations|meetings(\/:id(\/delegations\/bergen)?)?))?$/,
  council: /^\/workspace(\/(decisions(\/new)?|proposals|review))?$/,
  admin: /^\/(admin(\/(organisations|audit|users(\/new)?))?|account(\/tokens)?)$/,
  staff: /^\/(workspace|account)$/,
};
/** The pages of the representative set that also run axe at 375 px. */
const AXE_FAST =
  /^\/(policy|workspace(\/meetings\/:id(\/delegations\/[a-z]+)?|\/campaigns\/:id|\/proposals\/new)?|admin\/audit)$/;

/** Where a signed-in role's own pages are; the public pages are the visitor's. */
const SIGNED_IN = /^\/(workspace|admin|account)(\/|$)/;
/** Links not to follow: files, feeds, the API, and pages that end the session. */
const SKIP =
  /^\/(api|docs\/api|logout|login|open-data\/.+\.|feed|sitemap)|\.(csv|ics|pdf|xlsx|docx|json|xml|zip|rss|atom|txt|png|svg)$|\/(export|download|print)(\/|$)/;

/** An address's pattern: ids (UUIDs, numbers) become `:id`, query keys are kept. */
function patternOf(address: string): string {
  const url = new URL(address, 'http://x');
  const path = url.pathname
    .split('/')
    .map((s) => (/^[0-9a-f]{8}-[0-9a-f-]{27}$|^\d+$/i.test(s) ? ':id' : s))
    .join('/');
  const keys = [...url.searchParams.keys()].sort().join('&');
  return keys ? `${path}?${keys}` : path;
}

interface Overflow {
  width: number;
  scrollWidth: number;
  widest: string;
}

/**
 * The document's width at the viewport's, and when wider, the element that sticks out
 * furthest and is not clipped by a scrolling box (the deepest such element on a tie).
 */
function measure(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    let widest = '';
    if (scrollWidth > width) {
      const clipped = (el: Element): boolean => {
        let cur: Element | null = el;
        while (cur && cur !== document.body) {
          const pos: string = getComputedStyle(cur).position;
          const next: Element | null =
            pos === 'absolute' || pos === 'fixed'
              ? (cur as HTMLElement).offsetParent
              : cur.parentElement;
          if (next && next !== document.body && getComputedStyle(next).overflowX !== 'visible')
            return true;
          cur = next;
        }
        return false;
      };
      let best: { right: number; depth: number; el: Element } | null = null;
      for (const el of document.body.querySelectorAll('*')) {
        const right = el.getBoundingClientRect().right;
        if (right <= width + 0.5 || clipped(el)) continue;
        let d = 0;
        for (let p = el.parentElement; p; p = p.parentElement) d++;
        if (
          !best ||
          right > best.right + 0.5 ||
          (Math.abs(right - best.right) <= 0.5 && d > best.depth)
        )
          best = { right, depth: d, el };
      }
      if (best) {
        const el = best.el;
        const id = el.id ? `#${el.id}` : '';
        const cls = [...el.classList].map((c) => `.${c}`).join('');
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
        widest = `<${el.tagName.toLowerCase()}${id}${cls}> "${text}" to ${Math.round(best.right)} px`;
      }
    }
    return { width, scrollWidth, widest };
  });
}

/**
 * The words of headings and card titles that break inside the word across two lines
 * ("Erfarenhetsutbyte/n"): a heading keeps its words whole or is smaller. A soft hyphen
 * (`\u00ad`, in a catalogue's long compound) marks where a word may break; an e-mail
 * address or web address may break anywhere. Finnish is left out: its compounds
 * ("ystävyyskaupunkikokoukseen", 26 letters) are wider than a phone at any heading size,
 * and browsers with Finnish hyphenation break them properly (`hyphens: auto`); Chromium here
 * runs without its hyphenation dictionaries (docs/accessibility.md).
 */
function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const heading of document.querySelectorAll('main :is(h1, h2, h3, h4, .card-title)')) {
      if (heading.closest('[lang]')?.getAttribute('lang') === 'fi') continue;
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[^\s\u00ad/–-]+/g)) {
          if (text[m.index + m[0].length] === '\u00ad' || text[m.index - 1] === '\u00ad') continue;
          if (/[@.:]\w/.test(m[0])) continue;
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

/** The same-site links of the page: its main content, its navigation and its header. */
function linksOf(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((a) => a.origin === location.origin && !a.hasAttribute('download'))
      .map((a) => a.pathname + a.search),
  );
}

// The pages are the same on both databases: SQLite unless REFLOW_DIALECT=postgres.
const dialect = process.env.REFLOW_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

describe.skipIf(!canRun || !dialectAvailable(dialect))(
  `every page reflows at 320 and 375 px, for every role [${dialect}${full ? ', full crawl' : ''}]`,
  () => {
    const e2e = useE2eApp(dialect);
    let publicPages: string[];
    beforeAll(async () => {
      // The Finnish overview: the longest words of the five languages ("Ystävyyskaupunkikokoukset").
      publicPages = full ? await samplePublicPages(e2e.t.app, 2) : ['/', '/fi/overview'];
    });

    for (const { role, email } of ROLES) {
      it(
        `${role}: no page is wider than the viewport or breaks a heading word; axe at 375 px`,
        { timeout: full ? 900_000 : 180_000 },
        async () => {
          const started = Date.now();
          const context = await e2e.browser.newContext({ viewport: { width: 320, height: 800 } });
          const page = await context.newPage();
          if (email) await logIn(page, e2e.base, email, DEMO_PASSWORD);
          const failures: string[] = [];
          const seenPatterns = new Map<string, number>();
          const visited = new Set<string>();
          const start = email ? ['/workspace', '/workspace/delegations', '/account'] : publicPages;
          let queue = start.map((p) => ({ path: p, level: 0 }));
          const keep = (path: string) =>
            (email ? SIGNED_IN.test(path) : !SIGNED_IN.test(path)) &&
            !SKIP.test(path) &&
            (full || FAST[role].test(patternOf(path)));
          while (queue.length > 0) {
            const next: typeof queue = [];
            for (const { path, level } of queue) {
              if (visited.has(path)) continue;
              visited.add(path);
              const pattern = patternOf(path);
              const n = seenPatterns.get(pattern) ?? 0;
              if (n >= perPattern) continue;
              seenPatterns.set(pattern, n + 1);
              await page.setViewportSize({ width: 320, height: 800 });
              const res = await page.goto(e2e.base + path).catch((e: Error) => {
                // A link to a file (a data set, a calendar) starts a download: not a page.
                if (/Download is starting/.test(e.message)) return null;
                throw e;
              });
              const type = res?.headers()['content-type'] ?? '';
              if (!res || !type.startsWith('text/html')) continue;
              if (res.status() >= 500) failures.push(`${path} (${role}) answered ${res.status()}`);
              if (res.status() >= 400) continue;
              // A redirect (e.g. to the sign-in page) lands elsewhere: measure where it landed.
              const landed = new URL(page.url()).pathname;
              if (landed !== new URL(path, e2e.base).pathname && visited.has(landed)) continue;
              for (const width of WIDTHS) {
                if (width !== 320) await page.setViewportSize({ width, height: 800 });
                const m = await measure(page);
                if (m.scrollWidth > m.width)
                  failures.push(
                    `${path} (${role}) at ${width} px is ${m.scrollWidth} px wide; widest: ${m.widest}`,
                  );
                const words = await brokenWords(page);
                if (words.length > 0)
                  failures.push(
                    `${path} (${role}) at ${width} px breaks heading words: ${words.join(', ')}`,
                  );
                if (width === 320 && shots)
                  await page.screenshot({
                    path: `${shots}/${role}${path.replace(/[/?&=]+/g, '_')}-320.png`,
                    fullPage: true,
                  });
              }
              const axe = full ? email && SIGNED_IN.test(landed) : AXE_FAST.test(pattern);
              if (axe) {
                const results = await new AxeBuilder({ page })
                  .options({ resultTypes: ['violations'] })
                  .withTags(AXE_TAGS)
                  .analyze();
                for (const v of results.violations)
                  failures.push(
                    `${path} (${role}) at 375 px: axe ${v.id} (${v.impact}) on ${v.nodes
                      .slice(0, 3)
                      .map((n) => n.target.join(' '))
                      .join(', ')}`,
                  );
              }
              if (level < depth)
                for (const link of await linksOf(page))
                  if (keep(link) && !visited.has(link)) next.push({ path: link, level: level + 1 });
            }
            queue = next;
          }
          await context.close();
          console.log(
            `[reflow] ${role}: ${seenPatterns.size} kinds of page in ${Date.now() - started} ms: ${[
              ...seenPatterns.keys(),
            ].join(' ')}`,
          );
          expect(failures, `${role}: pages that do not reflow`).toEqual([]);
        },
      );
    }
  },
);
