import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import './evaluation.table.ts';
import { reportApi } from './report.api.ts';
import { seedReportDemo } from './report.demo.ts';
import { REPORT_PROTECTED_ROUTES, reportPages } from './report.pages.tsx';
import { reportsSitemap } from './report.sitemap.ts';

export const evaluationModule = defineModule({
  name: 'evaluation',
  purpose:
    'the evaluation after every meeting Gothenburg hosts (P10): figures compiled from the records, the analysis people write, review, approved versions, the public reports and their exports',
  routes: [reportPages, { plugin: reportApi, prefix: '/api/v1' }],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: reportsSitemap,
  protectedRoutes: { ...REPORT_PROTECTED_ROUTES },
  demo: seedReportDemo,
  tables: ['evaluation', 'evaluation_owner', 'evaluation_comment', 'evaluation_version'],
});
