import { sql, type Kysely } from 'kysely';
import { createIndex, idColumn } from '../migration-helpers.ts';
import { optionalText } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// A partner contact's suggested changes to their own city's facts, description and contact
// (issue 19, point 6; decision 036). One row per city: the latest suggestion and its state
// (pending: waits for a coordinator; returned: sent back with a comment; approved: applied
// to the city). The suggested fields are a JSON object { field: { before, after } } of the
// form's strings. Only the workspace reads it: it is not in the `public` data generation
// (migration 0010); an approval writes `city` and `city_translation`, which are.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('city_suggestion')
    .$call(idColumn)
    .addColumn('city_id', 'text', (c) =>
      c.notNull().unique().references('city.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'returned', 'approved')`),
    )
    .addColumn('changes', 'text', (c) => c.notNull())
    // The coordinator's comment when they return it (what to change).
    .addColumn('comment', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .$call(optionalText('reviewed_by', 'reviewed_at'))
    // The version a form was opened at (optimistic locking, decision 022).
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'city_suggestion_status_idx', 'city_suggestion', [
    'status',
    'submitted_at',
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('city_suggestion').execute();
}
