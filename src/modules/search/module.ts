import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { searchIndexJob } from './search-index.job.ts';
import { searchPages } from './search.pages.tsx';

export const searchModule = defineModule({
  name: 'search',
  purpose:
    "one search over the portal's cities, meetings, seminars, outcomes, decisions, collaborations, exchanges and news, as each reader may read them (P9)",
  routes: [searchPages],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  jobs: [searchIndexJob],
  tables: ['search_entry', 'search_index_state', 'search_dirty'],
});
