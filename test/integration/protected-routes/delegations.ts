import type { Permission } from '../../../src/platform/permissions.ts';

/** The protected routes of this area, with their permission (see authorization-matrix.test.ts). */
export const DELEGATION_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
  'GET /workspace/delegations': 'delegations',
  'GET /workspace/meetings/:id/delegations/:citySlug': 'delegations',
  'POST /workspace/meetings/:id/delegations/:citySlug/members': 'delegations',
  'POST /workspace/meetings/:id/delegations/:citySlug/members/:memberId': 'delegations',
  'POST /workspace/meetings/:id/delegations/:citySlug/members/:memberId/remove': 'delegations',
  'POST /workspace/meetings/:id/delegations/:citySlug/confirm': 'delegations',
  'GET /workspace/meetings/:id/participants.pdf': 'delegations',
  'GET /workspace/meetings/:id/participants.xlsx': 'delegations',
  'GET /workspace/host-plan': 'coordinator',
  'GET /workspace/meetings/:id/host-plan': 'coordinator',
  'POST /workspace/meetings/:id/host-plan': 'coordinator',
  'POST /workspace/meetings/:id/host-plan/tasks/:taskId': 'coordinator',
  'GET /workspace/host-plan-template': 'coordinator',
  'POST /workspace/host-plan-template': 'coordinator',
  'POST /workspace/host-plan-template/:taskId': 'coordinator',
  'POST /workspace/host-plan-template/:taskId/move': 'coordinator',
};
