import type { RelatedContentSource } from '../../platform/related-content.ts';
import { linkedPublicNews } from './news.service.ts';
import { LinkedNews } from './views/news-public.tsx';

/**
 * The news linked to a city, meeting or collaboration, for that page (through the
 * related-content port, decision 017): the five newest, with a link to all news about a city.
 */
export const relatedNews: RelatedContentSource = async (db, target, ctx) => {
  const items = await linkedPublicNews(db, target.kind, target.id, 5);
  if (items.length === 0) return null;
  return <LinkedNews ctx={ctx} items={items} />;
};
