import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { withUserName } from '../../db/joins.ts';
import { hasRow, tableAccess } from '../../db/table-access.ts';

// Review events (P8) and the people told about a review.

export const insertReviewEvent = tableAccess('review_event', ['id']).insert;

export function listReviewEvents(db: Executor, entity: string, entityId: string) {
  return db
    .selectFrom('review_event')
    .$call((q) => withUserName(q, 'review_event.actor_user_id', 'actor'))
    .select([
      'review_event.id',
      'review_event.action',
      'review_event.comment',
      'review_event.created_at',
    ])
    .where('review_event.entity', '=', entity)
    .where('review_event.entity_id', '=', entityId)
    .orderBy('review_event.created_at')
    .execute();
}
/** E-mail addresses of the active reporters of an organisation, and of one user. */
export function listReporterEmails(db: Executor, organisationId: string, userId: string | null) {
  return db
    .selectFrom('app_user')
    .select(['app_user.email'])
    .where('app_user.active', '=', 1)
    .where((eb) =>
      eb.or([
        hasRow('user_role', 'user_id', 'app_user.id', {
          role: 'reporter',
          organisation_id: organisationId,
        })(eb),
        eb('app_user.id', '=', userId ?? ''),
      ]),
    )
    .orderBy('app_user.email')
    .execute();
}

// The review queue (P8): submitted collaborations and exchanges together, oldest first.
// Its order is (submitted_at, entity, id); `QueueKey` is an item's place in it.

export interface QueueKey {
  submittedAt: string;
  entity: 'collaboration' | 'exchange';
  id: string;
}

const noText = sql<string | null>`cast(null as text)`;
type Entity = QueueKey['entity'];
const ENTITIES: readonly Entity[] = ['collaboration', 'exchange'];

/**
 * The submitted items of one kind, with what the queue shows of them. Each kind is read on its
 * own index, (review_state, submitted_at): the queue's order within one kind is (submitted_at, id).
 * A submitted item always has `submitted_at` (the service sets both together).
 */
function submitted(db: Executor, entity: Entity) {
  if (entity === 'collaboration')
    return db
      .selectFrom('collaboration as t')
      .innerJoin('organisation as o', 'o.id', 't.organisation_id')
      .select([
        sql<Entity>`'collaboration'`.as('entity'),
        't.id as id',
        sql<string | null>`t.title`.as('title'),
        noText.as('city_slug'),
        noText.as('occurred_on'),
        'o.name as organisation_name',
        sql<string>`coalesce(t.submitted_at, '')`.as('submitted_at'),
      ])
      .where('t.review_state', '=', 'submitted');
  return db
    .selectFrom('exchange as t')
    .innerJoin('organisation as o', 'o.id', 't.organisation_id')
    .innerJoin('city', 'city.id', 't.city_id')
    .select([
      sql<Entity>`'exchange'`.as('entity'),
      't.id as id',
      noText.as('title'),
      sql<string | null>`city.slug`.as('city_slug'),
      sql<string | null>`t.occurred_on`.as('occurred_on'),
      'o.name as organisation_name',
      sql<string>`coalesce(t.submitted_at, '')`.as('submitted_at'),
    ])
    .where('t.review_state', '=', 'submitted');
}

/**
 * Where an item of `entity` stands against `key` in the queue's order (submitted_at, entity, id),
 * said in the columns of its own table so that its index serves: `dir` '<' for the items before
 * the key, '>' for those after it.
 */
function beside(entity: Entity, key: QueueKey, dir: '<' | '>') {
  const at = sql.ref('t.submitted_at');
  if (entity === key.entity)
    return sql<boolean>`(${at}, t.id) ${sql.raw(dir)} (${key.submittedAt}, ${key.id})`;
  // Another kind at the same moment sorts by the kind's name.
  const sameMomentCounts = dir === '<' ? entity < key.entity : entity > key.entity;
  return sql<boolean>`${at} ${sql.raw(sameMomentCounts ? `${dir}=` : dir)} ${key.submittedAt}`;
}

/**
 * The first `count` items of the queue from `after` on (or from its start): each kind's first
 * `count` on its index, merged. The queue is never read whole, however long it grows.
 */
function firstItems(db: Executor, count: number, after: QueueKey | null) {
  const [first, second] = ENTITIES.map((entity) => {
    let q = submitted(db, entity);
    if (after) q = q.where(beside(entity, after, '>'));
    return db
      .selectFrom(q.orderBy('t.submitted_at').orderBy('t.id').limit(count).as('k'))
      .selectAll();
  });
  return db
    .selectFrom(first!.unionAll(second!).as('q'))
    .selectAll()
    .orderBy('q.submitted_at')
    .orderBy('q.entity')
    .orderBy('q.id');
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/** A page of the queue, oldest first. */
export function listQueue(db: Executor, limit: number, offset: number) {
  return firstItems(db, limit + offset, null)
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many items wait, and how many of them come before `key` in the queue's order. */
export async function countQueue(db: Executor, before?: QueueKey) {
  const counts = await Promise.all(
    ENTITIES.map(async (entity) => {
      const place = before ? sql`and ${beside(entity, before, '<')}` : sql``;
      const { rows } = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(
        entity,
      )} as t where t.review_state = 'submitted' ${place}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    }),
  );
  return counts[0]! + counts[1]!;
}

/** The first item after `key` in the queue's order (or the first of all without one). */
export function firstAfter(db: Executor, key: QueueKey | null) {
  return firstItems(db, 1, key).limit(1).executeTakeFirst();
}
