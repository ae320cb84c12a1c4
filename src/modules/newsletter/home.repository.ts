import type { Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';

const issues = tableAccess('newsletter_issue', ['id']);

/** When the latest newsletter issue was sent, or null when none has been (the start page's P9). */
export async function latestSentAt(db: Executor): Promise<string | null> {
  const sentAt = await issues.max(db, 'sent_at', { status: 'sent' });
  return typeof sentAt === 'string' ? sentAt : null;
}
