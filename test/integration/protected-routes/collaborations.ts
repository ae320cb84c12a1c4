import type { Permission } from '../../../src/platform/permissions.ts';

/** The protected routes of this area, with their permission (see authorization-matrix.test.ts). */
export const COLLABORATION_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
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
  'GET /workspace/knowledge': 'authenticated',
};
