import type { Permission } from '../../platform/permissions.ts';

/**
 * Every protected route of this module with the permission it declares, written out by
 * hand (the module descriptor hands it to the authorization matrix test, which checks the
 * code against it and calls each route as every role).
 */
export const PROTECTED_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
  'GET /workspace/meetings': 'meetings',
  'POST /workspace/rotation': 'coordinator',
  'GET /workspace/meetings/new': 'meetings',
  'POST /workspace/meetings/new': 'meetings',
  'GET /workspace/meetings/:id': 'meetings',
  'GET /workspace/meetings/:id/edit': 'meetings',
  'POST /workspace/meetings/:id/edit': 'meetings',
  'POST /workspace/meetings/:id/programme': 'meetings',
  'POST /workspace/meetings/:id/seminars': 'meetings',
  'POST /workspace/meetings/:id/documents': 'meetings',
  'POST /workspace/meetings/:id/outcomes': 'meetings',
  'POST /workspace/meetings/:id/outcomes/:outcomeId/close': 'meetings',
  'POST /workspace/meetings/:id/programme/:partId/delete': 'meetings',
  'POST /workspace/meetings/:id/seminars/:partId/delete': 'meetings',
  'POST /workspace/meetings/:id/documents/:partId/delete': 'meetings',
  'GET /workspace/meetings/:id/programme/:partId/edit': 'meetings',
  'POST /workspace/meetings/:id/programme/:partId/edit': 'meetings',
  'GET /workspace/meetings/:id/seminars/:partId/edit': 'meetings',
  'POST /workspace/meetings/:id/seminars/:partId/edit': 'meetings',
  'GET /workspace/meetings/:id/documents/:partId/edit': 'meetings',
  'POST /workspace/meetings/:id/documents/:partId/edit': 'meetings',
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
