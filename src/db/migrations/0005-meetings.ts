import type { Kysely } from 'kysely';
import { createdAt, createIndex, idColumn, inList, timestamps } from '../migration-helpers.ts';
import { activeColumn, fileColumns, oneOf, optionalText, partOf, requiredText } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// Twin-city meetings (policy P2–P5): rotation adjustments, programme, seminars,
// documents, outcomes with follow-up, delegations with private logistics, host plans
// from a template, and a record of scheduled job runs.

export async function up(db: Kysely<any>): Promise<void> {
  // Why a meeting is postponed or cancelled, and the year it was first planned for.
  await db.schema.alterTable('meeting').addColumn('status_reason', 'text').execute();
  await db.schema.alterTable('meeting').addColumn('original_year', 'integer').execute();
  await db.schema.alterTable('meeting').addColumn('updated_by', 'text').execute();

  // Explicit changes to the rotation order that are not meetings: a swap of two hosts
  // from a given year, or a host that skips its turn.
  await db.schema
    .createTable('rotation_adjustment')
    .$call(idColumn)
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id'))
    .$call(oneOf('kind', ['swap', 'skip']))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .addColumn('other_city_id', 'text', (c) => c.references('city.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .$call(createdAt)
    .execute();
  await createIndex(db, 'rotation_adjustment_chain_idx', 'rotation_adjustment', [
    'chain_id',
    'year',
  ]);

  await db.schema
    .createTable('meeting_programme_item')
    .$call(idColumn)
    .$call(partOf('meeting_id', 'meeting'))
    .addColumn('day', 'text', (c) => c.notNull()) // plain date
    .addColumn('starts_at', 'text', (c) => c.notNull()) // HH:MM, Europe/Stockholm wall time
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .$call(oneOf('kind', ['plenary', 'seminar', 'study_visit', 'social']))
    .addColumn('title', 'text', (c) => c.notNull())
    .$call(optionalText('location', 'description'))
    .$call(timestamps)
    .execute();
  await createIndex(db, 'meeting_programme_item_meeting_idx', 'meeting_programme_item', [
    'meeting_id',
    'day',
    'starts_at',
  ]);

  await db.schema
    .createTable('meeting_seminar')
    .$call(idColumn)
    .$call(partOf('meeting_id', 'meeting'))
    .addColumn('programme_item_id', 'text', (c) =>
      c.references('meeting_programme_item.id').onDelete('set null'),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .$call(optionalText('topic_area', 'speakers', 'description'))
    .$call(timestamps)
    .execute();
  await createIndex(db, 'meeting_seminar_meeting_idx', 'meeting_seminar', 'meeting_id');

  await db.schema
    .createTable('meeting_document')
    .$call(idColumn)
    .$call(partOf('meeting_id', 'meeting'))
    .$call(oneOf('kind', ['agenda', 'minutes', 'presentation', 'other']))
    .addColumn('title', 'text', (c) => c.notNull())
    .$call(fileColumns(db))
    .$call(oneOf('visibility', ['public', 'internal']))
    .addColumn('created_by', 'text')
    .$call(createdAt)
    .execute();
  await createIndex(db, 'meeting_document_meeting_idx', 'meeting_document', 'meeting_id');

  // Outcomes; actions stay open (and follow to the next meeting's agenda) until closed.
  await db.schema
    .createTable('meeting_outcome')
    .$call(idColumn)
    .$call(partOf('meeting_id', 'meeting'))
    .$call(oneOf('kind', ['decision', 'information', 'action']))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('responsible_city_id', 'text', (c) => c.references('city.id'))
    .$call(optionalText('due_on', 'closed_on'))
    .addColumn('closed_in_meeting_id', 'text', (c) => c.references('meeting.id'))
    .addColumn('closing_note', 'text')
    .$call(timestamps)
    .execute();
  await createIndex(db, 'meeting_outcome_meeting_idx', 'meeting_outcome', 'meeting_id');
  await createIndex(db, 'meeting_outcome_open_idx', 'meeting_outcome', ['kind', 'closed_on']);

  // One delegation per meeting and city; Gothenburg's is decided by the presidium (P4).
  await db.schema
    .createTable('delegation')
    .$call(idColumn)
    .$call(partOf('meeting_id', 'meeting'))
    .addColumn('city_id', 'text', (c) => c.notNull().references('city.id'))
    .$call(oneOf('status', ['draft', 'nominated', 'confirmed']))
    .addColumn('presidium_decision_on', 'text') // plain date of the presidium's decision
    .$call(optionalText('note', 'confirmed_by', 'confirmed_at'))
    .$call(timestamps)
    .addUniqueConstraint('delegation_meeting_city_uq', ['meeting_id', 'city_id'])
    .execute();

  // Public fields stay as the record; logistics are erased after the retention period.
  await db.schema
    .createTable('delegation_member')
    .$call(idColumn)
    .$call(partOf('delegation_id', 'delegation'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text') // title or political role
    .addColumn('affiliation', 'text') // party or organisation
    .$call(optionalText('dietary_needs', 'access_needs', 'travel', 'phone', 'logistics_erased_at'))
    .$call(timestamps)
    .execute();
  await createIndex(db, 'delegation_member_delegation_idx', 'delegation_member', [
    'delegation_id',
    'position',
  ]);

  // The editable template a host plan is created from (P5). Due date = meeting start
  // + offset_months + offset_days (negative before the meeting).
  await db.schema
    .createTable('host_plan_template_task')
    .$call(idColumn)
    .addColumn('position', 'integer', (c) => c.notNull())
    .$call(requiredText('title_sv', 'title_en'))
    .addColumn('description', 'text')
    .addColumn('offset_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('offset_days', 'integer', (c) => c.notNull().defaultTo(0))
    .$call(activeColumn)
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('host_plan_task')
    .$call(idColumn)
    .$call(partOf('meeting_id', 'meeting'))
    .addColumn('template_task_id', 'text', (c) =>
      c.references('host_plan_template_task.id').onDelete('set null'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull()) // plain date
    .addColumn('owner_user_id', 'text', (c) => c.references('app_user.id'))
    .$call(oneOf('status', ['todo', 'in_progress', 'done', 'not_applicable']))
    .addColumn('notes', 'text')
    .addColumn('reminded_on', 'text') // plain date of the last reminder sent
    .addColumn('completed_at', 'text')
    .$call(timestamps)
    .execute();
  await createIndex(db, 'host_plan_task_meeting_idx', 'host_plan_task', ['meeting_id', 'position']);
  await createIndex(db, 'host_plan_task_due_idx', 'host_plan_task', ['status', 'due_on']);

  // Every run of a scheduled job (reminders, retention), for operators and tests.
  await db.schema
    .createTable('job_run')
    .$call(idColumn)
    .$call(requiredText('job', 'started_at'))
    .addColumn('finished_at', 'text')
    .addColumn('outcome', 'text', (c) => c.check(inList('outcome', ['ok', 'failed'])))
    .addColumn('details', 'text')
    .execute();
  await createIndex(db, 'job_run_job_idx', 'job_run', ['job', 'started_at']);
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
