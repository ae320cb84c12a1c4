import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { newsletterRetentionJob, newsletterSendJob } from './newsletter.job.ts';
import { newsletterPublicPages, newsletterWorkspacePages } from './newsletter.pages.tsx';
import { seedNewsletterDemo } from './newsletter.demo.ts';
import { newsletterHomePolicy } from './newsletter.home.ts';
import { newsletterMetrics } from './newsletter.metrics.ts';
import { newsletterErrorSpecs } from './errors.ts';

export const newsletterModule = defineModule({
  name: 'newsletter',
  purpose:
    "the City Executive Office's newsletter: subscriptions with double opt-in and one-click unsubscribe, issues composed from a digest, sent in batches by a job (P9)",
  routes: [newsletterPublicPages, newsletterWorkspacePages],
  errors: newsletterErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: () => Promise.resolve(['/newsletter']),
  jobs: [newsletterSendJob, newsletterRetentionJob],
  protectedRoutes: {
    'GET /workspace/newsletter': 'coordinator',
    'POST /workspace/newsletter/issues': 'coordinator',
    'GET /workspace/newsletter/:id': 'coordinator',
    'POST /workspace/newsletter/:id': 'coordinator',
    'GET /workspace/newsletter/:id/preview/:lang': 'coordinator',
    'POST /workspace/newsletter/:id/test': 'coordinator',
    'POST /workspace/newsletter/:id/send': 'coordinator',
    'GET /workspace/newsletter/:id/send': 'coordinator',
  },
  demo: seedNewsletterDemo,
  policy: newsletterHomePolicy,
  metrics: newsletterMetrics,
  tables: [
    'newsletter_subscriber',
    'newsletter_issue',
    'newsletter_issue_text',
    'newsletter_delivery',
  ],
});
