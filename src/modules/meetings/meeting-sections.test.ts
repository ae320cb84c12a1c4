import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { expectPage, expectRedirect, expectRefused } from '../../../test/helpers/forms.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { signedIn } from '../../../test/helpers/sign-in.ts';
import { rowWhere } from '../../../test/helpers/rows.ts';

// The meeting workspace in sections (issue 19, point 5; decision 035): an overview and a
// page for each kind of work, a navigation that marks the current one, and the day of a
// programme item chosen among the meeting's days.

const SECTIONS = [
  ['', 'Översikt', 'Om mötet'],
  ['/programme', 'Program', 'Program'],
  ['/seminars', 'Seminarier', 'Seminarier'],
  ['/documents', 'Dokument', 'Dokument'],
  ['/outcomes', 'Resultat och uppföljning', 'Resultat'],
  ['/delegations', 'Delegationer', 'Delegationer'],
] as const;

/** The links of the section navigation: [href, text, current]. */
const sectionLinks = (html: string) =>
  [
    ...(/<nav aria-label="Mötets delar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(
      /<a href="([^"]+)"( aria-current="page")?>([^<]+)/g,
    ),
  ].map((m) => [m[1], m[3]!.trim(), m[2] !== undefined] as const);

describeEachDialect('the meeting workspace in sections', (dialect) => {
  const t = useTestApp(dialect);
  let meetingId: string;
  let days: { start: string; end: string };
  const as = (email: string) => signedIn(t.app, email);

  beforeAll(async () => {
    const row = await rowWhere(t.db, 'meeting', { year: 2027 }, ['id', 'start_date', 'end_date']);
    meetingId = row.id;
    days = { start: row.start_date!, end: row.end_date! };
  });

  it('reaches every section; the navigation marks the current one', async () => {
    const coordinator = await as('samordnare@vanort.example');
    const base = `/workspace/meetings/${meetingId}`;
    for (const [path, name, heading] of SECTIONS) {
      const res = await coordinator.get(`${base}${path}`);
      expect(res.statusCode, path).toBe(200);
      const links = sectionLinks(res.body);
      expect(links.map(([href]) => href)).toEqual(SECTIONS.map(([p]) => `${base}${p}`));
      expect(links.filter(([, , current]) => current)).toEqual([[`${base}${path}`, name, true]]);
      expect(res.body).toMatch(new RegExp(`<h2 id="[a-z-]+">${heading}</h2>`));
      // The document's title names the section (the overview: the meeting itself).
      const title = /<title>([^<]*)<\/title>/.exec(res.body)?.[1] ?? '';
      expect(title).toContain('Vänortsmötet 2027');
      if (path) expect(title).toContain(`${name} – `);
    }
    // An open action of an earlier meeting is counted where it is listed.
    expect((await coordinator.get(base)).body).toContain('1 åtgärd är inte avslutad');
    expect(sectionLinks((await coordinator.get(base)).body)[4]).toEqual([
      `${base}/outcomes`,
      'Resultat och uppföljning',
      false,
    ]);
    expect((await coordinator.get(base)).body).toContain(
      'Resultat och uppföljning<span class="section-count"> (1)</span>',
    );
    // Each section has its own form; the overview has none of them.
    const overview = await coordinator.get(base);
    expect(overview.body).not.toContain(`action="${base}/programme"`);
    expect((await coordinator.get(`${base}/programme`)).body).toContain(
      `action="${base}/programme"`,
    );
    expect((await coordinator.get(`${base}/seminars`)).body).toContain(`action="${base}/seminars"`);
    expect((await coordinator.get(`${base}/documents`)).body).toContain(
      `action="${base}/documents"`,
    );
    expect((await coordinator.get(`${base}/outcomes`)).body).toContain(`action="${base}/outcomes"`);
    // The delegations section leads to each city's delegation page, which answers.
    const delegations = await coordinator.get(`${base}/delegations`);
    expect(delegations.body).toContain(`href="${base}/delegations/bergen"`);
    expect((await coordinator.get(`${base}/delegations/bergen`)).statusCode).toBe(200);
    expect((await coordinator.get(`/workspace/meetings/no-such-meeting/seminars`)).statusCode).toBe(
      404,
    );
  });

  it('shows a partner contact of another city the sections without their forms', async () => {
    const partner = await as('bergen@vanort.example');
    const base = `/workspace/meetings/${meetingId}`;
    const page = await partner.get(`${base}/programme`);
    expectPage(page, 200, ['Du kan läsa mötet men inte ändra det']);
    expect(page.body).not.toContain(`action="${base}/programme"`);
    // Staff without the meetings permission are refused.
    const staff = await as('medarbetare@vanort.example');
    expect((await staff.get(`${base}/seminars`)).statusCode).toBe(403);
  });

  it('offers the meeting days as the choice of a programme item day, in the reader language', async () => {
    const coordinator = await as('samordnare@vanort.example');
    const base = `/workspace/meetings/${meetingId}`;
    const page = await coordinator.get(`${base}/programme`);
    const radios = [
      ...page.body.matchAll(/type="radio" id="[^"]+" name="itemDay" value="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(radios).toEqual(['2027-09-14', '2027-09-15', '2027-09-16']);
    expect(days).toEqual({ start: '2027-09-14', end: '2027-09-16' });
    // 2027-09-14 is a Tuesday; a new item's day starts at the first.
    expect(page.body).toContain(
      'value="2027-09-14" checked/><label for="itemDay">tisdag 14 september 2027',
    );
    expect(page.body).toContain('torsdag 16 september 2027');
    coordinator.locale = 'en';
    expect((await coordinator.get(`${base}/programme`)).body).toContain(
      'Tuesday, 14 September 2027',
    );
    coordinator.locale = 'sv';

    // A day outside the meeting is refused with a clear message, and nothing is added.
    const before = await t.db.kysely
      .selectFrom('meeting_programme_item')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    const outside = await coordinator.submit(`${base}/programme`, {
      itemDay: '2027-09-20',
      itemStart: '09:00',
      itemEnd: '10:00',
      itemKind: 'plenary',
      itemTitle: 'Extra plenum',
    });
    expectRefused(outside, ['Dagen måste vara en av mötets dagar.', 'href="#itemDay"']);
    // The page shown again is the programme's, with the input kept.
    expect(outside.body).toContain('aria-current="page">Program');
    expect(outside.body).toContain('value="Extra plenum"');
    const after = await t.db.kysely
      .selectFrom('meeting_programme_item')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    // A day of the meeting is taken; the programme's page opens with the flash.
    const added = await coordinator.post(`${base}/programme`, {
      itemDay: days.end,
      itemStart: '09:00',
      itemEnd: '10:00',
      itemKind: 'plenary',
      itemTitle: 'Extra plenum',
    });
    expectRedirect(added, `${base}/programme`);
    const shown = await coordinator.get(`${base}/programme`);
    expect(shown.body).toContain('Extra plenum');
  });

  it('asks for the meeting dates before programme items can be added', async () => {
    const coordinator = await as('samordnare@vanort.example');
    const undated = await t.db.kysely
      .selectFrom('meeting')
      .select('id')
      .where('start_date', 'is', null)
      .where('status', 'in', ['planned', 'forecast', 'postponed'])
      .executeTakeFirst();
    const id =
      undated?.id ??
      (await (async () => {
        const res = await coordinator.submit('/workspace/meetings/new', {
          year: '2029',
          host: 'bergen',
          status: 'planned',
        });
        expect(res.statusCode, res.body.slice(0, 2000)).toBe(303);
        return String(res.headers.location).split('/').pop()!;
      })());
    const page = await coordinator.get(`/workspace/meetings/${id}/programme`);
    expectPage(page, 200, [
      'Programpunkter läggs på mötets dagar.',
      `href="/workspace/meetings/${id}/edit"`,
    ]);
    expect(page.body).not.toContain(`action="/workspace/meetings/${id}/programme"`);
  });
});
