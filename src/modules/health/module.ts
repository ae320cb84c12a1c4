import { defineModule } from '../../platform/module.ts';
import { healthRoutes } from './health.routes.ts';

export const healthModule = defineModule({
  name: 'health',
  purpose: '/healthz (the process) and /readyz (the database) for operations',
  routes: [healthRoutes],
  tables: [],
});
