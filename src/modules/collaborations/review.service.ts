import type { Db, Executor } from '../../db/database.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import { diff, recordAudit, type Actor } from '../audit/index.ts';
import { collaborationNotFound, exchangeNotFound, type Reporter } from './collaboration.helpers.ts';
import { collaborationPolicy } from './collaboration.policy.ts';
import * as collaborationRepo from './collaboration.repository.ts';
import { reviewForm, type ReviewInput } from './collaboration.schema.ts';
import { hydrate } from './collaboration.service.ts';
import * as exchangeRepo from './exchange.repository.ts';
import { toExchange } from './exchange.service.ts';
import * as repo from './review.repository.ts';

// The review of reported collaborations and exchanges (P8): the queue, acknowledging or
// returning an item, and its history.

export type ReviewEntity = 'collaboration' | 'exchange';

export async function reviewQueue(db: Executor) {
  const [collaborations, exchanges] = await Promise.all([
    collaborationRepo.listSubmittedCollaborations(db, 200),
    exchangeRepo.listSubmittedExchanges(db, 200),
  ]);
  return {
    collaborations: await hydrate(db, collaborations),
    exchanges: exchanges.map(toExchange),
  };
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
): Promise<void> {
  if (!collaborationPolicy.canReview(user)) throw errors.forbidden();
  const { decision, comment } = parseOrThrow(reviewForm, input);
  await db.kysely.transaction().execute(async (trx) => {
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
  });
}

export async function reviewHistory(
  db: Executor,
  entity: 'collaboration' | 'exchange',
  id: string,
) {
  return repo.listReviewEvents(db, entity, id);
}
