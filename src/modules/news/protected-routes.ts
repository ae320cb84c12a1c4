import type { Permission } from '../../platform/permissions.ts';

/**
 * Every protected route of this module with the permission it declares, written out by
 * hand (the module descriptor hands it to the authorization matrix test).
 */
export const PROTECTED_ROUTES: Record<string, Exclude<Permission, 'public'>> = {
  'GET /workspace/news': 'coordinator',
  'GET /workspace/news/new': 'coordinator',
  'POST /workspace/news/new': 'coordinator',
  'GET /workspace/news/:id': 'coordinator',
  'POST /workspace/news/:id': 'coordinator',
  'POST /workspace/news/:id/withdraw': 'coordinator',
  'GET /workspace/news/:id/preview': 'coordinator',
};
