export interface AuditEventTable {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_label: string;
  ip: string | null;
  entity: string;
  entity_id: string | null;
  action: string;
  changes: string; // JSON: { field: { before, after } }
}

declare module '../../db/database.ts' {
  interface Database {
    audit_event: AuditEventTable;
  }
}
