import type { Executor } from '../../db/database.ts';
import type { MailOutboxTable } from './mail.table.ts';

const OUTBOX_COLUMNS = ['id', 'to_address', 'subject', 'text_body', 'created_at'] as const;

export type OutboxMailRow = MailOutboxTable;

export async function insertOutboxMail(db: Executor, m: OutboxMailRow): Promise<void> {
  await db.insertInto('mail_outbox').values(m).execute();
}

/** The outbox, newest first (ties broken by id so pages are stable). */
export function listOutboxMails(
  db: Executor,
  { limit, offset }: { limit: number; offset: number },
): Promise<OutboxMailRow[]> {
  return db
    .selectFrom('mail_outbox')
    .select(OUTBOX_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function countOutboxMails(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
