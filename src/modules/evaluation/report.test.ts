import { afterAll, beforeAll, expect, it } from 'vitest';
import { ENABLED_LOCALES } from '../../platform/i18n/locales.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import {
  addApprovedEvaluation,
  addApprovedVersion,
} from '../../../test/helpers/evaluation-fixtures.ts';
import { messagesOf } from '../../../test/helpers/messages.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { listAudit } from '../audit/index.ts';
import { signedIn } from '../../../test/helpers/sign-in.ts';

const COORDINATOR = 'samordnare@vanort.example';
const REPORTER = 'rapportor@vanort.example';

async function publishedCount(t: TestApp): Promise<number> {
  const row = await t.db.kysely
    .selectFrom('evaluation_version')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('published_at', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describeEachDialect('evaluation reports: version page, publishing, portal and API', (dialect) => {
  let t: TestApp;
  let demoId: string;
  beforeAll(async () => {
    // No browser: the exports here are HTML and Word (the PDF is export.test.ts's).
    t = await buildTestApp(dialect, { env: { CHROMIUM_PATH: '/nonexistent/chromium' } });
    const list = (await t.app.inject('/api/v1/reports')).json<{ data: { id: string }[] }>();
    demoId = list.data[0]!.id;
  });
  afterAll(() => t?.close());

  it('the demo publishes one report; /reports lists it, newest first, in five languages', async () => {
    for (const lang of ENABLED_LOCALES) {
      const m = messagesOf(lang);
      const prefix = lang === 'sv' ? '' : `/${lang}`;
      const list = await t.app.inject(`${prefix}/reports`);
      expect(list.statusCode, lang).toBe(200);
      expect(list.body).toContain(`<html lang="${lang}"`);
      expect(list.body).toContain(m['report.title']);
      expect(list.body).toContain(`href="${prefix}/reports/${demoId}"`);

      const page = await t.app.inject(`${prefix}/reports/${demoId}`);
      expect(page.statusCode, lang).toBe(200);
      expect(page.body).toContain(m['report.section.analysis']);
      // The chrome is the reader's; the text Swedish (marked), the summary English (marked).
      if (lang === 'sv') {
        expect(page.body).not.toContain(m['report.languageNote']);
        expect(page.body).toContain('<div class="report-text" lang="en">');
      } else {
        expect(page.body).toContain(m['report.languageNote']);
        expect(page.body).toContain('<div class="report-text" lang="sv">');
        if (lang !== 'en') expect(page.body).toContain('<div class="report-text" lang="en">');
      }
      // The demo's evaluation (evaluation.demo.ts), published by the report demo.
      expect(page.body).toContain('Vänortsmötet i Göteborg den 14–15 november 2019 samlade');
      expect(page.body).toContain('The twin-city meeting in Gothenburg on 14–15 November 2019');
      // The public report names no person (the approver is shown in the workspace only).
      expect(page.body).not.toContain('Sara Samordnare');
    }
    const footer = await t.app.inject('/');
    expect(footer.body).toContain('href="/reports"');
  });

  it('an unknown or unpublished report is 404 on the page, its exports and the API', async () => {
    const draftOnly = await addApprovedEvaluation(t.db, { title: 'Inte publicerad' });
    for (const id of ['no-such-report', draftOnly, 'x'.repeat(300)]) {
      for (const path of [
        `/reports/${id}`,
        `/en/reports/${id}`,
        `/reports/${id}/report.html`,
        `/reports/${id}/report.docx`,
        `/reports/${id}/report.pdf`,
        `/api/v1/reports/${id}`,
      ]) {
        const res = await t.app.inject(path);
        // An id longer than any id is refused as input (400), like every other route's.
        expect(res.statusCode, path).toBe(id.length > 100 ? 400 : 404);
      }
    }
    const api = await t.app.inject(`/api/v1/reports/${draftOnly}`);
    expect(api.json()).toMatchObject({ code: 'REPORT_NOT_FOUND' });
    const list = await t.app.inject('/reports');
    expect(list.body).not.toContain('Inte publicerad');
  });

  it('a coordinator sees a version, publishes it over the previous one, and withdraws it; audited', async () => {
    const id = await addApprovedEvaluation(t.db, { title: 'Utvärdering 2027' });
    await addApprovedVersion(t.db, id, 2, {
      title: 'Utvärdering 2027, andra versionen',
      sections: { analysis: 'En ny analys efter granskningen.' },
    });
    const agent = await signedIn(t.app, COORDINATOR);
    const m = messagesOf('sv');

    const v1 = await agent.get(`/workspace/evaluations/${id}/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(v1.body).toContain('Utvärdering 2027');
    expect(v1.body).toContain(m['report.publish.notPublished']);
    expect(v1.body).toContain(`/workspace/evaluations/${id}/versions/1/report.docx`);
    // No browser on this app: the PDF button says so instead of offering a worse file.
    expect(v1.body).toContain(m['report.pdf.unavailable']);
    expect(v1.body).not.toContain(`/versions/1/report.pdf`);

    const before = await publishedCount(t);
    let res = await agent.post(`/workspace/evaluations/${id}/versions/1/publish`);
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject(`/reports/${id}`)).body).toContain('Utvärdering 2027');
    expect(await publishedCount(t)).toBe(before + 1);

    // Version 2 replaces version 1 at the same address.
    const v2 = await agent.get(`/workspace/evaluations/${id}/versions/2`);
    expect(v2.body).toContain(m['report.publish.replaces'].replaceAll('{number}', '1'));
    res = await agent.post(`/workspace/evaluations/${id}/versions/2/publish`);
    expect(res.statusCode).toBe(303);
    expect(await publishedCount(t)).toBe(before + 1);
    const shown = await t.app.inject(`/reports/${id}`);
    expect(shown.body).toContain('En ny analys efter granskningen.');
    expect(shown.body).toContain('Utvärdering 2027, andra versionen');
    const api = (await t.app.inject(`/api/v1/reports/${id}`)).json<{ version: number }>();
    expect(api.version).toBe(2);

    const audit = await listAudit(
      t.db.kysely,
      { entity: 'evaluation', actorLabel: COORDINATOR },
      { limit: 100, offset: 0 },
    );
    const ours = audit.events.filter((e) => e.entityId === id).map((e) => [e.action, e.changes]);
    expect(ours).toHaveLength(2);
    expect(ours).toContainEqual(['report.publish', { publishedVersion: { before: 1, after: 2 } }]);
    expect(ours).toContainEqual([
      'report.publish',
      { publishedVersion: { before: null, after: 1 } },
    ]);

    res = await agent.post(`/workspace/evaluations/${id}/versions/2/withdraw`);
    expect(res.statusCode).toBe(303);
    expect((await t.app.inject(`/reports/${id}`)).statusCode).toBe(404);
    expect(await publishedCount(t)).toBe(before);
  });

  it('refuses unknown versions, other roles and forged forms, changing nothing', async () => {
    const id = await addApprovedEvaluation(t.db);
    const coordinator = await signedIn(t.app, COORDINATOR);
    const before = await publishedCount(t);
    for (const n of ['2', '0', 'abc', '-1', '1.5', '9999999']) {
      expect((await coordinator.get(`/workspace/evaluations/${id}/versions/${n}`)).statusCode).toBe(
        404,
      );
      expect(
        (await coordinator.get(`/workspace/evaluations/${id}/versions/${n}/report.docx`))
          .statusCode,
      ).toBe(404);
    }
    await coordinator.get(`/workspace/evaluations/${id}/versions/1`);
    const unknown = await coordinator.post(`/workspace/evaluations/${id}/versions/7/publish`);
    expect(unknown.statusCode).toBe(404);
    const noCsrf = await coordinator.post(
      `/workspace/evaluations/${id}/versions/1/publish`,
      {},
      {
        csrf: null,
      },
    );
    expect(noCsrf.statusCode).toBe(403);
    expect(await publishedCount(t)).toBe(before);

    const reporter = await signedIn(t.app, REPORTER);
    for (const path of [
      `/workspace/evaluations/${id}/versions/1`,
      `/workspace/evaluations/${id}/versions/1/report.html`,
      `/workspace/evaluations/${id}/versions/1/report.docx`,
      `/workspace/evaluations/${id}/versions/1/report.pdf`,
    ]) {
      const res = await reporter.get(path);
      expect(res.statusCode, path).toBe(403);
      expect(String(res.headers['content-type'])).not.toContain('officedocument');
    }
    await reporter.get('/');
    const forbidden = await reporter.post(`/workspace/evaluations/${id}/versions/1/publish`);
    expect(forbidden.statusCode).toBe(403);
    const anonymous = await t.app.inject(`/workspace/evaluations/${id}/versions/1/report.docx`);
    expect(anonymous.statusCode).not.toBe(200);
    expect(await publishedCount(t)).toBe(before);
  });

  it('the PDF route answers 503 PDF_UNAVAILABLE without a browser, never a file', async () => {
    const res = await t.app.inject(`/reports/${demoId}/report.pdf`);
    expect(res.statusCode).toBe(503);
    expect(String(res.headers['content-type'])).not.toContain('application/pdf');
    const page = await t.app.inject(`/reports/${demoId}`);
    expect(page.body).toContain(messagesOf('sv')['report.pdf.unavailable']);
  });

  it('GET /api/v1/reports: paginated, with sections and figures; bad input is a 400', async () => {
    const first = await t.app.inject('/api/v1/reports?limit=1');
    expect(first.statusCode).toBe(200);
    const body = first.json<{
      data: {
        id: string;
        language: string;
        sections: { summaryEn: string };
        figures: { current: { collaborations: { total: number } } };
        links: { docx: string };
      }[];
      page: { total: number; next: string | null };
    }>();
    expect(body.data).toHaveLength(1);
    expect(body.data[0]!.language).toBe('sv');
    expect(body.data[0]!.sections.summaryEn).toContain('Gothenburg');
    expect(typeof body.data[0]!.figures.current.collaborations.total).toBe('number');
    expect(body.data[0]!.links.docx).toMatch(/^\/reports\/.+\/report\.docx$/);
    if (body.page.total > 1) {
      expect(body.page.next).toBe('/api/v1/reports?limit=1&page=2');
      const second = (await t.app.inject(body.page.next!)).json<{ data: { id: string }[] }>();
      expect(second.data[0]!.id).not.toBe(body.data[0]!.id);
    }
    for (const q of ['limit=0', 'limit=51', 'limit=x', 'page=0', 'page=-2']) {
      const res = await t.app.inject(`/api/v1/reports?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('the sitemap lists /reports and every published report', async () => {
    const res = await t.app.inject('/sitemap.xml');
    expect(res.body).toContain('/reports</loc>');
    expect(res.body).toContain(`/reports/${demoId}</loc>`);
  });
});
