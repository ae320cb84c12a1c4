import type { Permission } from '../../platform/permissions.ts';

/**
 * Every protected route of this module with the permission it declares, written out by
 * hand (the module descriptor hands it to the authorization matrix test, which checks the
 * code against it and calls each route as every role).
 */
export const PROTECTED_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
  'GET /workspace/collaborations': 'authenticated',
  'GET /workspace/collaborations/new': 'reporting',
  'POST /workspace/collaborations/new': 'reporting',
  'GET /workspace/collaborations/:id': 'authenticated',
  'GET /workspace/collaborations/:id/edit': 'reporting',
  'POST /workspace/collaborations/:id/edit': 'reporting',
  'POST /workspace/collaborations/:id/review': 'coordinator',
  'GET /workspace/exchanges': 'authenticated',
  'GET /workspace/exchanges/new': 'reporting',
  'POST /workspace/exchanges/new': 'reporting',
  'GET /workspace/exchanges/:id': 'authenticated',
  'GET /workspace/exchanges/:id/edit': 'reporting',
  'POST /workspace/exchanges/:id/edit': 'reporting',
  'POST /workspace/exchanges/:id/review': 'coordinator',
  'GET /workspace/review': 'coordinator',
  'GET /workspace/areas': 'coordinator',
  'POST /workspace/areas': 'coordinator',
  'POST /workspace/areas/:id': 'coordinator',
  'POST /workspace/areas/:id/active': 'coordinator',
  'GET /workspace/knowledge': 'internal',
  'GET /workspace/campaigns': 'reporting',
  'GET /workspace/campaigns/new': 'coordinator',
  'POST /workspace/campaigns/new': 'coordinator',
  'GET /workspace/campaigns/:id': 'reporting',
  'GET /workspace/campaigns/:id/answer': 'reporting',
  'POST /workspace/campaigns/:id/answer': 'reporting',
  'POST /workspace/campaigns/:id/close': 'coordinator',
  'GET /workspace/campaigns/:id/close': 'coordinator',
  'GET /workspace/import': 'reporting',
  'POST /workspace/import': 'reporting',
  'GET /workspace/import/:id': 'reporting',
  'POST /workspace/import/:id/check': 'reporting',
  'POST /workspace/import/:id/start': 'reporting',
  'GET /workspace/collaborations/export.csv': 'internal',
  'GET /workspace/collaborations/export.xlsx': 'internal',
};
