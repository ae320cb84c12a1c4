import type { Permission } from '../../../src/platform/permissions.ts';

/** The protected routes of this area, with their permission (see authorization-matrix.test.ts). */
export const CAMPAIGN_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
  'GET /workspace/campaigns': 'reporting',
  'GET /workspace/campaigns/new': 'coordinator',
  'POST /workspace/campaigns/new': 'coordinator',
  'GET /workspace/campaigns/:id': 'reporting',
  'GET /workspace/campaigns/:id/answer': 'reporting',
  'POST /workspace/campaigns/:id/answer': 'reporting',
  'POST /workspace/campaigns/:id/close': 'coordinator',
  'GET /workspace/import': 'reporting',
  'POST /workspace/import': 'reporting',
  'GET /workspace/import/:id': 'reporting',
  'POST /workspace/import/:id/check': 'reporting',
  'POST /workspace/import/:id/start': 'reporting',
  'GET /workspace/collaborations/export.csv': 'authenticated',
  'GET /workspace/collaborations/export.xlsx': 'authenticated',
};
