import type { SitemapSource } from '../../platform/sitemap.ts';
import { listPublishedReports } from './report.service.ts';

const PAGE = 200;

/** `/reports` and every published report (the evaluation's id: the stable address). */
export const reportsSitemap: SitemapSource = async (app) => {
  const paths = ['/reports'];
  for (let offset = 0; ; offset += PAGE) {
    const { reports } = await listPublishedReports(app.db.kysely, { limit: PAGE, offset });
    paths.push(...reports.map((r) => `/reports/${r.evaluationId}`));
    if (reports.length < PAGE) return paths;
  }
};
