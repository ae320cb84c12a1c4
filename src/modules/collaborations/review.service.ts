import type { Db, Executor } from '../../db/database.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { PageRequest } from '../../shared/pagination.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { diff, recordAudit, type Actor } from '../audit/index.ts';
import { collaborationNotFound, exchangeNotFound, type Reporter } from './collaboration.helpers.ts';
import { collaborationPolicy } from './collaboration.policy.ts';
import * as collaborationRepo from './collaboration.repository.ts';
import { reviewForm, type ReviewInput } from './collaboration.schema.ts';
import * as exchangeRepo from './exchange.repository.ts';
import * as repo from './review.repository.ts';

// The review of reported collaborations and exchanges (P8): the queue, acknowledging or
// returning an item, and its history.

export type ReviewEntity = 'collaboration' | 'exchange';

/** One item of the review queue: a collaboration (its title) or an exchange (city, day). */
export interface QueueItem {
  entity: ReviewEntity;
  id: string;
  title: string | null;
  citySlug: string | null;
  occurredOn: string | null;
  organisationName: string;
  submittedAt: string;
}

const toQueueItem = (r: repo.QueueRow): QueueItem => ({
  entity: r.entity,
  id: r.id,
  title: r.title,
  citySlug: r.city_slug,
  occurredOn: r.occurred_on,
  organisationName: r.organisation_name,
  submittedAt: r.submitted_at,
});

/** A page of the queue (collaborations and exchanges together), oldest first. */
export async function reviewQueue(db: Executor, page: PageRequest) {
  const [rows, total] = await Promise.all([
    repo.listQueue(db, page.limit, page.offset),
    repo.countQueue(db),
  ]);
  return { items: rows.map(toQueueItem), total };
}

/** Where a submitted item stands in the queue: its number, how many wait, the next one. */
export interface QueuePlace {
  position: number;
  total: number;
  next: QueueItem | null;
}

const keyOf = (entity: ReviewEntity, id: string, submittedAt: string | null): repo.QueueKey => ({
  entity,
  id,
  submittedAt: submittedAt ?? '',
});

/** The item after `key` in the queue, going round to the first; never the item itself. */
async function following(db: Executor, key: repo.QueueKey) {
  const after = (await repo.firstAfter(db, key)) ?? (await repo.firstAfter(db, null));
  return after && !(after.entity === key.entity && after.id === key.id) ? toQueueItem(after) : null;
}

export async function queuePlace(
  db: Executor,
  entity: ReviewEntity,
  id: string,
  submittedAt: string | null,
): Promise<QueuePlace> {
  const key = keyOf(entity, id, submittedAt);
  const [before, total, next] = await Promise.all([
    repo.countQueue(db, key),
    repo.countQueue(db),
    following(db, key),
  ]);
  return { position: before + 1, total, next };
}

/**
 * After a verdict on the item at `key` (no longer in the queue): the one that came after it
 * (or the first, when it was the last), and how many still wait.
 */
export async function nextInQueue(db: Executor, key: repo.QueueKey) {
  const [next, remaining] = await Promise.all([following(db, key), repo.countQueue(db)]);
  return { next, remaining };
}

export type { ReviewInput } from './collaboration.schema.ts';

export interface ReviewMail {
  publicUrl: string;
  subject: (kind: 'acknowledged' | 'returned', title: string) => string;
  text: (kind: 'acknowledged' | 'returned', title: string, comment: string, link: string) => string;
}

/**
 * A coordinator acknowledges a submitted report (it is published, if public, from then
 * on) or returns it with a comment. The reporters of the organisation and the item's
 * creator are told by e-mail, in the same transaction.
 */
export async function reviewItem(
  db: Db,
  mailer: Mailer,
  actor: Actor,
  user: Reporter,
  entity: ReviewEntity,
  id: string,
  input: ReviewInput,
  mail: ReviewMail,
): Promise<repo.QueueKey> {
  if (!collaborationPolicy.canReview(user)) throw errors.forbidden();
  const { decision, comment } = parseOrThrow(reviewForm, input);
  return db.kysely.transaction().execute(async (trx) => {
    const item =
      entity === 'collaboration'
        ? await collaborationRepo.findCollaboration(trx, id)
        : await exchangeRepo.findExchange(trx, id);
    if (!item) throw entity === 'collaboration' ? collaborationNotFound(id) : exchangeNotFound(id);
    if (item.review_state !== 'submitted')
      throw errors.validation([{ path: 'decision', message: 'collab.err.notSubmitted' }]);
    const now = nowIso();
    const state = decision === 'acknowledge' ? 'acknowledged' : 'returned';
    const values = {
      review_state: state,
      review_comment: comment || null,
      reviewed_by: user.id,
      reviewed_at: now,
      ...(state === 'acknowledged' && !item.published_at ? { published_at: now } : {}),
    };
    if (entity === 'collaboration') await collaborationRepo.updateCollaboration(trx, id, values);
    else await exchangeRepo.updateExchange(trx, id, values);
    await repo.insertReviewEvent(trx, {
      id: newId(),
      entity,
      entity_id: id,
      action: state,
      comment: comment || null,
      actor_user_id: actor.userId,
      created_at: now,
    });
    await recordAudit(trx, actor, {
      entity,
      entityId: id,
      action: state === 'acknowledged' ? 'acknowledge' : 'return',
      changes: diff(
        { review_state: item.review_state, review_comment: item.review_comment },
        { review_state: state, review_comment: comment || null },
      ),
    });
    const title = 'title' in item ? item.title : item.activities.slice(0, 80);
    const link = `${mail.publicUrl.replace(/\/$/, '')}/workspace/${entity === 'collaboration' ? 'collaborations' : 'exchanges'}/${id}`;
    const recipients = await repo.listReporterEmails(trx, item.organisation_id, item.created_by);
    for (const r of recipients) {
      await mailer.send(trx, {
        to: r.email,
        subject: mail.subject(state, title),
        text: mail.text(state, title, comment, link),
      });
    }
    // Its place in the queue it has just left: the next item is the one after it.
    return keyOf(entity, id, item.submitted_at);
  });
}

export async function reviewHistory(
  db: Executor,
  entity: 'collaboration' | 'exchange',
  id: string,
) {
  return repo.listReviewEvents(db, entity, id);
}
