/**
 * The public surface of the audit module: the only file other modules import (the
 * boundary check in `npm run lint` refuses any other). Its services and types.
 */
export {
  SYSTEM_ACTOR,
  createAudited,
  diff,
  fromNothing,
  insertAudited,
  iterateAudit,
  listAudit,
  listAuditedEntities,
  recordAudit,
  statusChange,
} from './audit.service.ts';
export type { Actor, AuditEvent, AuditFilter, Changes } from './audit.service.ts';
