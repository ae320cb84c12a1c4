import { sql, type Kysely } from 'kysely';
import { createdAt, createIndex, idColumn } from '../migration-helpers.ts';
import { fileColumns, optionalText, requiredText } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// Council decisions, proposals, decision documents and the dated status history of
// cities (policy P1, P6): a city's status changes only through a recorded decision.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('city').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('city').addColumn('contact_email', 'text').execute();

  await db.schema
    .createTable('decision_document')
    .$call(idColumn)
    .$call(fileColumns(db))
    .$call(createdAt)
    .execute();

  await db.schema
    .createTable('council_decision')
    .$call(idColumn)
    .addColumn('body', 'text', (c) => c.notNull().check(sql`body in ('KF', 'KS', 'KF presidium')`))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('section', 'text') // § number; null only for historical records
    .addColumn('case_number', 'text') // null only for historical records
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('approved', 'rejected')`),
    )
    .addColumn('link', 'text')
    .addColumn('document_id', 'text', (c) => c.references('decision_document.id'))
    .addColumn('final_on', 'text')
    .addColumn('historical', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supersedes_id', 'text', (c) => c.references('council_decision.id').unique())
    .$call(optionalText('proposal_id', 'recorded_by'))
    .$call(createdAt)
    .execute();
  await createIndex(db, 'council_decision_meeting_idx', 'council_decision', 'meeting_date');
  await createIndex(db, 'council_decision_case_idx', 'council_decision', 'case_number');

  await db.schema
    .createTable('proposal')
    .$call(idColumn)
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('establish_twin', 'activate_partner', 'make_dormant', 'end_relation')`),
    )
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .$call(requiredText('title', 'justification'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'sent', 'approved', 'rejected', 'withdrawn')`),
    )
    .addColumn('decision_id', 'text', (c) => c.references('council_decision.id'))
    .addColumn('created_by', 'text')
    .$call(createdAt)
    .$call(optionalText('sent_at', 'decided_at'))
    .execute();
  await createIndex(db, 'proposal_status_idx', 'proposal', 'status');
  await createIndex(db, 'proposal_city_idx', 'proposal', 'city_id');

  await db.schema
    .createTable('city_status_change')
    .$call(idColumn)
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .addColumn('changed_on', 'text', (c) => c.notNull()) // plain date
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('from_kind', 'text')
    .addColumn('to_kind', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'text', (c) => c.references('council_decision.id'))
    .addColumn('note', 'text')
    .$call(createdAt)
    .execute();
  await createIndex(db, 'city_status_change_city_idx', 'city_status_change', [
    'city_id',
    'changed_on',
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['city_status_change', 'proposal', 'council_decision', 'decision_document']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('city').dropColumn('contact_email').execute();
  await db.schema.alterTable('city').dropColumn('contact_name').execute();
}
