import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { privacyAccountPages, privacyAdminPages, privacyPublicPages } from './privacy.pages.tsx';
import { privacyRetentionJob } from './retention.job.ts';

export const privacyModule = defineModule({
  name: 'privacy',
  purpose:
    'personal data: the register at /privacy, a person’s export (JSON, PDF), correction and erasure that keeps the public record, retention rules as jobs with a dry run',
  routes: [privacyPublicPages, privacyAccountPages, privacyAdminPages],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: () => Promise.resolve(['/privacy']),
  jobs: [privacyRetentionJob],
  protectedRoutes: {
    'GET /account/data': 'authenticated',
    'POST /account/data/export': 'authenticated',
    'GET /admin/privacy': 'admin',
    'POST /admin/privacy/export': 'admin',
    'POST /admin/privacy/correct': 'admin',
    'POST /admin/privacy/erase': 'admin',
    'GET /admin/privacy/retention': 'admin',
  },
  tables: [],
});
