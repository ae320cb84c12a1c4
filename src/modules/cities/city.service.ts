import { executorOf, type Db, type Executor } from '../../db/database.ts';
import { intlCache } from '../../shared/intl.ts';
import { isLocale, type Locale } from '../../platform/i18n/locales.ts';
import * as repo from './city.repository.ts';
import { cachedRead, cacheKey } from '../../platform/read-cache.ts';
import { citiesErrors } from './errors.ts';

export const CITY_KINDS = ['home', 'twin', 'partner'] as const;
export const CITY_STATUSES = ['proposed', 'active', 'dormant', 'ended'] as const;
export type CityKind = (typeof CITY_KINDS)[number];
export type CityStatus = (typeof CITY_STATUSES)[number];

/** The slug of Gothenburg's Nordic twin-city chain. */
export const NORDIC_CHAIN = 'nordic';

export interface LocalizedText {
  name: string;
  description: string | null;
}

export interface City {
  id: string;
  slug: string;
  kind: CityKind;
  status: CityStatus;
  countryCode: string;
  region: string | null;
  coordinates: { latitude: number; longitude: number } | null;
  population: number | null;
  website: string | null;
  sinceYear: number | null;
  /** The city's contact for the twin-city work (a function or a person), if known. */
  contact: { name: string | null; email: string | null } | null;
  /** Per language; Swedish is always present. */
  texts: Partial<Record<Locale, LocalizedText>>;
}

export interface Chain {
  id: string;
  slug: string;
  intervalYears: number;
  sinceYear: number;
  /** Members in rotation order. */
  members: { city: City; position: number }[];
}

/** A text in the wanted language, or the Swedish one with its language named. */
export function localized(city: City, locale: Locale): LocalizedText & { lang: Locale } {
  const own = city.texts[locale];
  if (own) return { ...own, lang: locale };
  const sv = city.texts.sv;
  return { name: sv?.name ?? city.slug, description: sv?.description ?? null, lang: 'sv' };
}

const KIND_ORDER: Record<CityKind, number> = { home: 0, twin: 1, partner: 2 };

function toCity(row: repo.CityRow, translations: repo.CityTranslationRow[]): City {
  const texts: City['texts'] = {};
  for (const t of translations) {
    if (t.city_id === row.id && isLocale(t.lang)) {
      texts[t.lang] = { name: t.name, description: t.description };
    }
  }
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind as CityKind,
    status: row.status as CityStatus,
    countryCode: row.country_code,
    region: row.region,
    coordinates:
      row.latitude !== null && row.longitude !== null
        ? { latitude: row.latitude, longitude: row.longitude }
        : null,
    population: row.population,
    website: row.website,
    sinceYear: row.since_year,
    contact:
      row.contact_name || row.contact_email
        ? { name: row.contact_name, email: row.contact_email }
        : null,
    texts,
  };
}

/** All cities: home city first, then twin cities, then partner cities; by Swedish name. */
export async function listCities(db: Db | Executor): Promise<readonly City[]> {
  const k = executorOf(db);
  // Every page reads the registry; it changes a few times a year (platform/read-cache.ts).
  // In a transaction it reads directly (and sees the transaction's own writes).
  return cachedRead(k, 'registry', 'cities', async () => {
    const rows = await repo.listCities(k);
    const translations = await repo.listTranslations(
      k,
      rows.map((r) => r.id),
    );
    return rows
      .map((r) => toCity(r, translations))
      .sort(
        (a, b) =>
          KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
          intlCache.collator('sv').compare(localized(a, 'sv').name, localized(b, 'sv').name),
      );
  });
}

export async function getCity(db: Db, slug: string): Promise<City> {
  const row = await repo.findCityBySlug(db.kysely, slug);
  if (!row) throw citiesErrors.cityNotFound(slug);
  const translations = await repo.listTranslations(db.kysely, [row.id]);
  return toCity(row, translations);
}

/** The chain with its members in rotation order, or null when none is registered. */
export async function getChain(
  db: Db | Executor,
  cities?: readonly City[],
  slug = NORDIC_CHAIN,
): Promise<Chain | null> {
  const k = executorOf(db);
  const stored = await cachedRead(k, 'registry', cacheKey('chain', slug), async () => {
    const chain = await repo.findChainBySlug(k, slug);
    return chain ? { chain, members: await repo.listChainMembers(k, chain.id) } : null;
  });
  if (!stored) return null;
  const { chain, members } = stored;
  const all = cities ?? (await listCities(db));
  const byId = new Map(all.map((c) => [c.id, c]));
  return {
    id: chain.id,
    slug: chain.slug,
    intervalYears: chain.interval_years,
    sinceYear: chain.since_year,
    members: members.flatMap((m) => {
      const city = byId.get(m.city_id);
      return city ? [{ city, position: m.position }] : [];
    }),
  };
}

/** Years between two turns of the same host: members × interval (8 for four cities). */
export function hostCycleYears(chain: Chain): number {
  return chain.members.length * chain.intervalYears;
}

/** When the register last changed (an ISO instant), or null when it is empty. */
export async function latestCityChange(db: Db): Promise<string | null> {
  return repo.latestCityChange(db.kysely);
}

/**
 * Corrects or clears a city's contact person, inside the caller's transaction: the privacy
 * module's correction and erasure (decision 037), which audits it. Only the contact fields.
 */
export function correctCityContact(
  db: Executor,
  cityId: string,
  set: { contact_name?: string | null; contact_email?: string | null },
): Promise<void> {
  return repo.updateCityContact(db, cityId, set);
}
