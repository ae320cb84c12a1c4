import type { RelatedContentSource } from '../../platform/related-content.ts';
import { linkedPublicNews, listPublicNews } from './news.service.ts';
import { LatestNews, LinkedNews } from './views/news-public.tsx';

/**
 * The news linked to a city, meeting or collaboration, for that page (through the
 * related-content port, decision 017): the five newest, with a link to all news about a city;
 * on the start page, the three newest of all.
 */
export const relatedNews: RelatedContentSource = async (db, target, ctx) => {
  if (target.kind === 'home') {
    // The start page: the three newest, and the way to all of them and the feed.
    const { items } = await listPublicNews(db, {}, { limit: 3, offset: 0 });
    return items.length === 0 ? null : <LatestNews ctx={ctx} items={items} />;
  }
  const items = await linkedPublicNews(db, target.kind, target.id, 5);
  if (items.length === 0) return null;
  return <LinkedNews ctx={ctx} items={items} />;
};
