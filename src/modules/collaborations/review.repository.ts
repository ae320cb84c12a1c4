import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

// Review events (P8) and the people told about a review.

export const insertReviewEvent = tableAccess('review_event', ['id']).insert;

export function listReviewEvents(db: Executor, entity: string, entityId: string) {
  return db
    .selectFrom('review_event')
    .leftJoin('app_user', 'app_user.id', 'review_event.actor_user_id')
    .select([
      'review_event.id',
      'review_event.action',
      'review_event.comment',
      'review_event.created_at',
      'app_user.name as actor_name',
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
        eb.exists(
          eb
            .selectFrom('user_role')
            .select('user_role.user_id')
            .whereRef('user_role.user_id', '=', 'app_user.id')
            .where('user_role.role', '=', 'reporter')
            .where('user_role.organisation_id', '=', organisationId),
        ),
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

/** One line per submitted item; a collaboration has a title, an exchange a city and a day. */
function queue(db: Executor) {
  const collaborations = db
    .selectFrom('collaboration as c')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      sql<'collaboration' | 'exchange'>`'collaboration'`.as('entity'),
      'c.id as id',
      sql<string | null>`c.title`.as('title'),
      noText.as('city_slug'),
      noText.as('occurred_on'),
      'o.name as organisation_name',
      sql<string>`coalesce(c.submitted_at, '')`.as('submitted_at'),
    ])
    .where('c.review_state', '=', 'submitted');
  const exchanges = db
    .selectFrom('exchange as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .innerJoin('city', 'city.id', 'e.city_id')
    .select([
      sql<'collaboration' | 'exchange'>`'exchange'`.as('entity'),
      'e.id as id',
      noText.as('title'),
      sql<string | null>`city.slug`.as('city_slug'),
      sql<string | null>`e.occurred_on`.as('occurred_on'),
      'o.name as organisation_name',
      sql<string>`coalesce(e.submitted_at, '')`.as('submitted_at'),
    ])
    .where('e.review_state', '=', 'submitted');
  return db.selectFrom(collaborations.unionAll(exchanges).as('q'));
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/** A page of the queue, oldest first. */
export function listQueue(db: Executor, limit: number, offset: number) {
  return queue(db)
    .selectAll()
    .orderBy('q.submitted_at')
    .orderBy('q.entity')
    .orderBy('q.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** How many items wait, and how many of them come before `key` in the queue's order. */
export async function countQueue(db: Executor, before?: QueueKey) {
  let q = queue(db).select((eb) => eb.fn.countAll<string | number>().as('n'));
  if (before)
    q = q.where(
      sql<boolean>`(q.submitted_at, q.entity, q.id) < (${before.submittedAt}, ${before.entity}, ${before.id})`,
    );
  const row = await q.executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The first item after `key` in the queue's order (or the first of all without one). */
export function firstAfter(db: Executor, key: QueueKey | null) {
  let q = queue(db).selectAll();
  if (key)
    q = q.where(
      sql<boolean>`(q.submitted_at, q.entity, q.id) > (${key.submittedAt}, ${key.entity}, ${key.id})`,
    );
  return q
    .orderBy('q.submitted_at')
    .orderBy('q.entity')
    .orderBy('q.id')
    .limit(1)
    .executeTakeFirst();
}
