import type { Executor } from '../../db/database.ts';

/**
 * The issues sent in [since, until) (ISO 8601 UTC times) and how many recipients they
 * reached (deliveries sent): counts only, nothing of the subscribers.
 */
export async function countSentIssues(db: Executor, since: string, until: string) {
  const [issues, deliveries] = await Promise.all([
    db
      .selectFrom('newsletter_issue as i')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('i.status', '=', 'sent')
      .where('i.sent_at', '>=', since)
      .where('i.sent_at', '<', until)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('newsletter_delivery as d')
      .innerJoin('newsletter_issue as i', 'i.id', 'd.issue_id')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('i.status', '=', 'sent')
      .where('i.sent_at', '>=', since)
      .where('i.sent_at', '<', until)
      .where('d.status', '=', 'sent')
      .executeTakeFirstOrThrow(),
  ]);
  return { sent: Number(issues.count), recipients: Number(deliveries.count) };
}
