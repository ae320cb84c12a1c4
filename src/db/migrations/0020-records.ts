import { sql, type Kysely } from 'kysely';
import { createIndex, isPostgres } from '../migration-helpers.ts';

// Frozen once landed: never edit, add a new migration instead.
// Public records (issue 18, point 2; decision 040): every council decision, evaluation report
// and meeting document carries its case number (diarienummer), whether it is public or secret
// (offentlig / sekretess, with the ground when secret) and a classification code of the
// classification plan. The fields are columns of the tables that hold the records, so the
// modules that own them hide secret records from their public reads with a condition on
// their own table. Decisions already have `case_number`. The register page filters on case
// number, classification, flag and date: each table gets indexes for them.
//
// `evaluation` is not a public table (drafts change often); the public reports are its
// published versions. Only its `secret` column decides whether a published report shows, so
// an update of that column, and nothing else of the table, changes the public generation.

const RECORD_TABLES = ['council_decision', 'evaluation', 'meeting_document'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of RECORD_TABLES) {
    if (table !== 'council_decision')
      await db.schema.alterTable(table).addColumn('case_number', 'text').execute();
    await db.schema
      .alterTable(table)
      .addColumn('secret', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // The ground for secrecy, e.g. "OSL 21 kap. 7 §"; set when (and only when) secret.
    await db.schema.alterTable(table).addColumn('secrecy_ground', 'text').execute();
    // A code of the classification plan (RECORDS_CLASSIFICATION_PLAN), e.g. "1.4.2".
    await db.schema.alterTable(table).addColumn('classification', 'text').execute();
  }
  // council_decision_case_idx (0004) serves the decisions' case numbers.
  for (const table of ['evaluation', 'meeting_document'] as const) {
    await createIndex(db, `${table}_case_number_idx`, table, 'case_number');
  }
  for (const table of RECORD_TABLES) {
    await createIndex(db, `${table}_classification_idx`, table, ['classification', 'secret']);
  }
  // The register's date: a decision's meeting date (indexed in 0004), the others' creation.
  for (const table of ['evaluation', 'meeting_document'] as const) {
    await createIndex(db, `${table}_created_idx`, table, 'created_at');
  }
  // The public reports leave out a secret evaluation's versions: the count of published
  // versions reads the evaluation too, so its index covers both.
  await createIndex(db, 'evaluation_version_published_evaluation_idx', 'evaluation_version', [
    'published_at',
    'evaluation_id',
  ]);

  if (isPostgres(db)) {
    await sql`create trigger evaluation_secret_public_generation
      after update of secret on evaluation
      for each statement execute function bump_data_generation('public')`.execute(db);
    return;
  }
  await sql`create trigger evaluation_secret_public_generation_update
    after update of secret on evaluation begin
      update data_generation set value = abs(random() % 9007199254740991)
      where name = 'public';
    end`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db))
    await sql`drop trigger evaluation_secret_public_generation on evaluation`.execute(db);
  else await sql`drop trigger evaluation_secret_public_generation_update`.execute(db);
  await db.schema.dropIndex('evaluation_version_published_evaluation_idx').execute();
  for (const table of ['evaluation', 'meeting_document'] as const) {
    await db.schema.dropIndex(`${table}_created_idx`).execute();
    await db.schema.dropIndex(`${table}_case_number_idx`).execute();
  }
  for (const table of RECORD_TABLES) {
    await db.schema.dropIndex(`${table}_classification_idx`).execute();
    for (const column of ['classification', 'secrecy_ground', 'secret'])
      await db.schema.alterTable(table).dropColumn(column).execute();
    if (table !== 'council_decision')
      await db.schema.alterTable(table).dropColumn('case_number').execute();
  }
}
