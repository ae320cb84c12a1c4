import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../helpers/databases.ts';
import { buildTestApp, type TestApp } from '../helpers/test-app.ts';
import { DEMO_EMAIL, signedIn } from '../helpers/sign-in.ts';
import { countRows } from '../helpers/rows.ts';

/** The wording fixes of issue 19 (point 7) as a reader meets them. */
describeEachDialect('public wording', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode, url).toBe(200);
    return res.body;
  };

  it('lists the planned and held meetings first, the forecast folded after them', async () => {
    const html = await get('/meetings');
    const planned = html.indexOf('14–16 september 2027');
    const details = html.indexOf('<details class="meetings-forecast">');
    expect(planned).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(planned);
    expect(html).toContain('<summary>Prognos för kommande värdskap</summary>');
    // Every forecast row sits in the folded part, the nearest year first.
    const [open, folded] = [html.slice(0, details), html.slice(details)];
    expect(open).not.toContain('tag-meeting-forecast');
    const years = [...folded.matchAll(/<th scope="row"[^>]*>(\d{4})<\/th>/g)].map((m) =>
      Number(m[1]),
    );
    expect(years.length).toBeGreaterThan(3);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years[0]).toBeGreaterThan(2027);
  });

  it('links the next and the latest meeting on the home page', async () => {
    const html = await get('/');
    const ids = await t.db.kysely
      .selectFrom('meeting')
      .select(['id', 'year'])
      .where('year', 'in', [2025, 2027])
      .execute();
    for (const { id } of ids) expect(html).toContain(`<a href="/meetings/${id}">`);
    expect(html).toContain('<a href="/meetings">Alla vänortsmöten</a>');
    // The latest news are links too (the news module's section).
    expect(html).toMatch(/<h3><a href="\/news\/[^"]+">/);
  });

  it('names Aarhus so, and the policy in the genitive', async () => {
    const home = await get('/');
    expect(home).toContain('Aarhus');
    expect(home).not.toContain('Århus');
    const aarhus = await get('/cities/aarhus');
    expect(aarhus).toContain('<h1>Aarhus</h1>');
    expect(await get('/policy')).toContain('Göteborgs Stads relation till vänorterna');
  });

  it('asks a coordinator to choose the organisation of an import, and refuses none', async () => {
    const agent = await signedIn(t.app, DEMO_EMAIL.coordinator);
    const page = await agent.get('/workspace/import');
    const select = /<select[^>]*name="organisation"[^>]*>([\s\S]*?)<\/select>/.exec(page.body)?.[1];
    expect(select).toMatch(/^<option value(?:="")? selected(?:="")?>Välj organisation<\/option>/);
    expect(select?.match(/ selected/g)).toHaveLength(1);

    const jobs = () => countRows(t.db, 'import_job');
    const before = await jobs();
    const boundary = '----vanort-wording-boundary';
    const res = await t.app.inject({
      method: 'POST',
      url: '/workspace/import',
      cookies: Object.fromEntries(agent.cookies),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${agent.csrfToken}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncollaboration\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="organisation"\r\n\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nRubrik\nA\r\n` +
        `--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Välj vilken organisation filens samarbeten eller utbyten gäller.');
    expect(await jobs()).toBe(before);

    // A reporter has one organisation to choose: it is chosen.
    const reporter = await signedIn(t.app, DEMO_EMAIL.reporter);
    const own = await reporter.get('/workspace/import');
    expect(own.body).not.toContain('Välj organisation');
    expect(own.body).toMatch(/<option value="[^"]+" selected(?:="")?>/);
  });
});
