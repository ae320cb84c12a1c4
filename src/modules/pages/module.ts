import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { pagesSitemap } from './pages.sitemap.ts';
import { cityApi } from './city.api.ts';
import { cityPages } from './city.pages.tsx';
import { infoPages } from './info.pages.tsx';
import { workspacePages } from './workspace.pages.tsx';

export const pagesModule = defineModule({
  name: 'pages',
  purpose:
    'the public portal pages that bring modules together (home, the cities and each city: its facts, status history, meetings and collaborations), the cities API, the policy text, the accessibility statement, the workspace start page',
  routes: [infoPages, cityPages, { plugin: cityApi, prefix: '/api/v1' }, workspacePages],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: pagesSitemap,
  protectedRoutes: { 'GET /workspace': 'authenticated' },
  tables: [],
});
