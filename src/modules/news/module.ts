import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { newsSearch } from './news.search.ts';
import { seedNewsDemo } from './news.demo.ts';
import { newsPublishJob } from './news.job.ts';
import { newsPages } from './news.pages.tsx';
import { newsPublicPages } from './news.public.pages.tsx';
import { relatedNews } from './news.related.tsx';
import { newsSitemap } from './news.sitemap.ts';
import { PROTECTED_ROUTES } from './protected-routes.ts';
import { newsErrorSpecs } from './errors.ts';

export const newsModule = defineModule({
  name: 'news',
  purpose: "the City Executive Office's news in five languages, its feeds and links (P9)",
  search: newsSearch,
  routes: [newsPublicPages, newsPages],
  errors: newsErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: newsSitemap,
  jobs: [newsPublishJob],
  protectedRoutes: PROTECTED_ROUTES,
  related: relatedNews,
  demo: seedNewsDemo,
  tables: ['news_item', 'news_translation', 'news_link'],
});
