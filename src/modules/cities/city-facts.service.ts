import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { recordAudit, type Actor, type Changes } from '../audit/index.ts';
import * as repo from './city.repository.ts';

/**
 * The facts of a city a coordinator may edit (DESIGN.md §5): names and descriptions per
 * language, country, region, coordinates, population, website and contact. Kind and
 * status are not here on purpose: only a council decision changes them (P1, P6).
 */
export interface CityFactsInput {
  names: Partial<Record<Locale, string>>;
  descriptions: Partial<Record<Locale, string>>;
  countryCode: string;
  region: string;
  latitude: string;
  longitude: string;
  population: string;
  website: string;
  contactName: string;
  contactEmail: string;
}

export const MAX_NAME = 120;
export const MAX_DESCRIPTION = 2000;
export const MAX_POPULATION = 100_000_000;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A decimal number as typed (comma or point, Unicode minus); empty is null, junk NaN. */
export function parseDecimal(raw: string): number | null {
  const v = raw.trim().replace(',', '.').replace('−', '-');
  if (v === '') return null;
  return /^-?\d{1,3}(\.\d{1,8})?$/.test(v) ? Number(v) : Number.NaN;
}

/** A whole number as typed, spaces allowed as thousands separators; empty is null. */
export function parseWhole(raw: string): number | null {
  const v = raw.replace(/[\s\u00a0\u202f]/g, '');
  if (v === '') return null;
  return /^\d{1,12}$/.test(v) ? Number(v) : Number.NaN;
}

interface CheckedFacts {
  translations: { lang: Locale; name: string; description: string | null }[];
  row: {
    country_code: string;
    region: string | null;
    latitude: number | null;
    longitude: number | null;
    population: number | null;
    website: string | null;
    contact_name: string | null;
    contact_email: string | null;
  };
}

/** Checks every field and names each problem; never throws for one field at a time. */
export function checkCityFacts(input: CityFactsInput): CheckedFacts {
  const problems: FieldProblem[] = [];
  const translations: CheckedFacts['translations'] = [];
  for (const lang of ALL_LOCALES) {
    const name = (input.names[lang] ?? '').trim();
    const description = (input.descriptions[lang] ?? '').trim();
    if (lang === 'sv' && name === '') {
      problems.push({ path: 'name_sv', message: 'cityFacts.nameSvRequired' });
    } else if (name.length > MAX_NAME) {
      problems.push({ path: `name_${lang}`, message: 'cityFacts.nameTooLong' });
    }
    if (description.length > MAX_DESCRIPTION) {
      problems.push({ path: `description_${lang}`, message: 'cityFacts.descriptionTooLong' });
    } else if (description && !name) {
      problems.push({ path: `name_${lang}`, message: 'cityFacts.nameForDescription' });
    }
    if (name) translations.push({ lang, name, description: description || null });
  }
  const countryCode = input.countryCode.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(countryCode))
    problems.push({ path: 'countryCode', message: 'cityFacts.countryInvalid' });
  const region = input.region.trim();
  if (region.length > MAX_NAME)
    problems.push({ path: 'region', message: 'cityFacts.regionTooLong' });

  const latitude = parseDecimal(input.latitude);
  const longitude = parseDecimal(input.longitude);
  if (Number.isNaN(latitude) || (latitude !== null && Math.abs(latitude) > 90))
    problems.push({ path: 'latitude', message: 'cityFacts.latitudeInvalid' });
  if (Number.isNaN(longitude) || (longitude !== null && Math.abs(longitude) > 180))
    problems.push({ path: 'longitude', message: 'cityFacts.longitudeInvalid' });
  if ((latitude === null) !== (longitude === null))
    problems.push({
      path: latitude === null ? 'latitude' : 'longitude',
      message: 'cityFacts.coordinatesBoth',
    });

  const population = parseWhole(input.population);
  if (Number.isNaN(population) || (population !== null && population > MAX_POPULATION))
    problems.push({ path: 'population', message: 'cityFacts.populationInvalid' });

  const website = input.website.trim();
  if (website && !isHttpUrl(website))
    problems.push({ path: 'website', message: 'cityFacts.websiteInvalid' });

  const contactName = input.contactName.trim();
  if (contactName.length > 200)
    problems.push({ path: 'contactName', message: 'cityFacts.contactNameTooLong' });
  const contactEmail = input.contactEmail.trim();
  if (contactEmail && (contactEmail.length > 254 || !EMAIL.test(contactEmail)))
    problems.push({ path: 'contactEmail', message: 'cityFacts.contactEmailInvalid' });

  if (problems.length) throw errors.validation(problems);
  return {
    translations,
    row: {
      country_code: countryCode,
      region: region || null,
      latitude,
      longitude,
      population,
      website: website || null,
      contact_name: contactName || null,
      contact_email: contactEmail || null,
    },
  };
}

function isHttpUrl(value: string): boolean {
  if (value.length > 300) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * Saves a city's facts in one transaction with one audit event naming every changed
 * field (before and after). Returns the names of the changed fields (empty: nothing
 * changed, nothing audited).
 */
export async function updateCityFacts(
  db: Db,
  actor: Actor,
  slug: string,
  input: CityFactsInput,
): Promise<string[]> {
  const checked = checkCityFacts(input);
  return db.kysely.transaction().execute(async (trx) => {
    const city = await repo.findCityFactsBySlug(trx, slug);
    if (!city) throw errors.cityNotFound(slug);
    const before = await repo.listTranslations(trx, [city.id]);
    const changes: Changes = {};
    for (const [key, after] of Object.entries(checked.row)) {
      const was = city[key as keyof typeof checked.row];
      if (was !== after) changes[key] = { before: was, after };
    }
    for (const lang of ALL_LOCALES) {
      const was = before.find((t) => t.lang === lang);
      const now = checked.translations.find((t) => t.lang === lang);
      if ((was?.name ?? null) !== (now?.name ?? null))
        changes[`name_${lang}`] = { before: was?.name ?? null, after: now?.name ?? null };
      if ((was?.description ?? null) !== (now?.description ?? null))
        changes[`description_${lang}`] = {
          before: was?.description ?? null,
          after: now?.description ?? null,
        };
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return [];
    await repo.updateCityFacts(trx, city.id, { ...checked.row, updated_at: nowIso() });
    await repo.replaceTranslations(
      trx,
      city.id,
      checked.translations.map((t) => ({ city_id: city.id, ...t })),
    );
    await recordAudit(trx, actor, {
      entity: 'city',
      entityId: city.id,
      action: 'facts.update',
      changes,
    });
    return changed;
  });
}

/** A city's editable facts as the form shows them (every field a string). */
export async function cityFactsForm(
  db: Db,
  slug: string,
): Promise<{ slug: string; values: CityFactsInput }> {
  const row = await repo.findCityFactsBySlug(db.kysely, slug);
  if (!row) throw errors.cityNotFound(slug);
  const translations = await repo.listTranslations(db.kysely, [row.id]);
  const number = (v: number | null) => (v === null ? '' : String(v));
  return {
    slug: row.slug,
    values: {
      names: Object.fromEntries(translations.map((t) => [t.lang, t.name])),
      descriptions: Object.fromEntries(translations.map((t) => [t.lang, t.description ?? ''])),
      countryCode: row.country_code,
      region: row.region ?? '',
      latitude: number(row.latitude),
      longitude: number(row.longitude),
      population: number(row.population),
      website: row.website ?? '',
      contactName: row.contact_name ?? '',
      contactEmail: row.contact_email ?? '',
    },
  };
}
