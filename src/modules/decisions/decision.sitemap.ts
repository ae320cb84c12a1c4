import { everySlice, type SitemapSource } from '../../platform/sitemap.ts';
import { listDecisions } from './decision.service.ts';

/** The decisions list and every decision (all are public records). */
export const decisionsSitemap: SitemapSource = async (app) => {
  const decisions = await everySlice(
    500,
    async (slice) => (await listDecisions(app.db.kysely, slice)).decisions,
  );
  return ['/decisions', ...decisions.map((d) => `/decisions/${d.id}`)];
};
