import type { Permission } from '../../../src/platform/permissions.ts';

/** The protected routes of this area, with their permission (see authorization-matrix.test.ts). */
export const MEETING_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
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
};
