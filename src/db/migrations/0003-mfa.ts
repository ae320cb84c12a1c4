import type { Kysely } from 'kysely';

// Frozen once landed: never edit, add a new migration instead.
// Two-step verification (TOTP) for local accounts:
// - session.mfa_pending: 1 for a session made after a correct password whose code has
//   not been given yet; it grants nothing until then.
// - app_user.totp_last_step: the last 30-second step whose code was accepted, so the
//   same code is never accepted twice (replay protection).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('session')
    .addColumn('mfa_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('app_user').addColumn('totp_last_step', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('totp_last_step').execute();
  await db.schema.alterTable('session').dropColumn('mfa_pending').execute();
}
