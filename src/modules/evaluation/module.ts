import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule, inOrder } from '../../platform/module.ts';
import './evaluation.table.ts';
import { seedEvaluationDemo } from './evaluation.demo.ts';
import { evaluationEvents } from './evaluation.events.ts';
import { evaluationPolicy, evaluationTasks } from './evaluation.home.ts';
import { evaluationRemindersJob } from './evaluation.job.ts';
import { evaluationPages } from './evaluation.pages.tsx';
import { figuresApi } from './figures.api.ts';
import { WORKFLOW_PROTECTED_ROUTES } from './protected-routes.ts';
import { reportApi } from './report.api.ts';
import { seedReportDemo } from './report.demo.ts';
import { REPORT_PROTECTED_ROUTES, reportPages } from './report.pages.tsx';
import { reportsSitemap } from './report.sitemap.ts';
import { evaluationErrorSpecs } from './errors.ts';

export const evaluationModule = defineModule({
  name: 'evaluation',
  purpose:
    'the evaluation after every meeting Gothenburg hosts (P10): figures compiled from the records, the analysis people write, review, approved versions, the public reports and their exports',
  routes: [
    evaluationPages,
    reportPages,
    { plugin: reportApi, prefix: '/api/v1' },
    { plugin: figuresApi, prefix: '/api/v1' },
  ],
  events: evaluationEvents,
  jobs: [evaluationRemindersJob],
  tasks: evaluationTasks,
  policy: evaluationPolicy,
  errors: evaluationErrorSpecs,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  sitemap: reportsSitemap,
  protectedRoutes: {
    ...WORKFLOW_PROTECTED_ROUTES,
    ...REPORT_PROTECTED_ROUTES,
    'GET /api/v1/evaluations/:id/figures': 'coordinator',
  },
  // The demo: the approved evaluation after the 2019 meeting, then its publication.
  demo: inOrder(seedEvaluationDemo, seedReportDemo),
  tables: ['evaluation', 'evaluation_owner', 'evaluation_comment', 'evaluation_version'],
});
