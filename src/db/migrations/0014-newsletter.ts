import type { Kysely } from 'kysely';
import { createIndex, idColumn, timestamps } from '../migration-helpers.ts';
import { oneOf, optionalText, partOf, requiredText } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// The newsletter (issue 14, P9): subscribers with double opt-in, issues written per
// language, and one delivery row per recipient and issue (unique), which the sending job
// claims before it sends, so a restart never sends anyone the same issue twice.
// None of these tables is read by a public page: they stay out of the `public` data
// generation (migration 0010), and a subscriber's address is never on a public page.

const LANGUAGES = ['sv', 'en', 'da', 'nb', 'fi'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('newsletter_subscriber')
    .$call(idColumn)
    // Lower-cased and trimmed; one row per address.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .$call(oneOf('language', LANGUAGES))
    // The chosen twin cities, city slugs separated by commas (at least one).
    .addColumn('topics', 'text', (c) => c.notNull())
    .$call(oneOf('status', ['pending', 'confirmed', 'unsubscribed']))
    // SHA-256 of the confirmation link's token; kept after use so a reused link says so.
    .addColumn('confirm_token_hash', 'text', (c) => c.unique())
    .$call(optionalText('confirm_expires_at', 'confirmed_at'))
    // The token of the links in every newsletter (unsubscribe, see and erase what is stored).
    .addColumn('manage_token', 'text', (c) => c.notNull().unique())
    .addColumn('unsubscribed_at', 'text')
    .$call(timestamps)
    .execute();
  await createIndex(db, 'newsletter_subscriber_status_idx', 'newsletter_subscriber', [
    'status',
    'unsubscribed_at',
  ]);

  await db.schema
    .createTable('newsletter_issue')
    .$call(idColumn)
    .$call(oneOf('status', ['draft', 'sending', 'sent']))
    // The twin cities the issue is about (city slugs, commas); empty: every subscriber.
    .addColumn('topics', 'text', (c) => c.notNull())
    // The digest's period: since the previous issue was sent (null: the first issue).
    .addColumn('digest_since', 'text')
    .$call(optionalText('created_by', 'sent_by'))
    .$call(timestamps)
    .$call(optionalText('send_started_at', 'sent_at'))
    .execute();

  await db.schema
    .createTable('newsletter_issue_text')
    .$call(partOf('issue_id', 'newsletter_issue'))
    .$call(oneOf('lang', LANGUAGES))
    .$call(requiredText('subject', 'body'))
    .addPrimaryKeyConstraint('newsletter_issue_text_pk', ['issue_id', 'lang'])
    .execute();

  await db.schema
    .createTable('newsletter_delivery')
    .$call(idColumn)
    .$call(partOf('issue_id', 'newsletter_issue'))
    // Null once the subscriber erased their data (the count of the issue stays right).
    .addColumn('subscriber_id', 'text', (c) =>
      c.references('newsletter_subscriber.id').onDelete('set null'),
    )
    // queued → sending (claimed) → sent | failed; a temporary failure goes back to queued.
    .$call(oneOf('status', ['queued', 'sending', 'sent', 'failed']))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text')
    // The SMTP server's answer to the last failed attempt.
    .addColumn('last_error', 'text')
    .$call(optionalText('next_attempt_at', 'claimed_at', 'sent_at'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('newsletter_delivery_once', ['issue_id', 'subscriber_id'])
    .execute();
  await createIndex(db, 'newsletter_delivery_queue_idx', 'newsletter_delivery', [
    'status',
    'next_attempt_at',
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('newsletter_delivery').execute();
  await db.schema.dropTable('newsletter_issue_text').execute();
  await db.schema.dropTable('newsletter_issue').execute();
  await db.schema.dropTable('newsletter_subscriber').execute();
}
