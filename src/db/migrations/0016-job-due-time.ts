import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// A scheduled job runs exactly once per due time, even with several instances (issue 17):
// the scheduler records the due time (the cron minute it fires for) with the run, and the
// unique index lets only the first instance claim it. An advisory lock alone does not do
// this: it keeps a second instance out only while the first is still running. Runs started
// by hand (`vanort job run`) have no due time and are never refused.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('job_run').addColumn('due_at', 'text').execute();
  await db.schema
    .createIndex('job_run_due_idx')
    .on('job_run')
    .columns(['job', 'due_at'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('job_run_due_idx').execute();
  await db.schema.alterTable('job_run').dropColumn('due_at').execute();
}
