import type { Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { tableAccess } from '../../db/table-access.ts';
import type { CityTable } from './city.table.ts';
import { precompiled } from '../../platform/precompiled.ts';

export type Executor = Kysely<Database> | Transaction<Database>;

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
  'city.contact_name',
  'city.contact_email',
] as const;

export function listCities(db: Executor) {
  return db.selectFrom('city').select(CITY_COLUMNS).execute();
}

/** Read by every city page: compiled once (decision 030). */
const cityBySlug = precompiled((db, p: { slug: string }) =>
  db.selectFrom('city').select(CITY_COLUMNS).where('city.slug', '=', p.slug),
);

export async function findCityBySlug(db: Executor, slug: string) {
  return (await cityBySlug(db, { slug }))[0];
}

const translations = tableAccess('city_translation', '*');
const chains = tableAccess('chain', ['id', 'slug', 'interval_years', 'since_year']);
const members = tableAccess('chain_member', ['city_id', 'position']);
/** Inserts only: every update of a city is written out below (decision.test.ts counts them). */
const cities = tableAccess('city', ['id']);

export function listTranslations(db: Executor, cityIds: readonly string[]) {
  if (cityIds.length === 0) return Promise.resolve([]);
  return translations.list(db, { city_id: ['in', cityIds] });
}

export const findChainBySlug = (db: Executor, slug: string) => chains.findBy(db, { slug });

export const listChainMembers = (db: Executor, chainId: string) =>
  members.list(db, { chain_id: chainId }, ['position']);

export type CityRow = Awaited<ReturnType<typeof listCities>>[number];
export type CityTranslationRow = Awaited<ReturnType<typeof listTranslations>>[number];

export async function appendChainMember(db: Executor, chainId: string, cityId: string) {
  const last = await members.max(db, 'position', { chain_id: chainId });
  await members.insert(db, { chain_id: chainId, city_id: cityId, position: Number(last ?? 0) + 1 });
}

export const removeChainMember = (db: Executor, chainId: string, cityId: string) =>
  members.removeWhere(db, { chain_id: chainId, city_id: cityId });

export const insertCity = (db: Executor, row: Omit<CityTable, 'contact_name' | 'contact_email'>) =>
  cities.insert(db, row);

export const insertCityTranslations = translations.insertMany;

export function findCityById(db: Executor, id: string) {
  return db.selectFrom('city').select(CITY_COLUMNS).where('city.id', '=', id).executeTakeFirst();
}

/** A city's editable facts (and its contact), for the coordinators' form. */
export function findCityFactsBySlug(db: Executor, slug: string) {
  return db
    .selectFrom('city')
    .select([...CITY_COLUMNS, 'city.updated_at'])
    .where('city.slug', '=', slug)
    .executeTakeFirst();
}

export type CityFactsRow = NonNullable<Awaited<ReturnType<typeof findCityFactsBySlug>>>;

/** Updates the facts only: kind and status are not in this statement on purpose. */
export function updateCityFacts(
  db: Executor,
  id: string,
  facts: Updateable<
    Pick<
      CityTable,
      | 'country_code'
      | 'region'
      | 'latitude'
      | 'longitude'
      | 'population'
      | 'website'
      | 'contact_name'
      | 'contact_email'
      | 'updated_at'
    >
  >,
  /** Only if the city is still at this version (optimistic locking, decision 022). */
  version?: string,
): Promise<number> {
  let update = db.updateTable('city').set(facts).where('id', '=', id);
  if (version) update = update.where('updated_at', '=', version);
  return update.executeTakeFirst().then((r) => Number(r.numUpdatedRows));
}

export const replaceTranslations = (
  db: Executor,
  cityId: string,
  rows: { city_id: string; lang: string; name: string; description: string | null }[],
) => translations.replace(db, { city_id: cityId }, rows);

export function setCityStatus(
  db: Executor,
  cityId: string,
  values: { status: string; kind: string; since_year: number | null; updated_at: string },
) {
  return db.updateTable('city').set(values).where('id', '=', cityId).execute();
}

/** When the register last changed (any city's facts or status), for the open-data catalogue. */
export const latestCityChange = (db: Executor): Promise<string | null> =>
  cities.max(db, 'updated_at');

// A partner contact's suggested change to their city (decision 036): one row per city.

const SUGGESTION_COLUMNS = [
  'city_suggestion.id',
  'city_suggestion.city_id',
  'city_suggestion.status',
  'city_suggestion.changes',
  'city_suggestion.comment',
  'city_suggestion.submitted_by',
  'city_suggestion.submitted_at',
  'city_suggestion.reviewed_by',
  'city_suggestion.reviewed_at',
  'city_suggestion.updated_at',
] as const;

export function findSuggestion(db: Executor, cityId: string) {
  return db
    .selectFrom('city_suggestion')
    .select(SUGGESTION_COLUMNS)
    .where('city_id', '=', cityId)
    .executeTakeFirst();
}

export type SuggestionRow = NonNullable<Awaited<ReturnType<typeof findSuggestion>>>;

/** The writes (the reads above name their columns by table). */
const suggestions = tableAccess('city_suggestion', '*', { fixed: ['city_id'] });

export const insertSuggestion = suggestions.insert;

/**
 * Changes a suggestion only if it is still at the version read (optimistic locking): the
 * number of rows changed is 0 when another save came first.
 */
export const updateSuggestion = (
  db: Executor,
  id: string,
  version: string,
  values: Partial<Omit<SuggestionRow, 'id' | 'city_id'>>,
) => suggestions.updateVersioned(db, id, values, version);

export const deleteSuggestion = suggestions.remove;

const suggestionStates = tableAccess('city_suggestion', [
  'city_id',
  'status',
  'submitted_at',
  'reviewed_at',
]);
const pendingSuggestions = tableAccess('city_suggestion', ['city_id', 'submitted_at']);

/** The suggestions waiting for a coordinator, oldest first (at most `limit`). */
export const listPendingSuggestions = (db: Executor, limit: number) =>
  pendingSuggestions.list(db, { status: 'pending' }, ['submitted_at'], { limit });

/** The suggestions of some cities (a partner contact's own), whatever their state. */
export function listSuggestionsOf(db: Executor, cityIds: readonly string[]) {
  if (cityIds.length === 0) return Promise.resolve([]);
  return suggestionStates.list(db, { city_id: ['in', cityIds] });
}

/** A city's contact person (the privacy module's correction and erasure, issue 18). */
export async function updateCityContact(
  db: Executor,
  id: string,
  set: { contact_name?: string | null; contact_email?: string | null },
) {
  await db.updateTable('city').set(set).where('id', '=', id).execute();
}
