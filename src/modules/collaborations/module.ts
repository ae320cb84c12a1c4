import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule, inOrder } from '../../platform/module.ts';
import { collaborationsSitemap } from './collaboration.sitemap.ts';
import { seedCampaignDemo } from './campaign.demo.ts';
import { campaignRemindersJob } from './campaign.job.ts';
import { campaignPages } from './campaign.pages.tsx';
import { collaborationApi } from './collaboration.api.ts';
import { seedCollaborationDemo } from './collaboration.demo.ts';
import { areaPages } from './area.pages.tsx';
import { collaborationPages } from './collaboration.pages.tsx';
import { collaborationPublicPages } from './collaboration.public.pages.tsx';
import { exchangePages } from './exchange.pages.tsx';
import { exportPages } from './export.pages.ts';
import { importPages } from './import.pages.tsx';
import { knowledgePages } from './knowledge.pages.tsx';
import { PROTECTED_ROUTES } from './protected-routes.ts';
import { reviewPages } from './review.pages.tsx';
import { collaborationsSearch } from './collaboration.search.ts';
import { collaborationHomePolicy, collaborationHomeTasks } from './collaboration.home.ts';
import { collaborationsErrorSpecs } from './errors.ts';

export const collaborationsModule = defineModule({
  name: 'collaborations',
  purpose:
    'collaborations, experience exchanges, review, the knowledge bank, campaigns, import and export (P7, P8)',
  routes: [
    collaborationPublicPages,
    { plugin: collaborationApi, prefix: '/api/v1' },
    collaborationPages,
    exchangePages,
    reviewPages,
    areaPages,
    knowledgePages,
    campaignPages,
    importPages,
    exportPages,
  ],
  errors: collaborationsErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: collaborationsSitemap,
  jobs: [campaignRemindersJob],
  protectedRoutes: PROTECTED_ROUTES,
  tasks: collaborationHomeTasks,
  policy: collaborationHomePolicy,
  // The campaign after the collaborations: its answers confirm their lists.
  demo: inOrder(seedCollaborationDemo, seedCampaignDemo),
  search: collaborationsSearch,
  tables: [
    'area',
    'collaboration',
    'collaboration_city',
    'collaboration_area',
    'exchange',
    'review_event',
    'campaign',
    'campaign_organisation',
    'import_job',
    'search_document',
  ],
});
