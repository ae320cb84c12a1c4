import type { Executor } from '../../db/database.ts';
import * as repo from './city.repository.ts';
import { NORDIC_CHAIN, type CityKind, type CityStatus } from './city.service.ts';

/**
 * The changes to the register of cities that other modules make inside their own
 * transaction: a proposal adds a proposed city; a council decision changes a city's status
 * and kind and its place in the Nordic chain (P1, P6). The decisions module calls these and
 * audits the change; nothing else changes a city's status.
 */

/** What a decision needs to know about a city. */
export interface CityRecord {
  id: string;
  slug: string;
  kind: CityKind;
  status: CityStatus;
  sinceYear: number | null;
}

const toRecord = (r: repo.CityRow): CityRecord => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind as CityKind,
  status: r.status as CityStatus,
  sinceYear: r.since_year,
});

export async function findCityRecord(
  trx: Executor,
  by: { id: string } | { slug: string },
): Promise<CityRecord | null> {
  const row =
    'id' in by ? await repo.findCityById(trx, by.id) : await repo.findCityBySlug(trx, by.slug);
  return row ? toRecord(row) : null;
}

/** A new city proposed as a twin city: status `proposed`, names in Swedish and English. */
export async function addProposedCity(
  trx: Executor,
  city: {
    id: string;
    slug: string;
    countryCode: string;
    latitude: number | null;
    longitude: number | null;
    nameSv: string;
    nameEn: string;
    now: string;
  },
): Promise<void> {
  await repo.insertCity(trx, {
    id: city.id,
    slug: city.slug,
    kind: 'twin',
    status: 'proposed',
    country_code: city.countryCode,
    region: null,
    latitude: city.latitude,
    longitude: city.longitude,
    population: null,
    website: null,
    since_year: null,
    created_at: city.now,
    updated_at: city.now,
  });
  await repo.insertCityTranslations(trx, [
    { city_id: city.id, lang: 'sv', name: city.nameSv, description: null },
    ...(city.nameEn
      ? [{ city_id: city.id, lang: 'en', name: city.nameEn, description: null }]
      : []),
  ]);
}

/** A city's new status and kind, decided by the council. */
export async function setCityStatus(
  trx: Executor,
  cityId: string,
  values: { status: CityStatus; kind: CityKind; sinceYear: number | null; now: string },
): Promise<void> {
  await repo.setCityStatus(trx, cityId, {
    status: values.status,
    kind: values.kind,
    since_year: values.sinceYear,
    updated_at: values.now,
  });
}

/** A new twin city joins the Nordic chain (last in the rotation); an ended one leaves it. */
export async function changeChainMembership(
  trx: Executor,
  cityId: string,
  change: 'join' | 'leave',
): Promise<void> {
  const chain = await repo.findChainBySlug(trx, NORDIC_CHAIN);
  if (!chain) return;
  if (change === 'join') await repo.appendChainMember(trx, chain.id, cityId);
  else await repo.removeChainMember(trx, chain.id, cityId);
}
