import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';

const linksOf = (html: string) =>
  [...html.matchAll(/<h3 class="card-title"><a href="([^"]+)"/g)].map((m) => m[1]);

describeEachDialect('workspace start page', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const as = async (email: string) => {
    const agent = new TestAgent(t.app);
    expect((await agent.login(email, DEMO_PASSWORD)).statusCode).toBe(303);
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
      const agent = new TestAgent(t.app);
      await agent.login(email, DEMO_PASSWORD);
      const html = (await agent.get('/workspace')).body;
      expect(html).toContain('Dina roller:');
      for (const href of linksOf(html)) {
        expect((await agent.get(href!)).statusCode, `${email} ${href}`).toBe(200);
      }
    }
  });
});
