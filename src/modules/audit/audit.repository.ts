import type { Executor } from '../../db/database.ts';
import { afterCursor } from '../../db/keyset.ts';
import { tableAccess } from '../../db/table-access.ts';

// Append-only: this file has an insert and reads, and never an update or a delete.

export const insertAuditEvent = tableAccess('audit_event', ['id']).insert;

export interface AuditFilter {
  actorUserId?: string | undefined;
  /** The actor's e-mail (or "system", "cli"…), as recorded. */
  actorLabel?: string | undefined;
  entity?: string | undefined;
  /** Inclusive ISO instants. */
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Executor, f: AuditFilter) {
  let q = db.selectFrom('audit_event');
  if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.actorLabel) q = q.where('actor_label', '=', f.actorLabel);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<=', f.to);
  return q;
}

export function listAuditEvents(
  db: Executor,
  f: AuditFilter,
  page: { limit: number; offset: number },
) {
  return filtered(db, f)
    .selectAll()
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countAuditEvents(db: Executor, f: AuditFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Keyset pages in time order, for streaming exports without holding everything. */
export function listAuditEventsAfter(
  db: Executor,
  f: AuditFilter,
  after: { occurredAt: string; id: string } | null,
  limit: number,
) {
  let q = filtered(db, f).selectAll();
  if (after)
    q = q.where(afterCursor('occurred_at', 'id', { value: after.occurredAt, id: after.id }));
  return q.orderBy('occurred_at').orderBy('id').limit(limit).execute();
}

export function listAuditEntities(db: Executor) {
  return db.selectFrom('audit_event').select('entity').distinct().orderBy('entity').execute();
}
