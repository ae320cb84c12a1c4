import type { SitemapSource } from '../../platform/sitemap.ts';
import { listCities } from '../cities/index.ts';

/** The start page, the cities and each city, the policy and the accessibility statement. */
export const pagesSitemap: SitemapSource = async (app) => [
  '/',
  '/cities',
  ...(await listCities(app.db)).map((c) => `/cities/${c.slug}`),
  '/policy',
  '/accessibility',
];
