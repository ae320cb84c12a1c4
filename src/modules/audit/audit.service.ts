import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { newId, newRecord, type NewRecordKeys } from '../../shared/ids.ts';
import * as repo from './audit.repository.ts';

/** Who did something, from where: taken from the request (or the CLI). */
export type { Actor } from '../../platform/identity.ts';
import type { Actor } from '../../platform/identity.ts';

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system', ip: null };

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** The fields that differ between two versions of a record (secrets never included). */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  secret: readonly string[] = ['password_hash', 'totp_secret', 'token_hash'],
): Changes {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: Changes = {};
  for (const key of keys) {
    if (key === 'updated_at' || key === 'created_at') continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    changes[key] = secret.includes(key)
      ? { before: b === null ? null : '(set)', after: a === null ? null : '(set)' }
      : { before: b, after: a };
  }
  return changes;
}

/**
 * The changes of values that did not exist before (a creation, a count, a request): each
 * field as `{ before: null, after: value }`, every key kept as given (unlike `diff(null, …)`,
 * which leaves out nulls, timestamps and secrets).
 */
export function fromNothing(values: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(values).map(([key, after]) => [key, { before: null, after }]),
  );
}

/**
 * The changes of a status going from `before` to `after`, with the `values` the step
 * recorded (each from nothing, as `fromNothing` gives them).
 */
export function statusChange(
  before: unknown,
  after: unknown,
  values: Record<string, unknown> = {},
): Changes {
  return { status: { before, after }, ...fromNothing(values) };
}

export interface AuditEntry {
  entity: string;
  entityId: string | null;
  action: string;
  changes?: Changes;
}

/** Writes one audit event with the caller's executor, i.e. in the caller's transaction. */
export async function recordAudit(db: Executor, actor: Actor, entry: AuditEntry): Promise<void> {
  await repo.insertAuditEvent(db, {
    id: newId(),
    occurred_at: nowIso(),
    actor_user_id: actor.userId,
    actor_label: actor.label,
    ip: actor.ip,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    changes: JSON.stringify(entry.changes ?? {}),
  });
}

/**
 * Inserts a new record with the caller's executor (`insert`, a repository function) and
 * writes the audit event of its creation in the same transaction: `action` on the record's
 * id, with `audited` (the whole row unless given) as the values it changed from nothing.
 */
export async function insertAudited<R extends { id: string }>(
  trx: Executor,
  actor: Actor,
  entry: { entity: string; action: string },
  insert: (trx: Executor, row: R) => Promise<unknown>,
  row: R,
  audited: Record<string, unknown> = row,
): Promise<R> {
  await insert(trx, row);
  await recordAudit(trx, actor, { ...entry, entityId: row.id, changes: diff(null, audited) });
  return row;
}

/**
 * Creates a record of a table that keeps when each row was created and last updated: its
 * row is `fields` with a fresh id and both times now (`newRecord`), inserted and audited as
 * `insertAudited` does, with what `audited` picks from the row (the whole row unless given).
 */
export async function createAudited<F extends object>(
  trx: Executor,
  actor: Actor,
  entry: { entity: string; action: string },
  insert: (trx: Executor, row: F & NewRecordKeys) => Promise<unknown>,
  fields: F,
  audited?: (row: F & NewRecordKeys) => Record<string, unknown>,
): Promise<F & NewRecordKeys> {
  const row = newRecord(fields);
  return insertAudited(trx, actor, entry, insert, row, audited?.(row));
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  ip: string | null;
  entity: string;
  entityId: string | null;
  action: string;
  changes: Changes;
}

export function toAuditEvent(
  row: Awaited<ReturnType<typeof repo.listAuditEvents>>[number],
): AuditEvent {
  let changes: Changes;
  try {
    changes = JSON.parse(row.changes) as Changes;
  } catch {
    changes = {};
  }
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    ip: row.ip,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    changes,
  };
}

export async function listAudit(
  db: Executor,
  filter: repo.AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ events: AuditEvent[]; total: number }> {
  const [rows, total] = await Promise.all([
    repo.listAuditEvents(db, filter, page),
    repo.countAuditEvents(db, filter),
  ]);
  return { events: rows.map(toAuditEvent), total };
}

/** Every matching event in time order, fetched in pages of 500. */
export async function* iterateAudit(
  db: Executor,
  filter: repo.AuditFilter,
): AsyncGenerator<AuditEvent> {
  let after: { occurredAt: string; id: string } | null = null;
  for (;;) {
    const rows = await repo.listAuditEventsAfter(db, filter, after, 500);
    for (const row of rows) yield toAuditEvent(row);
    const last = rows.at(-1);
    if (!last || rows.length < 500) return;
    after = { occurredAt: last.occurred_at, id: last.id };
  }
}

export async function listAuditedEntities(db: Executor): Promise<string[]> {
  return (await repo.listAuditEntities(db)).map((r) => r.entity);
}

export type { AuditFilter } from './audit.repository.ts';
