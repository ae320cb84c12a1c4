import type { Permission } from '../../platform/permissions.ts';

/**
 * Every protected route of the evaluation's duty and workflow with the permission it
 * declares, written out by hand (the module descriptor hands it to the authorization matrix
 * test, which checks the code against it and calls each route as every role).
 */
export const WORKFLOW_PROTECTED_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
  'GET /workspace/evaluations': 'coordinator',
  'GET /workspace/evaluations/new': 'coordinator',
  'POST /workspace/evaluations/new': 'coordinator',
  'GET /workspace/evaluations/:id': 'coordinator',
  'POST /workspace/evaluations/:id/sections': 'coordinator',
  'POST /workspace/evaluations/:id/review': 'coordinator',
  'POST /workspace/evaluations/:id/new-version': 'coordinator',
  'GET /workspace/evaluations/:id/compare': 'coordinator',
};
