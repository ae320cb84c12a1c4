import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import type { Db } from '../../db/database.ts';
import { DEMO_EMAIL, signedIn } from '../../../test/helpers/sign-in.ts';
import { rowWhere, updateRows } from '../../../test/helpers/rows.ts';

/**
 * Counts the queries that reach the database (every query, compiled or built, goes through
 * the executor's connection): test instrumentation of the test's own database object.
 */
function countQueries(db: Db): { readonly count: number; reset(): void } {
  let count = 0;
  const executor = db.kysely.getExecutor();
  const provide = executor.provideConnection.bind(executor);
  executor.provideConnection = (consumer) =>
    provide((connection) =>
      consumer({
        executeQuery: (query) => {
          count++;
          return connection.executeQuery(query);
        },
        streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
      }),
    );
  return {
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
  };
}

/**
 * The most queries the start page may make (the coordinator's: session, every source and the
 * panel). Measured 24 on both dialects when written (decision 028); the headroom is for the
 * evaluation module's sources, not for a source that queries per row.
 */
const MAX_QUERIES = 34;

const linksOf = (html: string) =>
  [...html.matchAll(/<h3 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);

describeEachDialect('workspace start page', (dialect) => {
  const t = useTestApp(dialect);

  const as = async (email: string) => {
    const agent = await signedIn(t.app, email);
    const res = await agent.get('/workspace');
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  it('offers each role its own tasks, and only pages that exist', async () => {
    const coordinator = linksOf(await as('samordnare@vanort.example'));
    expect(coordinator).toEqual(
      expect.arrayContaining(['/workspace/proposals', '/workspace/cities', '/account']),
    );
    expect(coordinator).not.toContain('/workspace/decisions');
    expect(coordinator).not.toContain('/admin/users');

    const council = linksOf(await as('sekretariatet@vanort.example'));
    expect(council).toContain('/workspace/decisions');
    expect(council).not.toContain('/workspace/proposals');

    const admin = linksOf(await as('admin@vanort.example'));
    expect(admin).toContain('/admin/users');

    // Every link offered answers the user with a page, never 403 or 404.
    for (const email of [
      'samordnare@vanort.example',
      'sekretariatet@vanort.example',
      'medarbetare@vanort.example',
    ]) {
      const agent = await signedIn(t.app, email);
      const html = (await agent.get('/workspace')).body;
      expect(html).toContain('Dina roller:');
      for (const href of linksOf(html)) {
        expect((await agent.get(href!)).statusCode, `${email} ${href}`).toBe(200);
      }
    }
  });

  const sectionOf = (html: string, id: string) =>
    new RegExp(`<section aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ??
    null;
  const taskHrefs = (html: string) =>
    [...(sectionOf(html, 'workspace-todo') ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

  it('shows every role what waits for it, overdue first and said in words, and the policy panel to coordinators', async () => {
    const coordinator = await as('samordnare@vanort.example');
    const todo = sectionOf(coordinator, 'workspace-todo')!;
    expect(todo).toContain('<h2 id="workspace-todo">Att göra</h2>');
    // The demo's host plan has a task past its date: first, marked in text, not colour alone.
    expect(todo).toMatch(
      /<li class="task task-overdue"[^>]*><a href="\/workspace\/meetings\/[^"]+\/host-plan">Värdskapsplanen 2027: /,
    );
    expect(todo).toContain('Försenad:</strong> skulle ha varit klar ');
    expect(todo.indexOf('task-overdue')).toBeLessThan(todo.indexOf('class="task"'));
    expect(taskHrefs(coordinator)).toContain('/workspace/review');
    const panel = sectionOf(coordinator, 'workspace-policy')!;
    expect(panel).toContain('Policyn just nu');
    const rules = [...panel.matchAll(/data-rule="(P\d+)"/g)].map((m) => m[1]);
    expect(new Set(rules)).toEqual(
      new Set(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10']),
    );
    expect(panel).toContain('Göteborg står värd 2027; kedjan med 4 städer ger vart 8:e år.');
    expect(panel).toMatch(
      /Behöver åtgärd<\/span> <a href="\/workspace\/delegations">P4 Presidiet och delegationen<\/a>/,
    );

    const reporter = await as('rapportor@vanort.example');
    expect(
      taskHrefs(reporter).some((h) => /^\/workspace\/collaborations\/[^/]+\/edit$/.test(h!)),
    ).toBe(true);
    expect(sectionOf(reporter, 'workspace-policy')).toBeNull();

    const presidium = await as('presidiet@vanort.example');
    expect(sectionOf(presidium, 'workspace-todo')).toContain(
      'Bekräfta Göteborgs delegation till vänortsmötet 2027 i Göteborg',
    );
    expect(sectionOf(presidium, 'workspace-todo')).toContain(
      'Ska vara klar senast 14 september 2027',
    );

    // Bergen's demo delegation is confirmed: only the city's own details (decision 036,
    // undated) wait; sent back to nominated, the delegation does too.
    const quietBergen = await as('bergen@vanort.example');
    expect(taskHrefs(quietBergen)).toEqual(['/workspace/cities/bergen']);
    expect(sectionOf(quietBergen, 'workspace-todo')).toContain(
      'Er stads uppgifter (Bergen): håll beskrivningen, fakta och kontakten aktuella',
    );
    const bergen = await rowWhere(t.db, 'city', { slug: 'bergen' }, ['id']);
    await updateRows(t.db, 'delegation', { city_id: bergen.id }, { status: 'nominated' });
    const partner = await as('bergen@vanort.example');
    expect(taskHrefs(partner)).toHaveLength(2);
    expect(taskHrefs(partner)[0]).toMatch(/^\/workspace\/meetings\/[^/]+\/delegations\/bergen$/);
    expect(sectionOf(partner, 'workspace-policy')).toBeNull();

    for (const email of [
      'sekretariatet@vanort.example',
      'medarbetare@vanort.example',
      'admin@vanort.example',
    ]) {
      const quiet = sectionOf(await as(email), 'workspace-todo')!;
      expect(quiet, email).toContain('Inget väntar på dig just nu.');
    }

    // Every task link opens a page for the person it is shown to.
    for (const email of [
      'samordnare@vanort.example',
      'rapportor@vanort.example',
      'presidiet@vanort.example',
      'bergen@vanort.example',
    ]) {
      const agent = await signedIn(t.app, email);
      for (const href of taskHrefs((await agent.get('/workspace')).body)) {
        expect((await agent.get(href!)).statusCode, `${email} ${href}`).toBe(200);
      }
    }
  });

  it('speaks the reader’s language, dates included', async () => {
    const agent = await signedIn(t.app, 'presidiet@vanort.example');
    agent.locale = 'nb';
    const html = (await agent.get('/workspace')).body;
    expect(html).toContain('<h2 id="workspace-todo">Å gjøre</h2>');
    expect(html).toContain('Bekreft Göteborgs delegasjon til vennskapsbymøtet 2027 i Göteborg');
    expect(html).toContain('Skal være ferdig senest 14. september 2027');
  });

  it('keeps the query count bounded', async () => {
    const counter = countQueries(t.db);
    const agent = await signedIn(t.app, DEMO_EMAIL.coordinator);
    await agent.get('/workspace');
    counter.reset();
    expect((await agent.get('/workspace')).statusCode).toBe(200);
    const coordinator = counter.count;
    expect(coordinator).toBeGreaterThan(5);
    expect(coordinator).toBeLessThanOrEqual(MAX_QUERIES);
  });
});
