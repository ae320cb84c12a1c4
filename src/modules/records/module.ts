import { loadCatalogues } from '../../platform/i18n/catalogue.ts';
import { defineModule } from '../../platform/module.ts';
import { recordsErrorSpecs } from './errors.ts';
import { seedRecordsDemo } from './records.demo.ts';
import { recordsPages } from './records.pages.tsx';

export const recordsModule = defineModule({
  name: 'records',
  purpose:
    'public records: case number (diarienummer), public or secret, classification of decisions, reports and meeting documents; the register at /workspace/records; E-ARK SIP export of a case or a period',
  routes: [recordsPages],
  messages: loadCatalogues(new URL('./messages/', import.meta.url)),
  protectedRoutes: {
    'GET /workspace/records': 'coordinator',
    'GET /workspace/records/:kind/:id': 'coordinator',
    'POST /workspace/records/:kind/:id': 'coordinator',
    'POST /workspace/records/export/case': 'coordinator',
    'POST /workspace/records/export/period': 'coordinator',
  },
  errors: recordsErrorSpecs,
  demo: seedRecordsDemo,
  tables: [],
});
