import type { Kysely } from 'kysely';
import { createIndex, idColumn, joinPublicGeneration, timestamps } from '../migration-helpers.ts';
import { oneOf, optionalText, partOf } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// News of the City Executive Office (issue 14, P9): an item with one version per language
// (Swedish required), drafts, scheduled publication, and links to the cities, meetings
// and collaborations it is about (shown on those pages). The body is Markdown; the
// sanitised HTML is stored beside it when saved, so no page renders Markdown per request.
// Public tables join the `public` data generation (migration 0010) so the page cache
// never replays a page older than the last write; a scheduled item becomes public by the
// publishing job's write (status 'scheduled' → 'published'), which bumps it.

const LANGUAGES = ['sv', 'en', 'da', 'nb', 'fi'];
const PUBLIC_TABLES = ['news_item', 'news_translation', 'news_link'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_item')
    .$call(idColumn)
    .$call(oneOf('status', ['draft', 'scheduled', 'published', 'withdrawn']))
    // When it goes (or went) public, ISO 8601 UTC; set for scheduled and published items.
    .addColumn('publish_at', 'text')
    // When it actually became public (first publication), ISO 8601 UTC.
    .addColumn('published_at', 'text')
    .$call(optionalText('created_by', 'updated_by'))
    .$call(timestamps)
    .execute();
  await createIndex(db, 'news_item_public_idx', 'news_item', ['status', 'published_at', 'id']);
  await createIndex(db, 'news_item_schedule_idx', 'news_item', ['status', 'publish_at']);

  await db.schema
    .createTable('news_translation')
    .$call(partOf('news_id', 'news_item'))
    .$call(oneOf('lang', LANGUAGES))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text') // a lead of one or two sentences, plain text
    .addColumn('body_markdown', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull()) // sanitised, rendered on save
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_translation_pk', ['news_id', 'lang'])
    .execute();

  await db.schema
    .createTable('news_link')
    .$call(partOf('news_id', 'news_item'))
    .$call(oneOf('target_kind', ['city', 'meeting', 'collaboration']))
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('news_link_pk', ['news_id', 'target_kind', 'target_id'])
    .execute();
  await createIndex(db, 'news_link_target_idx', 'news_link', ['target_kind', 'target_id']);

  // Join the public data generation (as migration 0010 does for the other public tables).
  for (const table of PUBLIC_TABLES) await joinPublicGeneration(db, table);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_link').execute();
  await db.schema.dropTable('news_translation').execute();
  await db.schema.dropTable('news_item').execute();
}
