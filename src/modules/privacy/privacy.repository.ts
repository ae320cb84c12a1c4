import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import { inBatches } from '../../db/batches.ts';
import type { Database, Executor } from '../../db/database.ts';
import { qualified } from '../../db/qualified.ts';
import { tableAccess } from '../../db/table-access.ts';
import { DELEGATE_FIELDS } from '../meetings/index.ts';

/**
 * All of the privacy module's SQL. The module owns no table: it reads (for a person's export)
 * and, for a correction, an erasure or a retention rule, changes the personal data that the
 * other modules hold, in the caller's transaction (decision 037 says why here and not
 * through a port in every module). The meetings' and the newsletter's own rules go through
 * their services instead.
 */

const lower = (column: string) => sql<string>`lower(${sql.ref(column)})`;

/** `lower(column) = address`: the address on record, in whatever case it was written. */
const addressIs = (column: string, address: string) => () =>
  sql<SqlBool>`${lower(column)} = ${address}`;

// ---- A person's data ---------------------------------------------------------------

const accounts = tableAccess('app_user', [
  'id',
  'email',
  'name',
  'language',
  'active',
  'totp_enabled',
  'oidc_subject',
  'last_login_at',
  'created_at',
  'updated_at',
]);
const sessions = tableAccess('session', [
  'created_at',
  'last_seen_at',
  'expires_at',
  'ip',
  'user_agent',
]);
const userTokens = tableAccess('user_token', ['kind', 'created_at', 'expires_at', 'used_at']);
const apiTokens = tableAccess('api_token', [
  'name',
  'created_at',
  'expires_at',
  'last_used_at',
  'revoked_at',
]);
const loginAttempts = tableAccess('login_attempt', ['kind', 'ip', 'succeeded', 'occurred_at']);

export const findAccountByEmail = (db: Executor, email: string) =>
  accounts.findBy(db, addressIs('email', email));

export function listRoles(db: Executor, userId: string) {
  return db
    .selectFrom('user_role')
    .leftJoin('organisation', 'organisation.id', 'user_role.organisation_id')
    .leftJoin('city', 'city.id', 'user_role.city_id')
    .select(['user_role.role', 'organisation.name as organisation', 'city.slug as city'])
    .where('user_role.user_id', '=', userId)
    .orderBy('user_role.role')
    .execute();
}

export const listSessions = (db: Executor, userId: string) =>
  sessions.list(db, { user_id: userId }, ['created_at']);

export const listUserTokens = (db: Executor, userId: string) =>
  userTokens.list(db, { user_id: userId }, ['created_at']);

export const listApiTokens = (db: Executor, userId: string) =>
  apiTokens.list(db, { user_id: userId }, ['created_at']);

export const listLoginAttempts = (db: Executor, email: string) =>
  loginAttempts.list(db, addressIs('email', email), ['occurred_at']);

