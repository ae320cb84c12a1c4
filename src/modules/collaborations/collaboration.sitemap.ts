import type { SitemapSource } from '../../platform/sitemap.ts';
import { lenientFilters } from './collaboration.filters.ts';
import { listCollaborationsAfter } from './collaboration.service.ts';

const PAGE = 500;

/** The collaborations list and every public collaboration, read in keyset pages. */
export const collaborationsSitemap: SitemapSource = async (app) => {
  const paths = ['/collaborations'];
  const filters = lenientFilters({});
  let after: { startsOn: string; id: string } | null = null;
  for (;;) {
    const page = await listCollaborationsAfter(app.db.kysely, filters, 'public', after, PAGE);
    paths.push(...page.map((c) => `/collaborations/${c.id}`));
    const last = page.at(-1);
    if (page.length < PAGE || !last) return paths;
    after = { startsOn: last.startsOn, id: last.id };
  }
};
