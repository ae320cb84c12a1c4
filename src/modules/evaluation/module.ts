import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import './evaluation.table.ts';
import { figuresApi } from './figures.api.ts';

export const evaluationModule = defineModule({
  name: 'evaluation',
  purpose:
    'the evaluation after every meeting Gothenburg hosts (P10): figures compiled from the records, the analysis people write, review, approved versions, the public reports and their exports',
  routes: [{ plugin: figuresApi, prefix: '/api/v1' }],
  protectedRoutes: { 'GET /api/v1/evaluations/:id/figures': 'coordinator' },
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  tables: ['evaluation', 'evaluation_owner', 'evaluation_comment', 'evaluation_version'],
});
