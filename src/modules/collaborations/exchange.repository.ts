import type { ExpressionBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import type { Scope } from './collaboration.repository.ts';
import type { CollaborationTable, ExchangeTable } from './collaboration.table.ts';

// Exchanges (experience exchanges, optionally within a collaboration).

const EXCHANGE_COLUMNS = [
  'e.id',
  'e.organisation_id',
  'e.collaboration_id',
  'e.city_id',
  'e.occurred_on',
  'e.direction',
  'e.participants',
  'e.activities',
  'e.learnings',
  'e.visibility',
  'e.review_state',
  'e.review_comment',
  'e.reviewed_by',
  'e.reviewed_at',
  'e.submitted_at',
  'e.published_at',
  'e.created_by',
  'e.created_at',
  'e.updated_at',
] as const;

type ExchangeExpressions = ExpressionBuilder<
  Database & { e: ExchangeTable; c: CollaborationTable },
  'e' | 'c'
>;

/**
 * The exchanges a scope may read, as SQL (one predicate for lists, counts and single rows;
 * `c` is the exchange's collaboration, left-joined): the public sees a public, published
 * exchange whose collaboration, if any, is public and published too; a partner contact also
 * every exchange with one of their cities.
 */
function exchangeScope(scope: Exclude<Scope, 'internal'>) {
  return (eb: ExchangeExpressions) => {
    const visible = eb.and([
      eb('e.visibility', '=', 'public'),
      eb('e.published_at', 'is not', null),
      eb.or([
        eb('e.collaboration_id', 'is', null),
        eb.and([eb('c.visibility', '=', 'public'), eb('c.published_at', 'is not', null)]),
      ]),
    ]);
    if (scope === 'public') return visible;
    const cityIds = scope.partnerCityIds.length > 0 ? scope.partnerCityIds : [''];
    return eb.or([visible, eb('e.city_id', 'in', cityIds)]);
  };
}

function baseExchanges(db: Executor) {
  return db
    .selectFrom('exchange as e')
    .innerJoin('organisation', 'organisation.id', 'e.organisation_id')
    .innerJoin('city', 'city.id', 'e.city_id')
    .leftJoin('collaboration as c', 'c.id', 'e.collaboration_id')
    .select(EXCHANGE_COLUMNS)
    .select([
      'organisation.name as organisation_name',
      'organisation.slug as organisation_slug',
      'city.slug as city_slug',
      'c.title as collaboration_title',
    ]);
}

/** One exchange, if the scope may read it (by default: any). */
export function findExchange(db: Executor, id: string, scope: Scope = 'internal') {
  let q = baseExchanges(db).where('e.id', '=', id);
  if (scope !== 'internal') q = q.where(exchangeScope(scope));
  return q.executeTakeFirst();
}

export type ExchangeRow = NonNullable<Awaited<ReturnType<typeof findExchange>>>;

export function listExchanges(
  db: Executor,
  f: { organisation?: string | undefined; city?: string | undefined; year?: string | undefined },
  scope: Scope,
  page: { limit: number; offset: number },
) {
  let q = baseExchanges(db);
  if (scope !== 'internal') q = q.where(exchangeScope(scope));
  if (f.organisation) q = q.where('organisation.slug', '=', f.organisation);
  if (f.city) q = q.where('city.slug', '=', f.city);
  if (f.year)
    q = q
      .where('e.occurred_on', '>=', `${f.year}-01-01`)
      .where('e.occurred_on', '<=', `${f.year}-12-31`);
  return q
    .orderBy('e.occurred_on', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countExchanges(
  db: Executor,
  f: { organisation?: string | undefined; city?: string | undefined; year?: string | undefined },
  scope: Scope,
): Promise<number> {
  // No join with organisations and cities (their keys are required and referenced, so a
  // join drops no row): a filter names their slugs through a subquery, and the public count
  // walks exchange_public_idx alone (migration 0021, decision 043). The left join with the
  // collaboration is dropped by both databases when the scope does not use it.
  let q = db
    .selectFrom('exchange as e')
    .leftJoin('collaboration as c', 'c.id', 'e.collaboration_id');
  if (scope !== 'internal') q = q.where(exchangeScope(scope));
  if (f.organisation) {
    const slug = f.organisation;
    q = q.where('e.organisation_id', 'in', (eb) =>
      eb.selectFrom('organisation').select('organisation.id').where('organisation.slug', '=', slug),
    );
  }
  if (f.city) {
    const slug = f.city;
    q = q.where('e.city_id', 'in', (eb) =>
      eb.selectFrom('city').select('city.id').where('city.slug', '=', slug),
    );
  }
  if (f.year)
    q = q
      .where('e.occurred_on', '>=', `${f.year}-01-01`)
      .where('e.occurred_on', '<=', `${f.year}-12-31`);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listExchangesOfCollaboration(db: Executor, collaborationId: string, scope: Scope) {
  let q = baseExchanges(db).where('e.collaboration_id', '=', collaborationId);
  if (scope !== 'internal') q = q.where(exchangeScope(scope));
  return q.orderBy('e.occurred_on', 'desc').execute();
}

const exchanges = tableAccess('exchange', ['id'], { fixed: ['created_at', 'created_by'] });

export const insertExchange = exchanges.insert;

/** Updates the row, with a version only while it is still that version (optimistic locking). */
export const updateExchange = exchanges.updateVersioned;

/** Collaborations an exchange may belong to: those of one organisation. */
export function listCollaborationChoices(db: Executor, organisationIds: readonly string[] | null) {
  let q = db
    .selectFrom('collaboration')
    .select(['id', 'title', 'organisation_id', 'starts_on'])
    .orderBy('starts_on', 'desc');
  if (organisationIds) {
    if (organisationIds.length === 0) return Promise.resolve([]);
    q = q.where('organisation_id', 'in', organisationIds);
  }
  return q.limit(500).execute();
}

/** When an exchange the public may read last changed, for the open-data catalogue. */
export async function latestPublicExchangeChange(db: Executor): Promise<string | null> {
  const row = await db
    .selectFrom('exchange as e')
    .leftJoin('collaboration as c', 'c.id', 'e.collaboration_id')
    .where(exchangeScope('public'))
    .select((eb) => eb.fn.max('e.updated_at').as('latest'))
    .executeTakeFirst();
  return (row?.latest as string | null | undefined) ?? null;
}
