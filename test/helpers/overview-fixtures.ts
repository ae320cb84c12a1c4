import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { collaborationRow } from './collaboration-fixtures.ts';

/**
 * Records for the yearly overview's tests (issue 14, point 3), written straight into the
 * tables, and the overview's figures computed independently with the tests' own SQL (not
 * the module's queries), so a wrong query in the module cannot agree with itself.
 */

/** Today in Gothenburg as YYYY-MM-DD (what the overview counts up to). */
export function todayInGothenburg(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

export const THIS_YEAR = Number(todayInGothenburg().slice(0, 4));

/** A day of this year that has passed (or today): a date the overview counts. */
export const EARLIER_THIS_YEAR =
  `${THIS_YEAR}-01-15` <= todayInGothenburg() ? `${THIS_YEAR}-01-15` : `${THIS_YEAR}-01-01`;

const now = () => new Date().toISOString();

async function idOf(db: Db, table: 'city' | 'organisation' | 'area', slug: string) {
  const row = await db.kysely
    .selectFrom(table)
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function anyOrganisationId(db: Db): Promise<string> {
  const row = await db.kysely
    .selectFrom('organisation')
    .select('id')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A collaboration with a city (and an area), this year unless told. */
export async function addCollaboration(
  db: Db,
  options: {
    title: string;
    citySlug: string;
    visibility: 'public' | 'internal';
    published: boolean;
    startsOn?: string;
    endsOn?: string | null;
    status?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const at = now();
  // Read before the transaction: SQLite has one connection, which the transaction holds.
  const areaRow = await db.kysely
    .selectFrom('area')
    .select('id')
    .orderBy('position')
    .executeTakeFirst();
  const organisationId = await anyOrganisationId(db);
  const cityId = await idOf(db, 'city', options.citySlug);
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('collaboration')
      .values(
        collaborationRow({
          id,
          organisation_id: organisationId,
          title: options.title,
          kind: 'project',
          status: options.status ?? 'ongoing',
          starts_on: options.startsOn ?? EARLIER_THIS_YEAR,
          ends_on: options.endsOn ?? null,
          visibility: options.visibility,
          review_state: options.published ? 'acknowledged' : 'submitted',
          reviewed_at: options.published ? at : null,
          submitted_at: at,
          published_at: options.published ? at : null,
          created_at: at,
        }),
      )
      .execute();
    await trx
      .insertInto('collaboration_city')
      .values({ collaboration_id: id, city_id: cityId })
      .execute();
    if (areaRow)
      await trx
        .insertInto('collaboration_area')
        .values({ collaboration_id: id, area_id: areaRow.id })
        .execute();
  });
  return id;
}

/** An exchange with a city on a day of this year. */
export async function addExchange(
  db: Db,
  options: {
    citySlug: string;
    participants: number;
    visibility: 'public' | 'internal';
    occurredOn?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const at = now();
  await db.kysely
    .insertInto('exchange')
    .values({
      id,
      organisation_id: await anyOrganisationId(db),
      collaboration_id: null,
      city_id: await idOf(db, 'city', options.citySlug),
      occurred_on: options.occurredOn ?? EARLIER_THIS_YEAR,
      direction: 'visit_to',
      participants: options.participants,
      activities: 'Studiebesök',
      learnings: null,
      visibility: options.visibility,
      review_state: 'acknowledged',
      review_comment: null,
      reviewed_by: null,
      reviewed_at: at,
      submitted_at: at,
      published_at: at,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A news item, published now (or a draft), with its Swedish version. */
export async function addNews(
  db: Db,
  options: { published: boolean; cityId?: string },
): Promise<string> {
  const id = randomUUID();
  const at = now();
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .insertInto('news_item')
      .values({
        id,
        status: options.published ? 'published' : 'draft',
        publish_at: options.published ? at : null,
        published_at: options.published ? at : null,
        created_by: null,
        updated_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('news_translation')
      .values({
        news_id: id,
        lang: 'sv',
        title: 'Nyhet',
        summary: null,
        body_markdown: 'Text',
        body_html: '<p>Text</p>',
        updated_at: at,
      })
      .execute();
    if (options.cityId)
      await trx
        .insertInto('news_link')
        .values({ news_id: id, target_kind: 'city', target_id: options.cityId })
        .execute();
  });
  return id;
}

/** A KF decision this year. */
export async function addDecision(db: Db, title: string): Promise<string> {
  const id = randomUUID();
  await db.kysely
    .insertInto('council_decision')
    .values({
      id,
      body: 'KF',
      meeting_date: EARLIER_THIS_YEAR,
      section: '§ 12',
      case_number: null,
      title,
      outcome: 'approved',
      link: null,
      document_id: null,
      final_on: null,
      historical: 0,
      supersedes_id: null,
      proposal_id: null,
      recorded_by: null,
      created_at: now(),
    })
    .execute();
  return id;
}

/** The overview's headline figures. */
export interface ExpectedFigures {
  collaborations: number;
  started: number;
  organisations: number;
  exchanges: number;
  participants: number;
  meetings: number;
  decisions: number;
  news: number;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * This year's figures, for all twin cities or one (`citySlug`), computed with the test's
 * own SQL from the definitions in docs/overview.md: public and published records only.
 */
export async function expectedFigures(
  db: Db,
  year: number,
  citySlug: string | null,
): Promise<ExpectedFigures> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const today = todayInGothenburg();
  const asOf = today < to ? today : to;
  const k = db.kysely;
  const cityCollab = citySlug
    ? sql`and exists (select 1 from collaboration_city cc join city on city.id = cc.city_id
                      where cc.collaboration_id = c.id and city.slug = ${citySlug})`
    : sql``;
  const collab = await sql<{ total: unknown; started: unknown; orgs: unknown }>`
    select count(*) as total,
           coalesce(sum(case when c.starts_on >= ${from} then 1 else 0 end), 0) as started,
           count(distinct c.organisation_id) as orgs
      from collaboration c
     where c.visibility = 'public' and c.published_at is not null and c.status <> 'cancelled'
       and c.starts_on <= ${asOf} and (c.ends_on is null or c.ends_on >= ${from})
       ${cityCollab}`.execute(k);
  const cityExchange = citySlug
    ? sql`and e.city_id = (select id from city where slug = ${citySlug})`
    : sql``;
  const exchange = await sql<{ total: unknown; participants: unknown }>`
    select count(*) as total, coalesce(sum(e.participants), 0) as participants
      from exchange e left join collaboration c on c.id = e.collaboration_id
     where e.visibility = 'public' and e.published_at is not null
       and (e.collaboration_id is null or (c.visibility = 'public' and c.published_at is not null))
       and e.occurred_on between ${from} and ${to}
       ${cityExchange}`.execute(k);
  const meetings = await sql<{ total: unknown }>`
    select count(*) as total from meeting where year = ${year} and status <> 'cancelled'`.execute(
    k,
  );
  const cityDecision = citySlug
    ? sql`and (d.id in (select s.decision_id from city_status_change s join city on city.id = s.city_id where city.slug = ${citySlug})
            or d.id in (select p.decision_id from proposal p join city on city.id = p.city_id where city.slug = ${citySlug}))`
    : sql``;
  const decisions = await sql<{ total: unknown }>`
    select count(*) as total from council_decision d
     where d.meeting_date between ${from} and ${to}
       and not exists (select 1 from council_decision later where later.supersedes_id = d.id)
       ${cityDecision}`.execute(k);
  // 1 January in Gothenburg begins at 23:00 UTC the day before (CET, no summer time then).
  const cityNews = citySlug
    ? sql`and exists (select 1 from news_link l join city on city.id = l.target_id
                      where l.news_id = n.id and l.target_kind = 'city' and city.slug = ${citySlug})`
    : sql``;
  const news = await sql<{ total: unknown }>`
    select count(*) as total from news_item n
     where n.status = 'published' and n.published_at is not null
       and n.published_at >= ${`${year - 1}-12-31T23:00:00.000Z`}
       and n.published_at < ${`${year}-12-31T23:00:00.000Z`}
       ${cityNews}`.execute(k);
  return {
    collaborations: num(collab.rows[0]?.total),
    started: num(collab.rows[0]?.started),
    organisations: num(collab.rows[0]?.orgs),
    exchanges: num(exchange.rows[0]?.total),
    participants: num(exchange.rows[0]?.participants),
    meetings: num(meetings.rows[0]?.total),
    decisions: num(decisions.rows[0]?.total),
    news: num(news.rows[0]?.total),
  };
}

/** The headline figures as the page shows them (`data-figure` tiles), read from its HTML. */
export function figuresOnPage(html: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of html.matchAll(/data-figure="([a-z]+)"><dt>[^<]*<\/dt><dd>([^<]*)<\/dd>/g)) {
    out[m[1]!] = Number(m[2]!.replace(/[\s\u00a0\u202f.,]/g, ''));
  }
  return out;
}
