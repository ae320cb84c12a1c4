import { sql, type Kysely } from 'kysely';
import { createdAt, createIndex, idColumn, isPostgres } from '../migration-helpers.ts';
import { oneOf, optionalText, partOf, requiredText } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// The evaluation after every meeting Gothenburg hosts (issue 15, policy rule P10). An
// evaluation covers a period, has owners among the coordinators and a due date, and carries
// the people's analysis (summary, analysis, conclusions, recommendations, an English
// summary) beside the figures the system compiles from the records. Approving freezes the
// figures and the text as a numbered version; a published version is the public report at
// /reports. Only evaluation_version is read by public pages: it alone joins the `public`
// data generation (migration 0010); drafts, owners and review comments stay internal.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation')
    .$call(idColumn)
    .addColumn('chain_id', 'text', (c) => c.notNull())
    // The Gothenburg-hosted meeting it follows; null for one started by hand. One per meeting.
    .addColumn('meeting_id', 'text', (c) => c.references('meeting.id').unique())
    .addColumn('title', 'text', (c) => c.notNull())
    // The period the figures cover, plain dates (YYYY-MM-DD), both days included.
    .$call(requiredText('period_start', 'period_end'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .$call(oneOf('status', ['draft', 'in_review', 'approved']))
    // The analysis people write (plain text with paragraphs), Swedish; summary_en in English.
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('analysis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('conclusions', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recommendations', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary_en', 'text', (c) => c.notNull().defaultTo(''))
    // The number of the latest approved version (0: never approved).
    .addColumn('approved_version', 'integer', (c) => c.notNull().defaultTo(0))
    // When the reminder before and the one after the due date went out (each exactly once).
    .$call(optionalText('reminder_before_sent_at', 'reminder_after_sent_at'))
    .$call(optionalText('created_by', 'updated_by'))
    .$call(createdAt)
    // Also the version an edit form was opened at (optimistic locking, decision 022).
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('evaluation_period_check', sql`period_end >= period_start`)
    .execute();
  await createIndex(db, 'evaluation_status_due_idx', 'evaluation', ['status', 'due_on']);
  await createIndex(db, 'evaluation_period_idx', 'evaluation', ['chain_id', 'period_end']);

  await db.schema
    .createTable('evaluation_owner')
    .$call(partOf('evaluation_id', 'evaluation'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evaluation_owner_pk', ['evaluation_id', 'user_id'])
    .execute();
  await createIndex(db, 'evaluation_owner_user_idx', 'evaluation_owner', 'user_id');

  await db.schema
    .createTable('evaluation_comment')
    .$call(idColumn)
    .$call(partOf('evaluation_id', 'evaluation'))
    .addColumn('author_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .$call(createdAt)
    .execute();
  await createIndex(db, 'evaluation_comment_evaluation_idx', 'evaluation_comment', [
    'evaluation_id',
    'created_at',
  ]);

  await db.schema
    .createTable('evaluation_version')
    .$call(idColumn)
    .addColumn('evaluation_id', 'text', (c) => c.notNull().references('evaluation.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .$call(requiredText('title', 'period_start', 'period_end'))
    // The sections as approved: JSON {summary, analysis, conclusions, recommendations, summaryEn}.
    .addColumn('sections_json', 'text', (c) => c.notNull())
    // The compiled figures frozen at approval: JSON of EvaluationFigures (evaluation.figures.ts).
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text', (c) => c.notNull())
    // Set when the version is published on the portal (/reports); null: internal.
    .$call(optionalText('published_at', 'published_by'))
    .addUniqueConstraint('evaluation_version_number_uq', ['evaluation_id', 'number'])
    .execute();
  await createIndex(db, 'evaluation_version_published_idx', 'evaluation_version', 'published_at');

  // The published versions are the public reports: join the public data generation.
  if (isPostgres(db)) {
    await sql`create trigger evaluation_version_public_generation
      after insert or update or delete or truncate on evaluation_version
      for each statement execute function bump_data_generation('public')`.execute(db);
    return;
  }
  for (const event of ['insert', 'update', 'delete'] as const) {
    await sql`create trigger ${sql.raw(`evaluation_version_public_generation_${event}`)}
      after ${sql.raw(event)} on evaluation_version begin
        update data_generation set value = abs(random() % 9007199254740991)
        where name = 'public';
      end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluation_version').execute();
  await db.schema.dropTable('evaluation_comment').execute();
  await db.schema.dropTable('evaluation_owner').execute();
  await db.schema.dropTable('evaluation').execute();
}
