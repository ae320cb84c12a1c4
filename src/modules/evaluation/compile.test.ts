import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useDemoDb } from '../../../test/helpers/test-app.ts';
import type { Db } from '../../db/database.ts';
import { roleGroupOf } from '../meetings/index.ts';
import { compileFigures } from './compile.service.ts';
import type { Count, EvaluationFigures, PeriodRange } from './evaluation.figures.ts';
import { addDays, previousPeriod } from './period.ts';
import { collaborationRow } from '../../../test/helpers/collaboration-fixtures.ts';
import { rowWhere, updateRows } from '../../../test/helpers/rows.ts';

// The independent check of the compilation (issue 15, point 7): the demo data plus rows this
// test writes, the expected figures counted with the test's own SQL from the definitions in
// docs/evaluation.md, compared with compileFigures field by field on both databases.

const PERIOD: PeriodRange = { start: '2019-11-16', end: '2027-09-30' };
const PREVIOUS = previousPeriod(PERIOD);
const at = '2026-12-01T10:00:00.000Z';
const num = (v: unknown) => Number(v ?? 0);

async function idOf(db: Db, table: 'city' | 'organisation' | 'area', slug: string) {
  const row = await db.kysely
    .selectFrom(table)
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function addCollaboration(
  db: Db,
  o: {
    org: string;
    cities: string[];
    areas: string[];
    kind: string;
    status: string;
    startsOn: string;
    endsOn: string | null;
    visibility?: string;
  },
) {
  const id = randomUUID();
  await db.kysely
    .insertInto('collaboration')
    .values(
      collaborationRow({
        id,
        organisation_id: await idOf(db, 'organisation', o.org),
        title: `Testsamarbete ${id.slice(0, 6)}`,
        kind: o.kind,
        status: o.status,
        starts_on: o.startsOn,
        ends_on: o.endsOn,
        visibility: o.visibility ?? 'internal',
        review_state: 'draft',
        created_at: at,
      }),
    )
    .execute();
  for (const c of o.cities)
    await db.kysely
      .insertInto('collaboration_city')
      .values({ collaboration_id: id, city_id: await idOf(db, 'city', c) })
      .execute();
  for (const a of o.areas)
    await db.kysely
      .insertInto('collaboration_area')
      .values({ collaboration_id: id, area_id: await idOf(db, 'area', a) })
      .execute();
  return id;
}

async function addExchange(
  db: Db,
  o: { org: string; city: string; on: string; direction: string; participants: number },
) {
  await db.kysely
    .insertInto('exchange')
    .values({
      id: randomUUID(),
      organisation_id: await idOf(db, 'organisation', o.org),
      collaboration_id: null,
      city_id: await idOf(db, 'city', o.city),
      occurred_on: o.on,
      direction: o.direction,
      participants: o.participants,
      activities: 'Studiebesök',
      learnings: null,
      visibility: 'internal',
      review_state: 'draft',
      review_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      submitted_at: null,
      published_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

const byKey = (counts: readonly Count[]) =>
  Object.fromEntries(counts.filter((c) => c.value !== 0).map((c) => [c.key, c.value]));

const rowsByKey = (rows: readonly { key: unknown; n: unknown }[]) =>
  Object.fromEntries(rows.filter((r) => num(r.n) !== 0).map((r) => [String(r.key), num(r.n)]));

/** The expected figures of one period, with the test's own SQL. */
async function expectedPeriod(db: Db, chainId: string, p: PeriodRange) {
  const k = db.kysely;
  const inPeriod = sql`c.status <> 'cancelled' and c.starts_on <= ${p.end}
    and (c.ends_on is null or c.ends_on >= ${p.start})`;
  const all = (
    await sql<{ id: string; starts_on: string; ends_on: string | null }>`
    select c.id, c.starts_on, c.ends_on from collaboration c where ${inPeriod}`.execute(k)
  ).rows;
  const group = async (select: ReturnType<typeof sql>, join: ReturnType<typeof sql>) =>
    rowsByKey(
      (
        await sql<{ key: unknown; n: unknown }>`
        select ${select} as key, count(*) as n from collaboration c ${join}
         where ${inPeriod} group by ${select}`.execute(k)
      ).rows,
    );
  const exchanges = sql`e.occurred_on >= ${p.start} and e.occurred_on <= ${p.end}`;
  const exTotals = (
    await sql<{ n: unknown; people: unknown }>`
      select count(*) as n, sum(e.participants) as people from exchange e where ${exchanges}`.execute(
      k,
    )
  ).rows[0];
  const meetingRows = (
    await sql<{ id: string }>`
      select m.id from meeting m
       where m.chain_id = ${chainId} and m.status in ('held', 'confirmed', 'planned')
         and coalesce(m.end_date, m.start_date) >= ${p.start}
         and coalesce(m.end_date, m.start_date) <= ${p.end}
       order by m.year, m.id`.execute(k)
  ).rows;
  const meetings = [];
  for (const m of meetingRows) {
    const count = async (q: ReturnType<typeof sql>) =>
      num((await sql<{ n: unknown }>`${q}`.execute(k)).rows[0]?.n);
    const delegates = (
      await sql<{ slug: string; title: string | null }>`
        select city.slug, dm.title from delegation_member dm
          join delegation d on d.id = dm.delegation_id join city on city.id = d.city_id
         where d.meeting_id = ${m.id}`.execute(k)
    ).rows;
    const tally = (keys: string[]) =>
      keys.reduce<Record<string, number>>(
        (acc, key) => ({ ...acc, [key]: (acc[key] ?? 0) + 1 }),
        {},
      );
    meetings.push({
      id: m.id,
      programmeItems: await count(
        sql`select count(*) as n from meeting_programme_item where meeting_id = ${m.id}`,
      ),
      seminars: await count(
        sql`select count(*) as n from meeting_seminar where meeting_id = ${m.id}`,
      ),
      delegates: delegates.length,
      delegatesByCity: tally(delegates.map((d) => d.slug)),
      delegatesByRole: tally(delegates.map((d) => roleGroupOf(d.title))),
      outcomes: await count(
        sql`select count(*) as n from meeting_outcome where meeting_id = ${m.id}`,
      ),
      followUps: await count(
        sql`select count(*) as n from meeting_outcome where meeting_id = ${m.id} and kind = 'action'`,
      ),
      followUpsClosed: await count(
        sql`select count(*) as n from meeting_outcome
             where meeting_id = ${m.id} and kind = 'action' and closed_on is not null`,
      ),
    });
  }
  const campaigns = (
    await sql<{ id: string }>`
      select id from campaign where period_from <= ${p.end} and period_to >= ${p.start}
       order by period_from, id`.execute(k)
  ).rows;
  const campaignFigures = [];
  for (const c of campaigns) {
    const asked = (
      await sql<{ name: string; answer: string | null }>`
        select o.name, co.answer from campaign_organisation co
          join organisation o on o.id = co.organisation_id
         where co.campaign_id = ${c.id}`.execute(k)
    ).rows;
    campaignFigures.push({
      id: c.id,
      asked: asked.length,
      answered: asked
        .filter((a) => a.answer !== null)
        .map((a) => a.name)
        .sort(),
      missing: asked
        .filter((a) => a.answer === null)
        .map((a) => a.name)
        .sort(),
    });
  }
  const decisions = (
    await sql<{ id: string; body: string }>`
      select d.id, d.body from council_decision d
       where d.meeting_date >= ${p.start} and d.meeting_date <= ${p.end}
         and not exists (select 1 from council_decision later where later.supersedes_id = d.id)`.execute(
      k,
    )
  ).rows;
  const since = `${p.start}T00:00:00.000Z`;
  const until = `${addDays(p.end, 1)}T00:00:00.000Z`;
  const news = num(
    (
      await sql<{ n: unknown }>`select count(*) as n from news_item
        where status = 'published' and published_at >= ${since} and published_at < ${until}`.execute(
        k,
      )
    ).rows[0]?.n,
  );
  const sentIssues = (
    await sql<{ id: string }>`select id from newsletter_issue
      where status = 'sent' and sent_at >= ${since} and sent_at < ${until}`.execute(k)
  ).rows.map((r) => r.id);
  let recipients = 0;
  for (const id of sentIssues)
    recipients += num(
      (
        await sql<{ n: unknown }>`select count(*) as n from newsletter_delivery
          where issue_id = ${id} and status = 'sent'`.execute(k)
      ).rows[0]?.n,
    );
  return {
    collaborations: {
      total: all.length,
      new: all.filter((c) => c.starts_on >= p.start).length,
      ongoing: all.filter((c) => c.starts_on < p.start && (c.ends_on === null || c.ends_on > p.end))
        .length,
      finished: all.filter((c) => c.ends_on !== null && c.ends_on <= p.end).length,
      byCity: await group(
        sql`city.slug`,
        sql`join collaboration_city cc on cc.collaboration_id = c.id join city on city.id = cc.city_id`,
      ),
      byArea: await group(
        sql`area.slug`,
        sql`join collaboration_area ca on ca.collaboration_id = c.id join area on area.id = ca.area_id`,
      ),
      byOrganisation: await group(
        sql`o.slug`,
        sql`join organisation o on o.id = c.organisation_id`,
      ),
      byKind: await group(sql`c.kind`, sql``),
      byStatus: await group(sql`c.status`, sql``),
    },
    exchanges: {
      total: num(exTotals?.n),
      participants: num(exTotals?.people),
      byCity: rowsByKey(
        (
          await sql<{ key: unknown; n: unknown }>`
            select city.slug as key, count(*) as n from exchange e join city on city.id = e.city_id
             where ${exchanges} group by city.slug`.execute(k)
        ).rows,
      ),
      byDirection: rowsByKey(
        (
          await sql<{ key: unknown; n: unknown }>`
            select e.direction as key, count(*) as n from exchange e
             where ${exchanges} group by e.direction`.execute(k)
        ).rows,
      ),
    },
    meetings,
    campaigns: campaignFigures,
    decisions: {
      total: decisions.length,
      byKind: decisions.reduce<Record<string, number>>(
        (acc, d) => ({ ...acc, [d.body]: (acc[d.body] ?? 0) + 1 }),
        {},
      ),
      ids: decisions.map((d) => d.id).sort(),
    },
    news,
    newsletters: { sent: sentIssues.length, recipients },
  };
}

/** The compiled figures of a period in the same shape as the expected ones. */
function actualPeriod(p: EvaluationFigures['current']) {
  return {
    collaborations: {
      total: p.collaborations.total,
      new: p.collaborations.new,
      ongoing: p.collaborations.ongoing,
      finished: p.collaborations.finished,
      byCity: byKey(p.collaborations.byCity),
      byArea: byKey(p.collaborations.byArea),
      byOrganisation: byKey(p.collaborations.byOrganisation),
      byKind: byKey(p.collaborations.byKind),
      byStatus: byKey(p.collaborations.byStatus),
    },
    exchanges: {
      total: p.exchanges.total,
      participants: p.exchanges.participants,
      byCity: byKey(p.exchanges.byCity),
      byDirection: byKey(p.exchanges.byDirection),
    },
    meetings: p.meetings.map((m) => ({
      id: m.id,
      programmeItems: m.programmeItems,
      seminars: m.seminars,
      delegates: m.delegates,
      delegatesByCity: byKey(m.delegatesByCity),
      delegatesByRole: byKey(m.delegatesByRole),
      outcomes: m.outcomes,
      followUps: m.followUps,
      followUpsClosed: m.followUpsClosed,
    })),
    campaigns: p.campaigns.map((c) => ({
      id: c.id,
      asked: c.asked,
      answered: [...c.answered].sort(),
      missing: [...c.missing].sort(),
    })),
    decisions: {
      total: p.decisions.total,
      byKind: byKey(p.decisions.byKind),
      ids: p.decisions.items.map((d) => d.id).sort(),
    },
    news: p.news.published,
    newsletters: p.newsletters,
  };
}

/** Twin cities of the chain with no collaboration, exchange or held meeting from `from` to `to`. */
async function quietCities(db: Db, from: string, to: string): Promise<string[]> {
  const rows = await sql<{ slug: string }>`
    select city.slug from city join chain_member cm on cm.city_id = city.id
     where city.kind <> 'home' and city.status <> 'ended'
       and not exists (select 1 from collaboration_city cc join collaboration c on c.id = cc.collaboration_id
                        where cc.city_id = city.id and c.status <> 'cancelled'
                          and c.starts_on <= ${to} and (c.ends_on is null or c.ends_on >= ${from}))
       and not exists (select 1 from exchange e where e.city_id = city.id
                        and e.occurred_on >= ${from} and e.occurred_on <= ${to})
       and not exists (select 1 from meeting m where m.status = 'held' and m.host_city_id = city.id
                        and coalesce(m.end_date, m.start_date) between ${from} and ${to})
       and not exists (select 1 from delegation d join meeting m on m.id = d.meeting_id
                        where d.city_id = city.id and m.status = 'held'
                          and coalesce(m.end_date, m.start_date) between ${from} and ${to})`.execute(
    db.kysely,
  );
  return rows.rows.map((r) => r.slug).sort();
}

describeEachDialect('compiling the figures of an evaluation', (dialect) => {
  const demo = useDemoDb(dialect);
  let chainId = '';
  let openActionId = '';
  let figures: EvaluationFigures;

  beforeAll(async () => {
    const db = demo.db;
    chainId = (await db.kysely.selectFrom('chain').select('id').executeTakeFirstOrThrow()).id;
    // Collaborations in several cities, areas, kinds and statuses: new, ongoing (through
    // the whole period), finished in it, and ones that must not count (ended before,
    // begun after, cancelled).
    const areas = await db.kysely.selectFrom('area').select('slug').orderBy('position').execute();
    const [a1, a2, a3] = areas.map((a) => a.slug) as [string, string, string];
    await addCollaboration(db, {
      org: 'kulturforvaltningen',
      cities: ['bergen', 'aarhus'],
      areas: [a1, a2],
      kind: 'network',
      status: 'ongoing',
      startsOn: '2015-03-01',
      endsOn: null,
    });
    await addCollaboration(db, {
      org: 'liseberg',
      cities: ['turku'],
      areas: [a3],
      kind: 'study_visit',
      status: 'completed',
      startsOn: '2020-02-01',
      endsOn: '2021-06-30',
    });
    await addCollaboration(db, {
      org: 'goteborgs-hamn',
      cities: ['aarhus'],
      areas: [a2],
      kind: 'project',
      status: 'planned',
      startsOn: '2027-03-01',
      endsOn: '2028-12-31',
    });
    await addCollaboration(db, {
      org: 'goteborgs-hamn',
      cities: ['bergen'],
      areas: [a1],
      kind: 'project',
      status: 'completed',
      startsOn: '2012-01-01',
      endsOn: '2019-11-15',
    });
    await addCollaboration(db, {
      org: 'liseberg',
      cities: ['turku'],
      areas: [a1],
      kind: 'project',
      status: 'cancelled',
      startsOn: '2022-01-01',
      endsOn: null,
    });
    await addCollaboration(db, {
      org: 'liseberg',
      cities: ['bergen'],
      areas: [a1],
      kind: 'other',
      status: 'planned',
      startsOn: '2027-07-01',
      endsOn: null,
    });
    // Exchanges in and around the period.
    for (const [city, on, direction, participants] of [
      ['bergen', '2019-11-16', 'visit_to', 7],
      ['aarhus', '2023-05-04', 'visit_from', 12],
      ['turku', '2027-06-30', 'digital', 30],
      ['turku', '2019-11-15', 'digital', 99],
      ['aarhus', '2015-01-01', 'visit_to', 3],
    ] as const)
      await addExchange(db, { org: 'stadsledningskontoret', city, on, direction, participants });
    // A campaign that asked three organisations; one never answered any campaign.
    const campaignId = randomUUID();
    await db.kysely
      .insertInto('campaign')
      .values({
        id: campaignId,
        title: 'Inventering 2022',
        period_from: '2022-01-01',
        period_to: '2022-12-31',
        deadline: '2023-02-01',
        message: null,
        status: 'closed',
        created_by: null,
        created_at: at,
        closed_at: at,
        closed_by: null,
      })
      .execute();
    for (const [org, answer] of [
      ['kulturforvaltningen', 'confirmed'],
      ['liseberg', 'no_activity'],
      ['goteborg-energi', null],
    ] as const)
      await db.kysely
        .insertInto('campaign_organisation')
        .values({
          campaign_id: campaignId,
          organisation_id: await idOf(db, 'organisation', org),
          answer,
          comment: null,
          answered_at: answer ? at : null,
          answered_by: null,
          snapshot: null,
          reminded_at: null,
          overdue_reminded_at: null,
        })
        .execute();
    // An action of the 2021 meeting, due in 2022, still open three years after it.
    const meeting2021 = await rowWhere(db, 'meeting', { year: 2021 }, ['id']);
    openActionId = randomUUID();
    await db.kysely
      .insertInto('meeting_outcome')
      .values({
        id: openActionId,
        meeting_id: meeting2021.id,
        kind: 'action',
        text: 'Ta fram en gemensam plan för ungdomsutbyten',
        responsible_city_id: null,
        due_on: '2022-06-30',
        closed_on: null,
        closed_in_meeting_id: null,
        closing_note: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // A council decision in the period, and one corrected by a later one (counted once).
    const first = randomUUID();
    for (const [id, supersedes] of [
      [first, null],
      [randomUUID(), first],
    ] as const)
      await db.kysely
        .insertInto('council_decision')
        .values({
          id,
          body: 'KS',
          meeting_date: '2024-03-13',
          section: '§ 7',
          case_number: null,
          title: 'Vänortssamarbetet med Åbo',
          outcome: 'approved',
          link: null,
          document_id: null,
          final_on: null,
          historical: 0,
          supersedes_id: supersedes,
          proposal_id: null,
          recorded_by: null,
          created_at: at,
        })
        .execute();
    figures = await compileFigures(db.kysely, { chainId, period: PERIOD, previous: PREVIOUS });
  });

  it('counts the period as the test counts it, field by field', async () => {
    const expected = await expectedPeriod(demo.db, chainId, PERIOD);
    const actual = actualPeriod(figures.current);
    expect(actual.collaborations).toEqual(expected.collaborations);
    expect(actual.exchanges).toEqual(expected.exchanges);
    expect(actual.meetings).toEqual(expected.meetings);
    expect(actual.campaigns).toEqual(expected.campaigns);
    expect(actual.decisions).toEqual(expected.decisions);
    expect(actual.news).toBe(expected.news);
    expect(actual.newsletters).toEqual(expected.newsletters);
    expect(figures.current.period).toEqual(PERIOD);
    // The rows this test wrote are among them (the comparison is not of two empty sets).
    expect(figures.current.collaborations.new).toBeGreaterThanOrEqual(2);
    expect(figures.current.collaborations.ongoing).toBeGreaterThanOrEqual(1);
    expect(figures.current.collaborations.finished).toBeGreaterThanOrEqual(1);
    expect(figures.current.exchanges.participants).toBeGreaterThanOrEqual(49);
    expect(figures.current.meetings.length).toBeGreaterThanOrEqual(3);
    expect(figures.current.decisions.total).toBeGreaterThanOrEqual(1);
    expect(figures.current.meetings.some((m) => m.delegates > 0)).toBe(true);
  });

  it('counts the previous period the same way', async () => {
    expect(figures.previous).not.toBeNull();
    const expected = await expectedPeriod(demo.db, chainId, PREVIOUS);
    expect(actualPeriod(figures.previous!)).toEqual(expected);
    expect(figures.previous!.exchanges.byCity.find((c) => c.key === 'aarhus')?.value).toBe(
      num(expected.exchanges.byCity.aarhus),
    );
  });

  it('labels in Swedish and lists every twin city, with zeros', () => {
    const cities = figures.current.collaborations.byCity.map((c) => c.key).sort();
    expect(cities).toEqual(expect.arrayContaining(['aarhus', 'bergen', 'turku']));
    expect(figures.current.collaborations.byKind.find((k) => k.key === 'network')?.label).toBe(
      'Nätverk',
    );
    expect(figures.current.exchanges.byDirection.map((d) => d.label)).not.toContain('digital');
  });

  it('flags what the test finds with its own SQL', async () => {
    const k = demo.db.kysely;
    const flagged = (kind: string) =>
      figures.flags
        .filter((f) => f.kind === kind)
        .map((f) => f.subject)
        .sort();
    // Organisations asked by a campaign due by the period's end that never answered one.
    const silent = (
      await sql<{ slug: string }>`
        select o.slug from organisation o
         where o.active = 1
           and exists (select 1 from campaign_organisation co join campaign c on c.id = co.campaign_id
                        where co.organisation_id = o.id and c.deadline <= ${PERIOD.end})
           and not exists (select 1 from campaign_organisation co join campaign c on c.id = co.campaign_id
                            where co.organisation_id = o.id and c.deadline <= ${PERIOD.end}
                              and co.answer is not null)`.execute(k)
    ).rows.map((r) => r.slug);
    expect(silent).toContain('goteborg-energi');
    expect(flagged('organisation-never-reported')).toEqual(silent.sort());
    // Actions open with a due date (or meeting) two years or more before the period's end.
    const open = (
      await sql<{ id: string }>`
        select o.id from meeting_outcome o join meeting m on m.id = o.meeting_id
         where o.kind = 'action' and (o.closed_on is null or o.closed_on > ${PERIOD.end})
           and coalesce(o.due_on, m.end_date, m.start_date) <= '2025-09-30'`.execute(k)
    ).rows.map((r) => r.id);
    expect(open).toContain(openActionId);
    expect(flagged('follow-up-open')).toEqual(open.sort());
    const action = figures.flags.find((f) => f.subject === openActionId);
    expect(action?.href).toMatch(/^\/workspace\/meetings\/[^/]+\/outcomes$/);
    // Twin cities without a collaboration, exchange or held meeting in the two years.
    const quiet = await quietCities(demo.db, '2025-10-01', PERIOD.end);
    expect(flagged('city-inactive')).toEqual(quiet.sort());
    // The demo chain of four meeting every second year gives Gothenburg every eighth year.
    expect(flagged('rotation-broken')).toEqual([]);
  });

  it('flags a twin city with no activity for two years, and a broken rotation', async () => {
    // Before the first meeting on record, some twin cities had no activity at all.
    const early = await compileFigures(demo.db.kysely, {
      chainId,
      period: { start: '2013-01-01', end: '2014-12-31' },
      previous: null,
    });
    expect(early.previous).toBeNull();
    const quiet = await quietCities(demo.db, '2013-01-01', '2014-12-31');
    expect(quiet.length).toBeGreaterThan(0);
    const flags = early.flags.filter((f) => f.kind === 'city-inactive');
    expect(flags.map((f) => f.subject).sort()).toEqual(quiet);
    expect(flags[0]?.href).toBe(`/workspace/cities/${flags[0]?.subject}`);
    expect(flags[0]?.params).toMatchObject({ since: '2013-01-01', years: 2 });
    // A chain meeting every third year no longer gives Gothenburg every eighth (P3).
    await updateRows(demo.db, 'chain', { id: chainId }, { interval_years: 3 });
    try {
      const broken = await compileFigures(demo.db.kysely, {
        chainId,
        period: PERIOD,
        previous: null,
      });
      const flag = broken.flags.find((f) => f.kind === 'rotation-broken');
      expect(flag?.params).toMatchObject({ required: 8, cycle: 12 });
      expect(flag?.href).toBe('/workspace/rotation');
    } finally {
      await updateRows(demo.db, 'chain', { id: chainId }, { interval_years: 2 });
    }
  });
});

describe('the role a delegate travels in', () => {
  it('groups titles in five languages, never by name', () => {
    for (const [title, group] of [
      ['Kommunfullmäktiges ordförande', 'chair'],
      ['Kommunfullmäktiges förste vice ordförande', 'deputy'],
      ['Varaordfører', 'deputy'],
      ['Ordfører', 'chair'],
      ['Borgmester', 'chair'],
      ['Kaupunginvaltuuston puheenjohtaja', 'chair'],
      ['Ledamot i kommunstyrelsen', 'member'],
      ['Bystyremedlem', 'member'],
      ['Rådmand', 'member'],
      ['Internationell strateg', 'official'],
      ['Fotograf', 'other'],
      [null, 'none'],
      ['  ', 'none'],
    ] as const)
      expect(roleGroupOf(title), String(title)).toBe(group);
  });
});
