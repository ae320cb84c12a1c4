import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { overviewPages } from './overview.pages.tsx';
import { overviewSitemap } from './overview.sitemap.ts';
import { overviewErrorSpecs } from './errors.ts';

export const overviewModule = defineModule({
  name: 'overview',
  purpose:
    "the yearly overview (P9): the city's twin-city activity of a year in figures, sentences and charts, for all twin cities and for each, from public records only",
  routes: [overviewPages],
  errors: overviewErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: overviewSitemap,
  tables: [],
});
