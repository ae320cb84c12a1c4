import { sql, type Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Twin-city meetings (policy P2–P5): rotation adjustments, programme, seminars,
// documents, outcomes with follow-up, delegations with private logistics, host plans
// from a template, and a record of scheduled job runs.

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = sql`select ${1}`.compile(db).sql.includes('$1');
  const blob = postgres ? 'bytea' : 'blob';

  // Why a meeting is postponed or cancelled, and the year it was first planned for.
  await db.schema.alterTable('meeting').addColumn('status_reason', 'text').execute();
  await db.schema.alterTable('meeting').addColumn('original_year', 'integer').execute();
  await db.schema.alterTable('meeting').addColumn('updated_by', 'text').execute();

  // Explicit changes to the rotation order that are not meetings: a swap of two hosts
  // from a given year, or a host that skips its turn.
  await db.schema
    .createTable('rotation_adjustment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', ['swap', 'skip'])))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .addColumn('other_city_id', 'text', (c) => c.references('city.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rotation_adjustment_chain_idx')
    .on('rotation_adjustment')
    .columns(['chain_id', 'year'])
    .execute();

  await db.schema
    .createTable('meeting_programme_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meeting.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull()) // plain date
    .addColumn('starts_at', 'text', (c) => c.notNull()) // HH:MM, Europe/Stockholm wall time
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['plenary', 'seminar', 'study_visit', 'social'])),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_programme_item_meeting_idx')
    .on('meeting_programme_item')
    .columns(['meeting_id', 'day', 'starts_at'])
    .execute();

  await db.schema
    .createTable('meeting_seminar')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meeting.id').onDelete('cascade'),
    )
    .addColumn('programme_item_id', 'text', (c) =>
      c.references('meeting_programme_item.id').onDelete('set null'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('topic_area', 'text')
    .addColumn('speakers', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_seminar_meeting_idx')
    .on('meeting_seminar')
    .column('meeting_id')
    .execute();

  await db.schema
    .createTable('meeting_document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meeting.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['agenda', 'minutes', 'presentation', 'other'])),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', blob, (c) => c.notNull())
    .addColumn('visibility', 'text', (c) =>
      c.notNull().check(inList('visibility', ['public', 'internal'])),
    )
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_document_meeting_idx')
    .on('meeting_document')
    .column('meeting_id')
    .execute();

  // Outcomes; actions stay open (and follow to the next meeting's agenda) until closed.
  await db.schema
    .createTable('meeting_outcome')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meeting.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(inList('kind', ['decision', 'information', 'action'])),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responsible_city_id', 'text', (c) => c.references('city.id'))
    .addColumn('due_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('closed_in_meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('closing_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_outcome_meeting_idx')
    .on('meeting_outcome')
    .column('meeting_id')
    .execute();
  await db.schema
    .createIndex('meeting_outcome_open_idx')
    .on('meeting_outcome')
    .columns(['kind', 'closed_on'])
    .execute();

  // One delegation per meeting and city; Gothenburg's is decided by the presidium (P4).
  await db.schema
    .createTable('delegation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meeting.id').onDelete('cascade'),
    )
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['draft', 'nominated', 'confirmed'])),
    )
    .addColumn('presidium_decision_on', 'text') // plain date of the presidium's decision
    .addColumn('note', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('delegation_meeting_city_uq', ['meeting_id', 'city_id'])
    .execute();

  // Public fields stay as the record; logistics are erased after the retention period.
  await db.schema
    .createTable('delegation_member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('delegation_id', 'text', (c) =>
      c.notNull().references('delegation.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text') // title or political role
    .addColumn('affiliation', 'text') // party or organisation
    .addColumn('dietary_needs', 'text')
    .addColumn('access_needs', 'text')
    .addColumn('travel', 'text')
    .addColumn('phone', 'text')
    .addColumn('logistics_erased_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('delegation_member_delegation_idx')
    .on('delegation_member')
    .columns(['delegation_id', 'position'])
    .execute();

  // The editable template a host plan is created from (P5). Due date = meeting start
  // + offset_months + offset_days (negative before the meeting).
  await db.schema
    .createTable('host_plan_template_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title_sv', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('offset_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('offset_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('host_plan_task')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) =>
      c.notNull().references('meeting.id').onDelete('cascade'),
    )
    .addColumn('template_task_id', 'text', (c) =>
      c.references('host_plan_template_task.id').onDelete('set null'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull()) // plain date
    .addColumn('owner_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['todo', 'in_progress', 'done', 'not_applicable'])),
    )
    .addColumn('notes', 'text')
    .addColumn('reminded_on', 'text') // plain date of the last reminder sent
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('host_plan_task_meeting_idx')
    .on('host_plan_task')
    .columns(['meeting_id', 'position'])
    .execute();
  await db.schema
    .createIndex('host_plan_task_due_idx')
    .on('host_plan_task')
    .columns(['status', 'due_on'])
    .execute();

  // Every run of a scheduled job (reminders, retention), for operators and tests.
  await db.schema
    .createTable('job_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text', (c) => c.check(inList('outcome', ['ok', 'failed'])))
    .addColumn('details', 'text')
    .execute();
  await db.schema
    .createIndex('job_run_job_idx')
    .on('job_run')
    .columns(['job', 'started_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'job_run',
    'host_plan_task',
    'host_plan_template_task',
    'delegation_member',
    'delegation',
    'meeting_outcome',
    'meeting_document',
    'meeting_seminar',
    'meeting_programme_item',
    'rotation_adjustment',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['updated_by', 'original_year', 'status_reason']) {
    await db.schema.alterTable('meeting').dropColumn(column).execute();
  }
}
