import { everySlice, type SitemapSource } from '../../platform/sitemap.ts';
import { listPublishedReports } from './report.service.ts';

/** `/reports` and every published report (the evaluation's id: the stable address). */
export const reportsSitemap: SitemapSource = async (app) => {
  const reports = await everySlice(
    200,
    async (slice) => (await listPublishedReports(app.db.kysely, slice)).reports,
  );
  return ['/reports', ...reports.map((r) => `/reports/${r.evaluationId}`)];
};