/** What the person did (as actor) and what was done to their account. */
export function listAuditOf(db: Executor, userId: string | null, email: string) {
  return db
    .selectFrom('audit_event')
    .select(['id', 'occurred_at', 'actor_label', 'ip', 'entity', 'entity_id', 'action', 'changes'])
    .where((eb) =>
      eb.or([
        eb(lower('actor_label'), '=', email),
        ...(userId
          ? [
              eb('actor_user_id', '=', userId),
              eb.and([eb('entity', 'in', ['user', 'app_user']), eb('entity_id', '=', userId)]),
            ]
          : []),
      ]),
    )
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** The records that name the person as their author, approver or owner (kept with the record). */
export const AUTHORSHIP = [
  { table: 'council_decision', column: 'recorded_by', key: 'id', label: 'title' },
  { table: 'proposal', column: 'created_by', key: 'id', label: 'title' },
  { table: 'news_item', column: 'created_by', key: 'id', label: 'status' },
  { table: 'news_item', column: 'updated_by', key: 'id', label: 'status' },
  { table: 'evaluation', column: 'created_by', key: 'id', label: 'title' },
  { table: 'evaluation_owner', column: 'user_id', key: 'evaluation_id', label: 'evaluation_id' },
  { table: 'evaluation_version', column: 'approved_by', key: 'id', label: 'title' },
  { table: 'evaluation_version', column: 'published_by', key: 'id', label: 'title' },
  { table: 'collaboration', column: 'created_by', key: 'id', label: 'title' },
  { table: 'collaboration', column: 'reviewed_by', key: 'id', label: 'title' },
  { table: 'exchange', column: 'created_by', key: 'id', label: 'occurred_on' },
  { table: 'campaign', column: 'created_by', key: 'id', label: 'title' },
  { table: 'meeting_document', column: 'created_by', key: 'id', label: 'filename' },
  { table: 'delegation', column: 'confirmed_by', key: 'id', label: 'status' },
  { table: 'host_plan_task', column: 'owner_user_id', key: 'id', label: 'title' },
  { table: 'newsletter_issue', column: 'created_by', key: 'id', label: 'status' },
  { table: 'rotation_adjustment', column: 'created_by', key: 'id', label: 'reason' },
  { table: 'city_suggestion', column: 'submitted_by', key: 'id', label: 'status' },
  { table: 'city_suggestion', column: 'reviewed_by', key: 'id', label: 'status' },
] as const;

export interface AuthoredRow {
  table: string;
  column: string;
  id: string;
  label: string;
}

export async function listAuthored(db: Executor, userId: string): Promise<AuthoredRow[]> {
  const lists = await Promise.all(
    AUTHORSHIP.map(async (a) => {
      const { rows } = await sql<{ id: string; label: string | null }>`
        select ${sql.ref(a.key)} as id, ${sql.ref(a.label)} as label
        from ${sql.table(a.table)} where ${sql.ref(a.column)} = ${userId}
        order by ${sql.ref(a.key)}`.execute(db);
      return rows.map((r) => ({
        table: a.table,
        column: a.column,
        id: String(r.id),
        label: String(r.label ?? ''),
      }));
    }),
  );
  return lists.flat();
}

const evaluationComments = tableAccess('evaluation_comment', [
  'id',
  'evaluation_id',
  'body',
  'created_at',
]);
const collaborationContacts = tableAccess('collaboration', [
  'id',
  'title',
  'contact_name',
  'contact_email',
  'visibility',
]);
const cityContacts = tableAccess('city', ['id', 'slug', 'contact_name', 'contact_email']);
const organisationAddresses = tableAccess('organisation', ['id', 'name', 'email']);
const outboxMails = tableAccess('mail_outbox', ['id', 'subject', 'created_at']);

/** Review comments the person wrote (their own words, kept with the evaluation's record). */
export const listEvaluationComments = (db: Executor, userId: string) =>
  evaluationComments.list(db, { author_id: userId }, ['created_at']);

export const listCollaborationContacts = (db: Executor, email: string) =>
  collaborationContacts.list(db, addressIs('contact_email', email), ['id']);

export const listCityContacts = (db: Executor, email: string) =>
  cityContacts.list(db, addressIs('contact_email', email), ['slug']);

/**
 * The partner contacts' suggestions for their cities' facts (cities module: at most one per
 * city, so a handful): the service keeps those whose contact change names the address.
 */
export function listCitySuggestions(db: Executor) {
  return db
    .selectFrom('city_suggestion')
    .innerJoin('city', 'city.id', 'city_suggestion.city_id')
    .select(['city_suggestion.id', 'city.slug', 'city_suggestion.changes'])
    .orderBy('city_suggestion.id')
    .execute();
}

export const listOrganisationAddresses = (db: Executor, email: string) =>
  organisationAddresses.list(db, addressIs('email', email), ['name']);

/** Delegation members of the given name (delegates have no e-mail address on record). */
export function listDelegateRecords(db: Executor, name: string) {
  return db
    .selectFrom('delegation_member')
    .innerJoin('delegation', 'delegation.id', 'delegation_member.delegation_id')
    .innerJoin('meeting', 'meeting.id', 'delegation.meeting_id')
    .innerJoin('city as host', 'host.id', 'meeting.host_city_id')
    .innerJoin('city as delegation_city', 'delegation_city.id', 'delegation.city_id')
    .select([
      'delegation_member.id',
      'delegation_member.delegation_id',
      ...qualified('delegation_member', DELEGATE_FIELDS),
      'delegation_member.logistics_erased_at',
      'meeting.year',
      'meeting.status as meeting_status',
      'host.slug as host_city',
      'delegation_city.slug as delegation_city',
    ])
    .where(lower('delegation_member.name'), '=', name.toLowerCase())
    .orderBy('meeting.year')
    .orderBy('delegation_member.id')
    .execute();
}

export const listOutboxMails = (db: Executor, email: string) =>
  outboxMails.list(db, addressIs('to_address', email), ['created_at']);

// ---- Correction --------------------------------------------------------------------

const accountIds = tableAccess('app_user', ['id']);
const delegates = tableAccess('delegation_member', ['id']);

export async function emailTakenByOther(db: Executor, email: string, userId: string | null) {
  const row = await accountIds.findBy(db, addressIs('email', email));
  return row !== undefined && row.id !== userId;
}

/**
 * A correction of the person's data in a row of another module's table: the fields set, and
 * `updated_at` stamped with the correction's instant.
 */
const correction =
  <S extends object>(rows: {
    update: (db: Executor, id: string, changes: S & { updated_at: string }) => Promise<unknown>;
  }) =>
  async (db: Executor, id: string, set: S, at: string): Promise<void> => {
    await rows.update(db, id, { ...set, updated_at: at });
  };

export const updateAccount = correction<{ name?: string; email?: string }>(accountIds);

export const updateCollaborationContact = correction<{
  contact_name?: string | null;
  contact_email?: string | null;
}>(collaborationContacts);

export const updateDelegate = correction<{ name?: string; phone?: string }>(delegates);

// ---- Erasure -----------------------------------------------------------------------

const roles = tableAccess('user_role', ['role']);

export async function closeAccount(db: Executor, userId: string, at: string) {
  const owner = { user_id: userId };
  await sessions.removeWhere(db, owner);
  await userTokens.removeWhere(db, owner);
  await apiTokens.removeWhere(db, owner);
  await roles.removeWhere(db, owner);
  await accountIds.update(db, userId, {
    active: 0,
    totp_secret: null,
    totp_enabled: 0,
    oidc_subject: null,
    password_hash: null,
    updated_at: at,
  });
}

export const deleteLoginAttemptsOf = (db: Executor, email: string): Promise<number> =>
  loginAttempts.removeWhere(db, addressIs('email', email));

export const deleteOutboxMailsTo = (db: Executor, email: string): Promise<number> =>
  outboxMails.removeWhere(db, addressIs('to_address', email));

// ---- Retention (this module's rules) ------------------------------------------------

export interface DueRow {
  id: string;
  at: string;
}

type RetentionTable = 'session' | 'user_token' | 'api_token' | 'login_attempt' | 'mail_outbox';

/**
 * A retention rule's rows: each one's id and the instant that made it due (a column, or an
 * expression over the row), by id.
 */
function listDue(
  db: Executor,
  table: RetentionTable,
  at: string | RawBuilder<string>,
  due: (eb: ExpressionBuilder<Database, RetentionTable>) => Expression<SqlBool>,
): Promise<DueRow[]> {
  const instant = typeof at === 'string' ? sql.ref<string>(at) : at;
  return db
    .selectFrom(table)
    .select(['id', instant.as('at')])
    .where(due)
    .orderBy('id')
    .execute();
}

export const listExpiredSessions = (db: Executor, now: string) =>
  listDue(db, 'session', 'expires_at', (eb) => eb('expires_at', '<', now));

/** Reset and invitation links that were used or have expired. */
export const listSpentUserTokens = (db: Executor, now: string) =>
  listDue(db, 'user_token', 'expires_at', (eb) =>
    eb.or([eb('expires_at', '<', now), eb('used_at', 'is not', null)]),
  );

/** API tokens revoked or expired before `before`. */
export const listOldApiTokens = (db: Executor, before: string) =>
  listDue(db, 'api_token', sql<string>`coalesce(revoked_at, expires_at)`, (eb) =>
    eb.or([eb('revoked_at', '<', before), eb('expires_at', '<', before)]),
  );

export const listOldLoginAttempts = (db: Executor, before: string) =>
  listDue(db, 'login_attempt', 'occurred_at', (eb) => eb('occurred_at', '<', before));

export const listOldOutboxMails = (db: Executor, before: string) =>
  listDue(db, 'mail_outbox', 'created_at', (eb) => eb('created_at', '<', before));

/** Deletes the rows by id, in chunks that stay below every dialect's parameter limit. */
export async function deleteByIds(
  db: Executor,
  table: RetentionTable,
  ids: readonly string[],
): Promise<number> {
  const deleted = await inBatches(ids, 500, async (batch) => {
    const r = await db.deleteFrom(table).where('id', 'in', batch).execute();
    return Number(r[0]?.numDeletedRows ?? 0);
  });
  return deleted.reduce((sum, n) => sum + n, 0);
}
