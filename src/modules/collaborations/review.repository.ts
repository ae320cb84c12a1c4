import type { Executor } from '../../db/database.ts';
import type { ReviewEventTable } from './collaboration.table.ts';

// Review events (P8) and the people told about a review.

export function insertReviewEvent(db: Executor, row: ReviewEventTable) {
  return db.insertInto('review_event').values(row).execute();
}

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
