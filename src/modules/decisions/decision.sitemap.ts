import type { SitemapSource } from '../../platform/sitemap.ts';
import { listDecisions } from './decision.service.ts';

const PAGE = 500;

/** The decisions list and every decision (all are public records). */
export const decisionsSitemap: SitemapSource = async (app) => {
  const paths = ['/decisions'];
  for (let offset = 0; ; offset += PAGE) {
    const { decisions } = await listDecisions(app.db.kysely, { limit: PAGE, offset });
    paths.push(...decisions.map((d) => `/decisions/${d.id}`));
    if (decisions.length < PAGE) return paths;
  }
};
