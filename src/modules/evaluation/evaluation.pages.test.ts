import { beforeAll, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRefused } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { i18nFor } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { createUser } from '../accounts/account.service.ts';
import { evaluationPolicy } from './evaluation.home.ts';
import { DEMO_EMAIL, useSignedIn } from '../../../test/helpers/sign-in.ts';
import { countRows, rowWhere } from '../../../test/helpers/rows.ts';
import { startFields } from '../../../test/helpers/evaluation-fixtures.ts';

const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1] ?? '';
const GRETA = { email: 'granskare@vanort.example', password: 'Granska-noga-2026!' };

/** The coordinators' evaluation pages through the app (forms, autosave, conflicts, roles). */
describeEachDialect('the evaluation pages', (dialect) => {
  const t = useTestApp(dialect);
  const [sara, reporter] = useSignedIn(t, DEMO_EMAIL.coordinator, DEMO_EMAIL.reporter);
  let greta: TestAgent;
  let saraId: string;

  beforeAll(async () => {
    saraId = (await rowWhere(t.db, 'app_user', { email: 'samordnare@vanort.example' }, ['id'])).id;
    await createUser(
      t.db,
      { userId: null, label: 'test', ip: null },
      {
        name: 'Greta Granskare',
        roles: [{ role: 'coordinator', organisationId: null, cityId: null }],
        ...GRETA,
      },
    );
    greta = new TestAgent(t.app);
    expect((await greta.login(GRETA.email, GRETA.password)).statusCode).toBe(303);
  });

  const count = () => countRows(t.db, 'evaluation');

  /** The start form for an evaluation of the first half of 2026, owned by Sara. */
  const firstHalf2026 = (title: string) =>
    startFields(title, ['2026-01-01', '2026-06-30'], '2026-12-31', [saraId]);

  it('lists the evaluations for coordinators only', async () => {
    const res = await sara.get('/workspace/evaluations');
    expectPage(res, 200, [
      'Utvärdering efter vänortsmötet i Göteborg 2019',
      'Godkänd, version 1',
      'Sara Samordnare',
    ]);
    expect((await reporter.get('/workspace/evaluations')).statusCode).toBe(403);
  });

  it('gives the P10 line ✓ for the demo: the evaluation after 2019 is approved', async () => {
    expect(await evaluationPolicy(t.db, { i18n: i18nFor('sv') } as PageContext)).toEqual([
      {
        rule: 'P10',
        state: 'ok',
        text: 'Utvärderingen efter mötet 2019 godkändes 11 februari 2020.',
        href: expect.stringMatching(/^\/workspace\/evaluations\/[0-9a-f-]{36}$/) as string,
      },
    ]);
    expect((await evaluationPolicy(t.db, { i18n: i18nFor('en') } as PageContext))[0]!.text).toBe(
      'The evaluation after the 2019 meeting was approved on 11 February 2020.',
    );
  });

  it('starts one by hand, refusing bad input with clear messages and saving nothing', async () => {
    await sara.get('/workspace/evaluations/new');
    const before = await count();
    expectRefused(
      await sara.post('/workspace/evaluations/new', {
        title: 'Handstartad',
        periodStart: '2026-06-30',
        periodEnd: '2026-01-01',
        dueOn: '31/12/2026',
      }),
      [
        'Periodens slut kan inte ligga före dess början.',
        'Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2027-12-16.',
        'Välj minst en ansvarig samordnare.',
        'href="#owners"',
        'value="Handstartad"',
      ],
    );
    expect(await count()).toBe(before);
    const res = await sara.post('/workspace/evaluations/new', firstHalf2026('Handstartad'));
    expect(res.statusCode).toBe(303);
    expect(String(res.headers.location)).toMatch(/^\/workspace\/evaluations\/[0-9a-f-]{36}$/);
    expect(await count()).toBe(before + 1);
  });

  it('saves with the button, autosaves, refuses a stale form, and goes through review to a version', async () => {
    const created = await sara.submit('/workspace/evaluations/new', firstHalf2026('Sidtest'));
    const path = String(created.headers.location);
    let page = await sara.get(path);
    expectPage(page, 200, ['evaluation-autosave.js']);
    const opened = versionIn(page.body);
    const sections = {
      summary: 'Sammanfattningen.',
      analysis: 'Analysen.',
      conclusions: '',
      recommendations: '',
      summaryEn: '',
    };

    // The plain Save button (no JavaScript).
    let res = await sara.post(`${path}/sections`, { ...sections, version: opened, action: 'save' });
    expect(res.statusCode).toBe(303);
    page = await sara.get(path);
    expect(page.body).toContain('Utvärderingen är sparad.');
    expect(page.body).toContain('Sammanfattningen.');

    // The autosave: the same form, answered with the new version and "Sparat hh.mm".
    const body = new URLSearchParams({
      ...sections,
      summary: 'Sammanfattningen, autosparad.',
      version: versionIn(page.body),
      action: 'save',
      _csrf: sara.csrfToken!,
    });
    const auto = await t.app.inject({
      method: 'POST',
      url: `${path}/sections`,
      cookies: Object.fromEntries(sara.cookies),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' },
      payload: body.toString(),
    });
    expect(auto.statusCode).toBe(200);
    const answer = auto.json<{ version: string; message: string }>();
    expect(answer.message).toMatch(/^Sparat \d{1,2}\.\d{2}$/);
    expect(answer.version).not.toBe(versionIn(page.body));

    // The form opened before both saves is stale: 409, the saved text shown, nothing saved.
    res = await sara.post(`${path}/sections`, {
      ...sections,
      summary: 'Gammal flik.',
      version: opened,
      action: 'save',
    });
    expectPage(res, 409, ['Sammanfattningen, autosparad.', 'Gammal flik.']);
    const stored = await rowWhere(t.db, 'evaluation', { id: path.split('/').pop()! }, ['summary']);
    expect(stored.summary).toBe('Sammanfattningen, autosparad.');

    // Submitting names each missing section.
    page = await sara.get(path);
    expectRefused(
      await sara.post(`${path}/sections`, {
        ...sections,
        version: versionIn(page.body),
        action: 'submit',
      }),
      [
        'Skriv slutsatserna innan utvärderingen skickas för granskning.',
        'Skriv rekommendationerna innan utvärderingen skickas för granskning.',
        'href="#conclusions"',
      ],
    );
    page = await sara.get(path);
    res = await sara.post(`${path}/sections`, {
      ...sections,
      conclusions: 'Slutsatserna.',
      recommendations: 'Rekommendationerna.',
      version: versionIn(page.body),
      action: 'submit',
    });
    expect(res.statusCode).toBe(303);

    // The submitter may not approve; another coordinator does.
    page = await sara.get(path);
    expectRefused(
      await sara.post(`${path}/review`, {
        comment: '',
        decision: 'approve',
        version: versionIn(page.body),
      }),
      ['En annan samordnare ska granska och godkänna den.'],
    );
    page = await greta.get(path);
    expect(page.body).toContain('Utvärderingen väntar på granskning.');
    res = await greta.post(`${path}/review`, {
      comment: 'Godkänd utan ändringar.',
      decision: 'approve',
      version: versionIn(page.body),
    });
    expect(res.statusCode).toBe(303);
    page = await greta.get(path);
    expect(page.body).toContain('Utvärderingen är godkänd som version 1.');
    expect(page.body).toContain(`${path}/versions/1`);
    expect(page.body).not.toContain('evaluation-autosave.js');

    // Editing the approved one in place is refused with a message; nothing changes.
    expectRefused(
      await greta.post(`${path}/sections`, {
        ...sections,
        version: versionIn(page.body),
        action: 'save',
      }),
      ['Utvärderingen är godkänd och kan inte ändras direkt.'],
    );
  });

  it('compares two versions, and answers 404 for a version that does not exist', async () => {
    const demo = await t.db.kysely
      .selectFrom('evaluation')
      .select('id')
      .where('approved_version', '=', 1)
      .where('meeting_id', 'is not', null)
      .executeTakeFirstOrThrow();
    const res = await sara.get(`/workspace/evaluations/${demo.id}/compare?from=1&to=1`);
    expectPage(res, 200, ['Version 1 och 1 jämförda', 'Oförändrat']);
    expect(
      (await sara.get(`/workspace/evaluations/${demo.id}/compare?from=1&to=9`)).statusCode,
    ).toBe(404);
    expect((await sara.get('/workspace/evaluations/nope')).statusCode).toBe(404);
    const en = await sara.get(`/en/workspace/evaluations/${demo.id}`);
    expectPage(en, 200, ['Approved versions']);
  });
});
