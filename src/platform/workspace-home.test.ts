import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { buildTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { DEMO_EMAIL, signedIn } from '../../test/helpers/sign-in.ts';

// A module's start-page source that fails costs its own lines, not the whole page: the
// meetings module's sources read the host plan, whose table is gone here (renamed).
describeEachDialect('the workspace start page when a source fails', (dialect) => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await buildTestApp(dialect, { logger: { level: 'error', stream } });
  });
  afterAll(() => t.close());

  it('shows the other modules’ tasks and policy lines, and logs the failing source', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.coordinator);
    const before = await agent.get('/workspace');
    expect(before.body).toContain('/host-plan">Värdskapsplanen 2027: ');
    expect(before.body).toContain('data-rule="P5"');

    await sql`alter table host_plan_task rename to host_plan_task_gone`.execute(t.db.kysely);
    try {
      const res = await agent.get('/workspace');
      expect(res.statusCode).toBe(200);
      // The meetings module's lines (P2–P5) are left out (the panel says it knows nothing
      // of them); every other module's remain.
      const unknown = [
        ...res.body.matchAll(
          /data-rule="(P\d+)"(?:(?!<\/li>)[\s\S])*?Portalen visar ännu inget läge/g,
        ),
      ].map((m) => m[1]);
      expect(unknown).toEqual(['P2', 'P3', 'P4', 'P5']);
      expect(before.body).not.toContain('Portalen visar ännu inget läge');
      expect(res.body).not.toContain('/host-plan">Värdskapsplanen 2027: ');
      expect(res.body).toContain('href="/workspace/review"');
      const failures = lines
        .map((line) => JSON.parse(line) as { msg: string; port?: string; source?: string })
        .filter((entry) => entry.msg === 'workspace start page source failed');
      expect(failures.map((f) => f.port).sort()).toEqual(['policy', 'tasks']);
      expect(failures.map((f) => f.source).sort()).toEqual(['meetingPolicy', 'meetingTasks']);
    } finally {
      await sql`alter table host_plan_task_gone rename to host_plan_task`.execute(t.db.kysely);
    }
  });
});
