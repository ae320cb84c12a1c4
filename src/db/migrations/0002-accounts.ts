import { sql, type Kysely } from 'kysely';
import { createdAt, createIndex, idColumn, isPostgres, timestamps } from '../migration-helpers.ts';
import { activeColumn, optionalText, partOf, requiredText } from './columns.ts';

// Frozen once landed: never edit, add a new migration instead.
// Accounts, roles, sessions, one-time tokens, API tokens, login attempts, the mail
// outbox and the append-only audit trail.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('app_user')
    .$call(idColumn)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .$call(activeColumn)
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('oidc_subject', 'text', (c) => c.unique())
    .addColumn('last_login_at', 'text')
    .$call(timestamps)
    .execute();

  await db.schema
    .createTable('user_role')
    .$call(partOf('user_id', 'app_user'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.references('organisation.id'))
    .addColumn('city_id', 'text', (c) => c.references('city.id'))
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('session')
    .$call(idColumn) // sha256 of the cookie value
    .$call(partOf('user_id', 'app_user'))
    .$call(createdAt)
    .$call(requiredText('last_seen_at', 'expires_at'))
    .$call(optionalText('ip', 'user_agent'))
    .execute();
  await createIndex(db, 'session_user_idx', 'session', 'user_id');

  await db.schema
    .createTable('user_token')
    .$call(idColumn) // sha256 of the token in the link
    .$call(partOf('user_id', 'app_user'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .$call(createdAt)
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await createIndex(db, 'user_token_user_idx', 'user_token', 'user_id');

  await db.schema
    .createTable('api_token')
    .$call(idColumn)
    .$call(partOf('user_id', 'app_user'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .$call(createdAt)
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .$call(optionalText('last_used_at', 'revoked_at'))
    .execute();
  await createIndex(db, 'api_token_user_idx', 'api_token', 'user_id');

  await db.schema
    .createTable('login_attempt')
    .$call(idColumn)
    .addColumn('kind', 'text', (c) => c.notNull()) // login | reset
    .$call(optionalText('email', 'ip'))
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .execute();
  await createIndex(db, 'login_attempt_email_idx', 'login_attempt', [
    'kind',
    'email',
    'occurred_at',
  ]);
  await createIndex(db, 'login_attempt_ip_idx', 'login_attempt', ['kind', 'ip', 'occurred_at']);

  await db.schema
    .createTable('mail_outbox')
    .$call(idColumn)
    .$call(requiredText('to_address', 'subject', 'text_body'))
    .$call(createdAt)
    .execute();
  await createIndex(db, 'mail_outbox_created_idx', 'mail_outbox', 'created_at');

  await db.schema
    .createTable('audit_event')
    .$call(idColumn)
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .$call(requiredText('action', 'changes'))
    .execute();
  await createIndex(db, 'audit_event_occurred_idx', 'audit_event', 'occurred_at');
  await createIndex(db, 'audit_event_actor_idx', 'audit_event', ['actor_user_id', 'occurred_at']);
  await createIndex(db, 'audit_event_entity_idx', 'audit_event', ['entity', 'occurred_at']);

  // The audit trail is append-only, in the database too.
  if (isPostgres(db)) {
    await sql`
      create function audit_event_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only';
      end $$`.execute(db);
    await sql`
      create trigger audit_event_no_change before update or delete on audit_event
      for each row execute function audit_event_append_only()`.execute(db);
    await sql`
      create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_append_only()`.execute(db);
  } else {
    await sql`
      create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
    await sql`
      create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit_event is append-only'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_event',
    'mail_outbox',
    'login_attempt',
    'api_token',
    'user_token',
    'session',
    'user_role',
    'app_user',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) await sql`drop function if exists audit_event_append_only`.execute(db);
}
