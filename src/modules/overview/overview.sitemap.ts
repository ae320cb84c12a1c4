import type { SitemapSource } from '../../platform/sitemap.ts';
import { overviewYears, twinCities } from './overview.service.ts';

/** How many recent years the sitemap lists (older years are reached by the year picker). */
const SITEMAP_YEARS = 5;

/** The overview, and the recent years, each for all twin cities and for each one. */
export const overviewSitemap: SitemapSource = async (app) => {
  const cities = await twinCities(app.db);
  const years = overviewYears().slice(0, SITEMAP_YEARS);
  return [
    '/overview',
    ...years.flatMap((y) => [`/overview/${y}`, ...cities.map((c) => `/overview/${y}/${c.slug}`)]),
  ];
};
