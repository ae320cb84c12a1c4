import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const CITY_COLUMNS = [
  'city.id',
  'city.slug',
  'city.kind',
  'city.status',
  'city.country_code',
  'city.region',
  'city.latitude',
  'city.longitude',
  'city.population',
  'city.website',
  'city.since_year',
] as const;

export function listCities(db: Executor) {
  return db.selectFrom('city').select(CITY_COLUMNS).execute();
}

export function findCityBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('city')
    .select(CITY_COLUMNS)
    .where('city.slug', '=', slug)
    .executeTakeFirst();
}

export function listTranslations(db: Executor, cityIds: readonly string[]) {
  if (cityIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('city_translation')
    .select(['city_id', 'lang', 'name', 'description'])
    .where('city_id', 'in', cityIds)
    .execute();
}

export function findChainBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('chain')
    .select(['id', 'slug', 'interval_years', 'since_year'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function listChainMembers(db: Executor, chainId: string) {
  return db
    .selectFrom('chain_member')
    .select(['city_id', 'position'])
    .where('chain_id', '=', chainId)
    .orderBy('position')
    .execute();
}

export type CityRow = Awaited<ReturnType<typeof listCities>>[number];
export type CityTranslationRow = Awaited<ReturnType<typeof listTranslations>>[number];
