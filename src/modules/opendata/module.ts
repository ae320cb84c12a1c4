import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { catalogueRoutes } from './catalogue.routes.ts';
import { datasetsPages } from './datasets.pages.tsx';
import { openDataApi } from './opendata.api.ts';
import { openDataSitemap } from './opendata.sitemap.ts';

export const opendataModule = defineModule({
  name: 'opendata',
  purpose:
    'open data: every public list as CSV and JSON, the DCAT-AP-SE catalogue for the national data portal, the /datasets page (P9)',
  routes: [datasetsPages, catalogueRoutes, { plugin: openDataApi, prefix: '/api/v1' }],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: openDataSitemap,
  tables: [],
});
