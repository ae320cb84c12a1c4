import type { SitemapSource } from '../../platform/sitemap.ts';

/** The open-data page (the downloads themselves are files, not pages). */
export const openDataSitemap: SitemapSource = async () => ['/datasets'];
