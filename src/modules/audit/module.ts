import { defineModule } from '../../platform/module.ts';

export const auditModule = defineModule({
  name: 'audit',
  purpose: 'the append-only audit log every change writes to, in the same transaction',
  tables: ['audit_event'],
});
