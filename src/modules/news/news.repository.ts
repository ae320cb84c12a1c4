import type { Executor } from '../../db/database.ts';
import type { NewsItemTable, NewsLinkTable, NewsTranslationTable } from './news.table.ts';

/** All SQL of the news module's workspace, public pages, feeds and job (reads for other modules: news-read.repository.ts). */

export function findNewsItem(db: Executor, id: string) {
  return db.selectFrom('news_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every item for the workspace list with its Swedish title, newest change first. */
export function listNewsItems(db: Executor, limit: number) {
  return db
    .selectFrom('news_item as n')
    .leftJoin('news_translation as t', (join) =>
      join.onRef('t.news_id', '=', 'n.id').on('t.lang', '=', 'sv'),
    )
    .select(['n.id', 'n.status', 'n.publish_at', 'n.published_at', 'n.updated_at', 't.title'])
    .orderBy('n.updated_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}

export function insertNewsItem(db: Executor, row: NewsItemTable) {
  return db.insertInto('news_item').values(row).execute();
}

export function updateNewsItem(
  db: Executor,
  id: string,
  changes: Partial<Omit<NewsItemTable, 'id' | 'created_at' | 'created_by'>>,
) {
  return db.updateTable('news_item').set(changes).where('id', '=', id).execute();
}

export async function replaceTranslations(
  db: Executor,
  id: string,
  rows: readonly NewsTranslationTable[],
) {
  await db.deleteFrom('news_translation').where('news_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('news_translation')
      .values([...rows])
      .execute();
}

export async function replaceLinks(db: Executor, id: string, rows: readonly NewsLinkTable[]) {
  await db.deleteFrom('news_link').where('news_id', '=', id).execute();
  if (rows.length)
    await db
      .insertInto('news_link')
      .values([...rows])
      .execute();
}

/** Scheduled items whose time has come, oldest first. */
export function listDueScheduled(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('news_item')
    .select(['id', 'publish_at'])
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now)
    .orderBy('publish_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Publishes one scheduled item if it is still scheduled and due: the condition makes a
 * second writer (another instance, a coordinator who just withdrew it) a no-op. Returns
 * whether this call published it.
 */
export async function publishScheduled(db: Executor, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('news_item')
    .set((eb) => ({
      status: 'published',
      published_at: eb.fn.coalesce('published_at', 'publish_at'),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('publish_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface PublicNewsFilter {
  cityId?: string | undefined;
  /** [since, until) on published_at, ISO UTC. */
  since?: string | undefined;
  until?: string | undefined;
}

function publicQuery(db: Executor, filter: PublicNewsFilter) {
  let query = db
    .selectFrom('news_item as n')
    .where('n.status', '=', 'published')
    .where('n.published_at', 'is not', null);
  if (filter.since) query = query.where('n.published_at', '>=', filter.since);
  if (filter.until) query = query.where('n.published_at', '<', filter.until);
  if (filter.cityId) {
    const cityId = filter.cityId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('news_link as l')
          .select('l.news_id')
          .whereRef('l.news_id', '=', 'n.id')
          .where('l.target_kind', '=', 'city')
          .where('l.target_id', '=', cityId),
      ),
    );
  }
  return query;
}

export function listPublicNewsRows(
  db: Executor,
  filter: PublicNewsFilter,
  page: { limit: number; offset: number },
) {
  return publicQuery(db, filter)
    .select(['n.id', 'n.status', 'n.published_at', 'n.updated_at'])
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countPublicNews(db: Executor, filter: PublicNewsFilter): Promise<number> {
  const row = await publicQuery(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The first publication instant of any published item (the year filter's first year). */
export async function firstPublishedAt(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('news_item')
    .select((eb) => eb.fn.min('published_at').as('first'))
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row?.first ?? null;
}

/**
 * The latest change to anything that is or was public (a withdrawal counts: it changes the
 * feeds), for Last-Modified; null when nothing was ever published.
 */
export async function latestPublicChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('news_item')
    .select((eb) => eb.fn.max('updated_at').as('latest'))
    .where('published_at', 'is not', null)
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}

/** Published items linked to a city, meeting or collaboration, newest first. */
export function listLinkedPublicNews(db: Executor, kind: string, targetId: string, limit: number) {
  return db
    .selectFrom('news_item as n')
    .innerJoin('news_link as l', 'l.news_id', 'n.id')
    .select(['n.id', 'n.status', 'n.published_at', 'n.updated_at'])
    .where('l.target_kind', '=', kind)
    .where('l.target_id', '=', targetId)
    .where('n.status', '=', 'published')
    .where('n.published_at', 'is not', null)
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit)
    .execute();
}
