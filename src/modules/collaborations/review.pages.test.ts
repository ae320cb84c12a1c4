import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRedirect } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';

// The review in the order of the work (issue 19, point 5): the queue oldest first and
// paginated; a review page shows the report before the verdict; after a verdict the next
// item in the queue opens, and the queue when none is left.

type Item = { entity: 'collaborations' | 'exchanges'; id: string };
const href = (i: Item) => `/workspace/${i.entity}/${i.id}`;

/** The links of the queue page's list, in order. */
const queueLinks = (html: string) =>
  [
    ...(/<ol class="review-queue"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '').matchAll(
      /href="(\/workspace\/(?:collaborations|exchanges)\/[0-9a-f-]{36})"/g,
    ),
  ].map((m) => m[1]);

describeEachDialect('the review queue and the review page', (dialect) => {
  const t = useTestApp(dialect);
  const [coordinator] = useSignedIn(t, DEMO_EMAIL.coordinator);
  /** Every report of the demo, submitted one minute apart, in the queue's order. */
  let queue: Item[];

  beforeAll(async () => {
    const [collaborations, exchanges] = await Promise.all([
      t.db.kysely.selectFrom('collaboration').select('id').orderBy('id').execute(),
      t.db.kysely.selectFrom('exchange').select('id').orderBy('id').execute(),
    ]);
    // Collaborations and exchanges interleaved, so the queue must merge the two kinds.
    const all: Item[] = [];
    for (let i = 0; i < Math.max(collaborations.length, exchanges.length); i++) {
      if (exchanges[i]) all.push({ entity: 'exchanges', id: exchanges[i]!.id });
      if (collaborations[i]) all.push({ entity: 'collaborations', id: collaborations[i]!.id });
    }
    // Submitted in the reverse of that order: the queue must sort, not keep insertion order.
    for (const [n, item] of all.entries()) {
      const at = new Date(Date.UTC(2026, 10, 1, 8, all.length - n)).toISOString();
      await t.db.kysely
        .updateTable(item.entity === 'collaborations' ? 'collaboration' : 'exchange')
        .set({ review_state: 'submitted', submitted_at: at, reviewed_at: null, reviewed_by: null })
        .where('id', '=', item.id)
        .execute();
    }
    queue = all.reverse();
    expect(queue.length).toBeGreaterThan(25);
  });

  it('lists the queue oldest first, 25 to a page', async () => {
    const first = await coordinator.get('/workspace/review');
    expect(first.statusCode).toBe(200);
    expect(queueLinks(first.body)).toEqual(queue.slice(0, 25).map(href));
    expect(first.body).toContain(`Visar 1–25 av ${queue.length}`);
    expect(first.body).toContain('rel="next"');
    const second = await coordinator.get('/workspace/review?page=2');
    expect(queueLinks(second.body)).toEqual(queue.slice(25).map(href));
    expect(second.body).toMatch(/<ol class="review-queue" start="26">/);
    // A page past the end says so, and links back.
    const past = await coordinator.get('/workspace/review?page=9');
    expectPage(past, 200, ['Kön är inte så lång']);
  });

  it('shows the report before the verdict, with its place in the queue', async () => {
    const item = queue.find((i) => i.entity === 'exchanges')!;
    const position = queue.indexOf(item) + 1;
    const page = await coordinator.get(href(item));
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain(`Nummer ${position} av ${queue.length} i granskningskön.`);
    // The skip link leads to the item after this one.
    expect(body).toContain(`href="${href(queue[position]!)}"`);
    const content = body.indexOf('Det här granskar du');
    const facts = body.indexOf('<dl class="facts">');
    const form = body.indexOf(`action="${href(item)}/review"`);
    expect(content).toBeGreaterThan(0);
    expect(facts).toBeGreaterThan(content);
    expect(form).toBeGreaterThan(facts);
    // The exchange's city and day are among its facts, not only in its title.
    expect(body.slice(facts, form)).toContain('<dt>Vänort</dt>');
    expect(body.slice(facts, form)).toContain('<dt>Datum</dt>');
    expect(body).toContain(`När du har sparat öppnas nästa i kön (${queue.length - 1} kvar).`);
  });

  it('goes on to the next item after a verdict, and to the queue when it is empty', async () => {
    // A refused verdict (no comment to return) stays on the page and changes nothing.
    await coordinator.get(href(queue[0]!));
    const refused = await coordinator.post(`${href(queue[0]!)}/review`, {
      decision: 'return',
      comment: '',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body.indexOf('Det här granskar du')).toBeLessThan(
      refused.body.indexOf('id="review-form-title"'),
    );

    const ack = await coordinator.post(`${href(queue[0]!)}/review`, {
      decision: 'acknowledge',
      comment: '',
    });
    expectRedirect(ack, href(queue[1]!));
    const next = await coordinator.get(href(queue[1]!));
    expect(next.body).toContain(
      `Kvitterat. Rapportören har fått besked. Här är nästa i kön (${queue.length - 1} kvar).`,
    );
    expect(next.body).toContain(`Nummer 1 av ${queue.length - 1} i granskningskön.`);

    // From the middle of the queue, the next is the one after it; from the last, the first.
    const last = queue[queue.length - 1]!;
    await coordinator.get(href(last));
    const fromLast = await coordinator.post(`${href(last)}/review`, {
      decision: 'return',
      comment: 'Beskriv vad ni lärde er.',
    });
    expect(fromLast.headers.location).toBe(href(queue[1]!));

    // Everything else acknowledged but two: the verdict on the second-last goes to the last.
    const left = queue.slice(1, -1);
    for (const item of left.slice(0, -2))
      await t.db.kysely
        .updateTable(item.entity === 'collaborations' ? 'collaboration' : 'exchange')
        .set({ review_state: 'acknowledged' })
        .where('id', '=', item.id)
        .execute();
    const [a, b] = left.slice(-2) as [Item, Item];
    await coordinator.get(href(a));
    const toB = await coordinator.post(`${href(a)}/review`, { decision: 'acknowledge' });
    expect(toB.headers.location).toBe(href(b));
    const bPage = await coordinator.get(href(b));
    expectPage(bPage, 200, ['Här är nästa i kön (1 kvar).', 'Det här är den sista i kön.']);
    const done = await coordinator.post(`${href(b)}/review`, {
      decision: 'return',
      comment: 'Lägg till deltagarna.',
    });
    expectRedirect(done, '/workspace/review');
    const empty = await coordinator.get('/workspace/review');
    expectPage(empty, 200, [
      'Skickat tillbaka. Rapportören har fått besked. Nu är kön tom.',
      'Inget väntar på granskning just nu.',
    ]);
    expect(queueLinks(empty.body)).toEqual([]);
  });
});
