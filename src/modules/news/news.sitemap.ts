import type { SitemapSource } from '../../platform/sitemap.ts';
import { listPublicNews } from './news.service.ts';

/** The news list and every published item. */
export const newsSitemap: SitemapSource = async (app) => {
  const { items } = await listPublicNews(app.db, {}, { limit: 5000, offset: 0 });
  return ['/news', ...items.map((i) => `/news/${i.id}`)];
};
