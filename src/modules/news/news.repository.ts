import type { Executor } from '../../db/database.ts';
import { hasRow, tableAccess } from '../../db/table-access.ts';
import type { NewsLinkTable, NewsTranslationTable } from './news.table.ts';

/** All SQL of the news module's workspace, public pages, feeds and job (reads for other modules: news-read.repository.ts). */

const items = tableAccess('news_item', '*', { fixed: ['created_at', 'created_by'] });
const dueItems = tableAccess('news_item', ['id', 'publish_at']);
const translations = tableAccess('news_translation', '*');
const links = tableAccess('news_link', '*');

export const findNewsItem = items.find;

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

export const insertNewsItem = items.insert;
export const updateNewsItem = items.update;

export const replaceTranslations = (
  db: Executor,
  id: string,
  rows: readonly NewsTranslationTable[],
) => translations.replace(db, { news_id: id }, rows);

export const replaceLinks = (db: Executor, id: string, rows: readonly NewsLinkTable[]) =>
  links.replace(db, { news_id: id }, rows);

/** Scheduled items whose time has come, oldest first. */
export const listDueScheduled = (db: Executor, now: string, limit: number) =>
  dueItems.list(db, { status: 'scheduled', publish_at: ['<=', now] }, ['publish_at', 'id'], {
    limit,
  });

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
    query = query.where(
      hasRow('news_link', 'news_id', 'n.id', { target_kind: 'city', target_id: cityId }),
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
export const firstPublishedAt = (db: Executor): Promise<string | null> =>
  items.min(db, 'published_at', { status: 'published' });

/**
 * The latest change to anything that is or was public (a withdrawal counts: it changes the
 * feeds), for Last-Modified; null when nothing was ever published.
 */
export const latestPublicChange = (db: Executor): Promise<string | null> =>
  items.max(db, 'updated_at', { published_at: ['is not', null] });

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
