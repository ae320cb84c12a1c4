import type { Executor } from '../../db/database.ts';

/** When the latest newsletter issue was sent, or null when none has been (the start page's P9). */
export async function latestSentAt(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('newsletter_issue')
    .select((eb) => eb.fn.max('sent_at').as('sent_at'))
    .where('status', '=', 'sent')
    .executeTakeFirst();
  return typeof row?.sent_at === 'string' ? row.sent_at : null;
}
