import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import { countPublicNews, type PublicNewsFilter } from './news.repository.ts';

/**
 * Reads of published news for the other modules (newsletter digest, overview, open data,
 * search) through `index.ts`. Published means status `published`; drafts, scheduled and
 * withdrawn items are never returned.
 */

export interface PublishedNewsRow {
  id: string;
  published_at: string;
  updated_at: string;
}

/** Published items, newest first; `since`/`until` bound `published_at` (ISO UTC, since inclusive, until exclusive). */
export function listPublishedNewsRows(
  db: Executor,
  options: { since?: string; until?: string; limit?: number; offset?: number } = {},
): Promise<PublishedNewsRow[]> {
  let query = db
    .selectFrom('news_item')
    .select(['id', 'published_at', 'updated_at'])
    .where('status', '=', 'published')
    .where('published_at', 'is not', null);
  if (options.since) query = query.where('published_at', '>=', options.since);
  if (options.until) query = query.where('published_at', '<', options.until);
  query = query.orderBy('published_at', 'desc').orderBy('id', 'desc');
  if (options.limit !== undefined) query = query.limit(options.limit).offset(options.offset ?? 0);
  return query.execute() as Promise<PublishedNewsRow[]>;
}

const translations = tableAccess('news_translation', '*');
const links = tableAccess('news_link', '*');

export function listNewsTranslations(db: Executor, newsIds: readonly string[]) {
  if (newsIds.length === 0) return Promise.resolve([]);
  return translations.list(db, { news_id: ['in', newsIds] });
}

export function listNewsLinks(db: Executor, newsIds: readonly string[]) {
  if (newsIds.length === 0) return Promise.resolve([]);
  return links.list(db, { news_id: ['in', newsIds] });
}

/** The number of items published in [since, until); with `cityId`, only those linked to that city. */
export const countPublishedNews = (db: Executor, options: PublicNewsFilter = {}): Promise<number> =>
  countPublicNews(db, options);

const items = tableAccess('news_item', ['id']);

/** The latest change to any published item (the news data set's modification date), or null. */
export const latestNewsChange = (db: Executor): Promise<string | null> =>
  items.max(db, 'updated_at', { status: 'published' });
