import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import './evaluation.table.ts';
import { seedEvaluationDemo } from './evaluation.demo.ts';
import { evaluationEvents } from './evaluation.events.ts';
import { evaluationPolicy, evaluationTasks } from './evaluation.home.ts';
import { evaluationRemindersJob } from './evaluation.job.ts';
import { evaluationPages } from './evaluation.pages.tsx';
import { WORKFLOW_PROTECTED_ROUTES } from './protected-routes.ts';

export const evaluationModule = defineModule({
  name: 'evaluation',
  purpose:
    'the evaluation after every meeting Gothenburg hosts (P10): figures compiled from the records, the analysis people write, review, approved versions, the public reports and their exports',
  routes: [evaluationPages],
  events: evaluationEvents,
  jobs: [evaluationRemindersJob],
  tasks: evaluationTasks,
  policy: evaluationPolicy,
  protectedRoutes: { ...WORKFLOW_PROTECTED_ROUTES },
  demo: seedEvaluationDemo,
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  tables: ['evaluation', 'evaluation_owner', 'evaluation_comment', 'evaluation_version'],
});
