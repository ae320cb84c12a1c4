import { sql, type Kysely } from 'kysely';
import {
  createdAt,
  createIndex,
  idColumn,
  inList,
  isPostgres,
  timestamps,
} from '../migration-helpers.ts';
import {
  activeColumn,
  oneOf,
  optionalText,
  partOf,
  requiredText,
  slugColumn,
  type Column,
} from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// Collaborations and experience exchanges of administrations and companies (P7, P8),
// the coordinators' review of them, campaigns (inventering), import jobs and the
// knowledge bank's full-text index (SQLite FTS5; PostgreSQL tsvector, Swedish).

const REVIEW_STATES = ['draft', 'submitted', 'returned', 'acknowledged'] as const;

/**
 * The columns a collaboration and an exchange end with: who may read it, the coordinators'
 * review (published_at: when first acknowledged; public pages need it), who wrote it and when.
 */
const reviewedReport: Column = (table) =>
  table
    .$call(oneOf('visibility', ['public', 'internal']))
    .$call(oneOf('review_state', REVIEW_STATES))
    .$call(
      optionalText(
        'review_comment',
        'reviewed_by',
        'reviewed_at',
        'submitted_at',
        'published_at',
        'created_by',
      ),
    )
    .$call(timestamps);

/** The link of a collaboration to a city or an area: both ids, the pair (collaboration first) the key. */
const linkTo =
  (other: 'city' | 'area'): Column =>
  (table) =>
    table
      .$call(partOf('collaboration_id', 'collaboration'))
      .addColumn(`${other}_id`, 'text', (c) => c.notNull().references(`${other}.id`))
      .addPrimaryKeyConstraint(`collaboration_${other}_pk`, ['collaboration_id', `${other}_id`]);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);

  // The editable list of areas (school, social welfare, …).
  await db.schema
    .createTable('area')
    .$call(idColumn)
    .$call(slugColumn)
    .$call(requiredText('name_sv', 'name_en'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .$call(activeColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('collaboration')
    .$call(idColumn)
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .$call(
      oneOf('kind', [
        'project',
        'network',
        'knowledge_exchange',
        'study_visit',
        'staff_exchange',
        'other',
      ]),
    )
    .$call(oneOf('status', ['planned', 'ongoing', 'completed', 'cancelled']))
    .addColumn('starts_on', 'text', (c) => c.notNull()) // plain date
    .addColumn('ends_on', 'text') // plain date, open-ended when null
    .$call(optionalText('goals', 'results', 'contact_name', 'contact_email'))
    .addColumn('funding_kind', 'text', (c) =>
      c.check(inList('funding_kind', ['own_budget', 'eu_programme', 'other'])),
    )
    .addColumn('funding_programme', 'text') // e.g. the EU programme's name
    .addColumn('funding_amount', 'integer') // whole kronor
    .addColumn('strategy_tags', 'text', (c) => c.notNull().defaultTo('')) // comma-separated
    .$call(reviewedReport)
    .execute();
  for (const [name, columns] of [
    ['collaboration_org_idx', ['organisation_id', 'starts_on']],
    ['collaboration_public_idx', ['visibility', 'published_at', 'starts_on', 'id']],
    ['collaboration_review_idx', ['review_state', 'submitted_at']],
    ['collaboration_status_idx', ['status', 'kind']],
    ['collaboration_starts_idx', ['starts_on', 'id']],
  ] as const) {
    await createIndex(db, name, 'collaboration', columns);
  }

  // Each link has an index for the other way round.
  await db.schema.createTable('collaboration_city').$call(linkTo('city')).execute();
  await createIndex(db, 'collaboration_city_city_idx', 'collaboration_city', [
    'city_id',
    'collaboration_id',
  ]);
  await db.schema.createTable('collaboration_area').$call(linkTo('area')).execute();
  await createIndex(db, 'collaboration_area_area_idx', 'collaboration_area', [
    'area_id',
    'collaboration_id',
  ]);

  await db.schema
    .createTable('exchange')
    .$call(idColumn)
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('collaboration_id', 'text', (c) =>
      c.references('collaboration.id').onDelete('set null'),
    )
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull()) // plain date
    .$call(oneOf('direction', ['visit_to', 'visit_from', 'digital']))
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull()) // what was done
    .addColumn('learnings', 'text') // what was learned
    .$call(reviewedReport)
    .execute();
  for (const [name, columns] of [
    ['exchange_org_idx', ['organisation_id', 'occurred_on']],
    ['exchange_collaboration_idx', ['collaboration_id', 'occurred_on']],
    ['exchange_city_idx', ['city_id', 'occurred_on']],
    ['exchange_review_idx', ['review_state', 'submitted_at']],
    ['exchange_occurred_idx', ['occurred_on', 'id']],
  ] as const) {
    await createIndex(db, name, 'exchange', columns);
  }

  // The conversation between reporter and coordinator about one report.
  await db.schema
    .createTable('review_event')
    .$call(idColumn)
    .$call(oneOf('entity', ['collaboration', 'exchange']))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .$call(oneOf('action', ['submitted', 'returned', 'acknowledged']))
    .$call(optionalText('comment', 'actor_user_id'))
    .$call(createdAt)
    .execute();
  await createIndex(db, 'review_event_entity_idx', 'review_event', [
    'entity',
    'entity_id',
    'created_at',
  ]);

  await db.schema
    .createTable('campaign')
    .$call(idColumn)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull()) // plain date
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull()) // plain date
    .addColumn('message', 'text')
    .$call(oneOf('status', ['open', 'closed']))
    .addColumn('created_by', 'text')
    .$call(createdAt)
    .$call(optionalText('closed_at', 'closed_by'))
    .execute();
  await createIndex(db, 'campaign_status_idx', 'campaign', ['status', 'deadline']);

  await db.schema
    .createTable('campaign_organisation')
    .$call(partOf('campaign_id', 'campaign'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('answer', 'text', (c) => c.check(inList('answer', ['confirmed', 'no_activity'])))
    .$call(optionalText('comment', 'answered_at', 'answered_by'))
    .addColumn('snapshot', 'text') // JSON of the answered list, frozen when the campaign closes
    .addColumn('reminded_at', 'text') // last reminder before the deadline
    .addColumn('overdue_reminded_at', 'text')
    .addPrimaryKeyConstraint('campaign_organisation_pk', ['campaign_id', 'organisation_id'])
    .execute();

  // Uploaded import files, their mapping, dry-run problems and progress.
  await db.schema
    .createTable('import_job')
    .$call(idColumn)
    .$call(oneOf('kind', ['collaboration', 'exchange']))
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .$call(requiredText('filename', 'content_type'))
    .addColumn('data', postgres ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('mapping', 'text') // JSON: field -> column header
    .$call(oneOf('status', ['uploaded', 'checked', 'importing', 'done', 'failed', 'discarded']))
    .addColumn('total_rows', 'integer')
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'integer')
    .addColumn('imported_rows', 'integer')
    .addColumn('problems', 'text') // JSON: [{row, column, message}]
    .addColumn('created_by', 'text')
    .$call(timestamps)
    .execute();

  // The knowledge bank: one row per collaboration or exchange, written by the services
  // in the same transaction as the row itself.
  await db.schema
    .createTable('search_document')
    .$call(idColumn) // = entity id
    .$call(oneOf('entity', ['collaboration', 'exchange']))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .$call(requiredText('visibility', 'title', 'body'))
    .execute();
  await createIndex(db, 'search_document_filter_idx', 'search_document', [
    'organisation_id',
    'year',
  ]);
  if (postgres) {
    await sql`alter table search_document add column tsv tsvector generated always as
      (setweight(to_tsvector('swedish', title), 'A') || setweight(to_tsvector('swedish', body), 'B')) stored`.execute(
      db,
    );
    await sql`create index search_document_tsv_idx on search_document using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_document_fts using fts5(
      title, body, content='search_document', content_rowid='rowid',
      tokenize='unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger search_document_ai after insert on search_document begin
      insert into search_document_fts(rowid, title, body) values (new.rowid, new.title, new.body);
    end`.execute(db);
    await sql`create trigger search_document_ad after delete on search_document begin
      insert into search_document_fts(search_document_fts, rowid, title, body)
        values ('delete', old.rowid, old.title, old.body);
    end`.execute(db);
    await sql`create trigger search_document_au after update on search_document begin
      insert into search_document_fts(search_document_fts, rowid, title, body)
        values ('delete', old.rowid, old.title, old.body);
      insert into search_document_fts(rowid, title, body) values (new.rowid, new.title, new.body);
    end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  if (!postgres) await sql`drop table search_document_fts`.execute(db);
  for (const table of [
    'search_document',
    'import_job',
    'campaign_organisation',
    'campaign',
    'review_event',
    'exchange',
    'collaboration_area',
    'collaboration_city',
    'collaboration',
    'area',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
