import { defineModule } from '../../platform/module.ts';
import { adminPages } from './admin.pages.tsx';
import { mfaAdminPages } from './mfa-admin.pages.tsx';

export const adminModule = defineModule({
  name: 'admin',
  purpose:
    'the administration: users and roles, organisations, two-step verification rules, the audit log, the mail outbox',
  routes: [adminPages, mfaAdminPages],
  protectedRoutes: {
    'GET /admin': 'admin',
    'GET /admin/users': 'admin',
    'GET /admin/users/new': 'admin',
    'POST /admin/users/new': 'admin',
    'GET /admin/users/:id': 'admin',
    'POST /admin/users/:id/roles': 'admin',
    'POST /admin/users/:id/active': 'admin',
    'GET /admin/organisations': 'admin',
    'POST /admin/organisations': 'admin',
    'GET /admin/organisations/:id': 'admin',
    'POST /admin/organisations/:id': 'admin',
    'POST /admin/organisations/:id/active': 'admin',
    'GET /admin/audit': 'admin',
    'GET /admin/audit.csv': 'admin',
    'GET /admin/outbox': 'admin',
    'POST /admin/users/:id/mfa-reset': 'admin',
    'GET /admin/users/:id/mfa-reset': 'admin',
    'GET /admin/security': 'admin',
    'POST /admin/security': 'admin',
  },
  tables: [],
});
