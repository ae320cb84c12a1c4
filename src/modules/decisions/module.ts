import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { decisionsSitemap } from './decision.sitemap.ts';
import { decisionApi } from './decision.api.ts';
import { seedDecisionsDemo } from './decision.demo.ts';
import { decisionPages } from './decision.pages.tsx';
import { decisionPublicPages } from './decision.public.pages.tsx';
import { proposalPages } from './proposal.pages.tsx';
import { decisionsSearch } from './decision.search.ts';
import { decisionHomePolicy, decisionHomeTasks } from './decision.home.ts';
import { decisionsErrorSpecs } from './errors.ts';

export const decisionsModule = defineModule({
  name: 'decisions',
  purpose:
    'council decisions, proposals for new twin cities, the dated status history of cities (P1, P6)',
  routes: [
    decisionPublicPages,
    { plugin: decisionApi, prefix: '/api/v1' },
    proposalPages,
    decisionPages,
  ],
  errors: decisionsErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: decisionsSitemap,
  protectedRoutes: {
    'POST /api/v1/proposals': 'coordinator',
    'POST /api/v1/decisions': 'council',
    'GET /workspace/proposals': 'coordinator',
    'GET /workspace/proposals/new': 'coordinator',
    'POST /workspace/proposals/new': 'coordinator',
    'POST /workspace/proposals/:id/send': 'coordinator',
    'POST /workspace/proposals/:id/withdraw': 'coordinator',
    'GET /workspace/proposals/:id/send': 'coordinator',
    'GET /workspace/proposals/:id/withdraw': 'coordinator',
    'GET /workspace/decisions': 'council',
    'GET /workspace/decisions/new': 'council',
    'POST /workspace/decisions/new': 'council',
  },
  demo: seedDecisionsDemo,
  search: decisionsSearch,
  tasks: decisionHomeTasks,
  policy: decisionHomePolicy,
  tables: ['council_decision', 'decision_document', 'proposal', 'city_status_change'],
});
