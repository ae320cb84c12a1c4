import type { Db } from '../../db/database.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors, type FieldProblem } from '../../shared/errors.ts';
import { ALL_LOCALES, type Locale } from '../../platform/i18n/locales.ts';
import { recordAudit, type Actor, type Changes } from '../audit/index.ts';
import * as repo from './city.repository.ts';
import type { CityTable } from './city.table.ts';
import { citiesErrors } from './errors.ts';

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

type FactColumn = 'country_code' | 'region' | 'latitude' | 'longitude' | 'population' | 'website';

export interface CheckedFacts {
  translations: { lang: Locale; name: string; description: string | null }[];
  /** The city's columns the facts set (the contact's as they are written, never generated). */
  row: Pick<CityTable, FactColumn> & { contact_name: string | null; contact_email: string | null };
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

/** The form's fields by name (one name and description field per language), as strings. */
export type CityFactsFields = Record<string, string>;

/** A city's facts as the form's fields by name. */
export function fieldsOf(input: CityFactsInput): CityFactsFields {
  const fields: CityFactsFields = {
    countryCode: input.countryCode,
    region: input.region,
    latitude: input.latitude,
    longitude: input.longitude,
    population: input.population,
    website: input.website,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
  };
  for (const lang of ALL_LOCALES) {
    fields[`name_${lang}`] = input.names[lang] ?? '';
    fields[`description_${lang}`] = input.descriptions[lang] ?? '';
  }
  return fields;
}

/** The form's fields by name as the service's input. */
export function inputOf(fields: CityFactsFields): CityFactsInput {
  const field = (name: string) => fields[name] ?? '';
  return {
    names: Object.fromEntries(ALL_LOCALES.map((l) => [l, field(`name_${l}`)])),
    descriptions: Object.fromEntries(ALL_LOCALES.map((l) => [l, field(`description_${l}`)])),
    countryCode: field('countryCode'),
    region: field('region'),
    latitude: field('latitude'),
    longitude: field('longitude'),
    population: field('population'),
    website: field('website'),
    contactName: field('contactName'),
    contactEmail: field('contactEmail'),
  };
}

/** The checked facts' values by form field name, for comparing two versions field by field. */
export function checkedByField(checked: CheckedFacts): Record<string, unknown> {
  const byField: Record<string, unknown> = {
    countryCode: checked.row.country_code,
    region: checked.row.region,
    latitude: checked.row.latitude,
    longitude: checked.row.longitude,
    population: checked.row.population,
    website: checked.row.website,
    contactName: checked.row.contact_name,
    contactEmail: checked.row.contact_email,
  };
  for (const lang of ALL_LOCALES) {
    const text = checked.translations.find((t) => t.lang === lang);
    byField[`name_${lang}`] = text?.name ?? null;
    byField[`description_${lang}`] = text?.description ?? null;
  }
  return byField;
}

/**
 * Writes checked facts to a city inside the caller's transaction, with one audit event
 * naming every changed field (before and after). Returns the changed fields (empty:
 * nothing changed, nothing written, nothing audited). With a version, the write happens
 * only if the city is still at it; otherwise EDIT_CONFLICT (decision 022).
 */
export async function applyCityFacts(
  trx: repo.Executor,
  actor: Actor,
  city: repo.CityFactsRow,
  checked: CheckedFacts,
  version?: string,
): Promise<string[]> {
  if (version && version !== city.updated_at)
    throw errors.editConflict('city', city.id, city.updated_at);
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
  const written = await repo.updateCityFacts(
    trx,
    city.id,
    { ...checked.row, updated_at: nowIso() },
    city.updated_at,
  );
  if (written === 0) {
    const now = await repo.findCityFactsBySlug(trx, city.slug);
    throw errors.editConflict('city', city.id, now?.updated_at ?? city.updated_at);
  }
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
}

/**
 * A coordinator saves a city's facts in one transaction (see `applyCityFacts`). Returns
 * the names of the changed fields (empty: nothing changed, nothing audited).
 */
export async function updateCityFacts(
  db: Db,
  actor: Actor,
  slug: string,
  input: CityFactsInput,
  version?: string,
): Promise<string[]> {
  const checked = checkCityFacts(input);
  return db.kysely.transaction().execute(async (trx) => {
    const city = await repo.findCityFactsBySlug(trx, slug);
    if (!city) throw citiesErrors.cityNotFound(slug);
    return applyCityFacts(trx, actor, city, checked, version);
  });
}

/** A city's editable facts as the form shows them (every field a string), and its version. */
export async function cityFactsForm(
  db: Db,
  slug: string,
): Promise<{ slug: string; id: string; version: string; values: CityFactsInput }> {
  const row = await repo.findCityFactsBySlug(db.kysely, slug);
  if (!row) throw citiesErrors.cityNotFound(slug);
  return {
    slug: row.slug,
    id: row.id,
    version: row.updated_at,
    values: await factsOf(db.kysely, row),
  };
}

/** A city row's facts as the form's input (every field a string). */
export async function factsOf(db: repo.Executor, row: repo.CityFactsRow): Promise<CityFactsInput> {
  const translations = await repo.listTranslations(db, [row.id]);
  const number = (v: number | null) => (v === null ? '' : String(v));
  return {
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
  };
}
