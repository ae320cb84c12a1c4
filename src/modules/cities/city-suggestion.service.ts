import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { User } from '../../platform/identity.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import { nowIso } from '../../shared/dates.ts';
import { errors } from '../../shared/errors.ts';
import { recordAudit, statusChange, type Actor } from '../audit/index.ts';
import {
  applyCityFacts,
  checkCityFacts,
  checkedByField,
  factsOf,
  fieldsOf,
  inputOf,
  type CityFactsFields,
} from './city-facts.service.ts';
import * as repo from './city.repository.ts';
import { citiesErrors } from './errors.ts';

/**
 * A partner contact keeps their own city's facts, description and contact (issue 19,
 * point 6; decision 036). What they save is a suggestion: a coordinator at the City
 * Executive Office approves it (it is then published, as if the coordinator had saved it)
 * or returns it with a comment. One suggestion per city, replaced by the next.
 */

export const SUGGESTION_STATUSES = ['pending', 'returned', 'approved'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** A suggested change: the form field's value when it was suggested, and the suggested one. */
export type SuggestedChanges = Record<string, { before: string; after: string }>;

export interface CitySuggestion {
  id: string;
  cityId: string;
  status: SuggestionStatus;
  changes: SuggestedChanges;
  comment: string | null;
  submittedBy: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  /** The version a form over it was opened at (optimistic locking). */
  version: string;
}

/** The most a coordinator's comment on a returned suggestion may be. */
export const MAX_COMMENT = 2000;

/** The main language of a city's country, when the portal speaks it. */
const COUNTRY_LANGUAGE: Readonly<Record<string, Locale>> = {
  SE: 'sv',
  NO: 'nb',
  DK: 'da',
  FI: 'fi',
  GB: 'en',
  IE: 'en',
  US: 'en',
  ZA: 'en',
  NZ: 'en',
  AU: 'en',
};

/** The languages a partner contact writes their city's texts in: their own, Swedish, English. */
export function partnerLanguages(countryCode: string): Locale[] {
  const own = COUNTRY_LANGUAGE[countryCode.toUpperCase()];
  return [...new Set<Locale>([...(own ? [own] : []), 'sv', 'en'])];
}

/**
 * The fields a partner contact may suggest: names and descriptions in their languages,
 * region, population, website and contact. Not the country or the coordinates (the map and
 * the register's own data), not the kind or status (only a council decision changes them).
 */
export function partnerFields(countryCode: string): string[] {
  return [
    ...partnerLanguages(countryCode).flatMap((l) => [`name_${l}`, `description_${l}`]),
    'region',
    'population',
    'website',
    'contactName',
    'contactEmail',
  ];
}

/** How a user may change a city's facts: directly (coordinators), by suggestion (its partner contact), or not. */
export function cityFactsAccess(
  user: Pick<User, 'roles'> | null,
  cityId: string,
): 'edit' | 'suggest' | null {
  if (!user) return null;
  if (user.roles.some((g) => g.role === 'coordinator')) return 'edit';
  if (user.roles.some((g) => g.role === 'partner' && g.cityId === cityId)) return 'suggest';
  return null;
}

/** The cities whose partner contact the user is. */
export function partnerCityIds(user: Pick<User, 'roles'>): string[] {
  return user.roles.flatMap((g) => (g.role === 'partner' && g.cityId ? [g.cityId] : []));
}

function toSuggestion(row: repo.SuggestionRow): CitySuggestion {
  return {
    id: row.id,
    cityId: row.city_id,
    status: row.status as SuggestionStatus,
    changes: JSON.parse(row.changes) as SuggestedChanges,
    comment: row.comment,
    submittedBy: row.submitted_by,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    version: row.updated_at,
  };
}

const isOpen = (s: CitySuggestion | undefined): s is CitySuggestion =>
  s !== undefined && s.status !== 'approved';

async function cityRow(db: repo.Executor, slug: string) {
  const city = await repo.findCityFactsBySlug(db, slug);
  if (!city) throw citiesErrors.cityNotFound(slug);
  return city;
}

/** What a city's facts page shows: the published facts, and the suggestion if any. */
export interface CityFactsState {
  city: repo.CityFactsRow;
  /** The published facts as the form's fields. */
  published: CityFactsFields;
  suggestion: CitySuggestion | null;
  /** The version the form saves over: an open suggestion's, else the city's. */
  version: string;
}

export async function cityFactsState(db: Db, slug: string): Promise<CityFactsState> {
  const city = await cityRow(db.kysely, slug);
  const [facts, row] = await Promise.all([
    factsOf(db.kysely, city),
    repo.findSuggestion(db.kysely, city.id),
  ]);
  const suggestion = row ? toSuggestion(row) : null;
  return {
    city,
    published: fieldsOf(facts),
    suggestion,
    version: isOpen(suggestion ?? undefined) ? suggestion!.version : city.updated_at,
  };
}

/** The published fields with an open suggestion's values over them (what the partner's form shows). */
export function withSuggestion(state: CityFactsState): CityFactsFields {
  const fields = { ...state.published };
  if (state.suggestion && state.suggestion.status !== 'approved')
    for (const [field, { after }] of Object.entries(state.suggestion.changes))
      fields[field] = after;
  return fields;
}

/**
 * A partner contact's save: checks the whole city as it would be with their values, keeps
 * the fields that differ from the published ones as the city's suggestion (pending), in one
 * transaction with an audit event. Nothing different from the published facts: an open
 * suggestion is withdrawn. Returns 'suggested', 'withdrawn' or 'unchanged'.
 */
export async function suggestCityFacts(
  db: Db,
  actor: Actor,
  user: Pick<User, 'roles'>,
  slug: string,
  sent: CityFactsFields,
  version?: string,
): Promise<'suggested' | 'withdrawn' | 'unchanged'> {
  return db.kysely.transaction().execute(async (trx) => {
    const city = await cityRow(trx, slug);
    if (cityFactsAccess(user, city.id) !== 'suggest') throw errors.forbidden();
    const published = fieldsOf(await factsOf(trx, city));
    const row = await repo.findSuggestion(trx, city.id);
    const existing = row ? toSuggestion(row) : undefined;
    const open = isOpen(existing) ? existing : undefined;
    const current = open?.version ?? city.updated_at;
    if (version && version !== current)
      throw errors.editConflict('city_suggestion', city.id, current);

    // Only the partner's fields are read from what was sent; the rest stays as published.
    const allowed = partnerFields(city.country_code);
    const proposed = { ...published };
    for (const field of allowed) proposed[field] = (sent[field] ?? '').trim();
    const checked = checkedByField(checkCityFacts(inputOf(proposed)));
    const now = checkedByField(checkCityFacts(inputOf(published)));
    const changes: SuggestedChanges = {};
    for (const field of allowed)
      if (checked[field] !== now[field])
        changes[field] = { before: published[field] ?? '', after: proposed[field] ?? '' };

    const at = nowIso();
    if (Object.keys(changes).length === 0) {
      if (!open) return 'unchanged';
      await repo.deleteSuggestion(trx, open.id);
      await recordAudit(trx, actor, {
        entity: 'city',
        entityId: city.id,
        action: 'facts.suggestion.withdraw',
        changes: statusChange(open.status, null),
      });
      return 'withdrawn';
    }
    const values = {
      status: 'pending',
      changes: JSON.stringify(changes),
      comment: null,
      submitted_by: actor.label,
      submitted_at: at,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: at,
    };
    if (existing) {
      const written = await repo.updateSuggestion(trx, existing.id, existing.version, values);
      if (written === 0) throw errors.editConflict('city_suggestion', city.id, current);
    } else {
      await repo.insertSuggestion(trx, { id: randomUUID(), city_id: city.id, ...values });
    }
    await recordAudit(trx, actor, {
      entity: 'city',
      entityId: city.id,
      action: 'facts.suggest',
      changes: Object.fromEntries(
        Object.entries(changes).map(([field, c]) => [field, { before: c.before, after: c.after }]),
      ),
    });
    return 'suggested';
  });
}

/** The pending suggestion of a city, or SUGGESTION_NOT_FOUND (none waits for review). */
async function pendingOf(trx: repo.Executor, slug: string, version: string | undefined) {
  const city = await cityRow(trx, slug);
  const row = await repo.findSuggestion(trx, city.id);
  const suggestion = row ? toSuggestion(row) : undefined;
  if (suggestion?.status !== 'pending') throw citiesErrors.citySuggestionNotFound(slug);
  if (version && version !== suggestion.version)
    throw errors.editConflict('city_suggestion', city.id, suggestion.version);
  return { city, suggestion };
}

/**
 * A coordinator approves a pending suggestion: its values are written over the city's
 * current facts (publishing them: the public pages follow by the page cache's generation)
 * and the suggestion is marked approved, in one transaction, audited. With the version the
 * review page was opened at: a suggestion changed since is not approved (EDIT_CONFLICT).
 * Returns the city's changed fields.
 */
export async function approveSuggestion(
  db: Db,
  actor: Actor,
  slug: string,
  version?: string,
): Promise<string[]> {
  return db.kysely.transaction().execute(async (trx) => {
    const { city, suggestion } = await pendingOf(trx, slug, version);
    const fields = fieldsOf(await factsOf(trx, city));
    for (const [field, { after }] of Object.entries(suggestion.changes)) fields[field] = after;
    const changed = await applyCityFacts(trx, actor, city, checkCityFacts(inputOf(fields)));
    await reviewed(trx, actor, suggestion, 'approved', null);
    return changed;
  });
}

/** A coordinator returns a pending suggestion to the partner contact with a comment (required). */
export async function returnSuggestion(
  db: Db,
  actor: Actor,
  slug: string,
  comment: string,
  version?: string,
): Promise<void> {
  const text = comment.trim();
  if (text === '' || text.length > MAX_COMMENT)
    throw errors.validation([{ path: 'comment', message: 'citySuggestion.commentRequired' }]);
  await db.kysely.transaction().execute(async (trx) => {
    const { suggestion } = await pendingOf(trx, slug, version);
    await reviewed(trx, actor, suggestion, 'returned', text);
  });
}

async function reviewed(
  trx: repo.Executor,
  actor: Actor,
  suggestion: CitySuggestion,
  status: 'approved' | 'returned',
  comment: string | null,
) {
  const at = nowIso();
  const written = await repo.updateSuggestion(trx, suggestion.id, suggestion.version, {
    status,
    comment,
    reviewed_by: actor.label,
    reviewed_at: at,
    updated_at: at,
  });
  if (written === 0)
    throw errors.editConflict('city_suggestion', suggestion.cityId, suggestion.version);
  await recordAudit(trx, actor, {
    entity: 'city',
    entityId: suggestion.cityId,
    action: status === 'approved' ? 'facts.suggestion.approve' : 'facts.suggestion.return',
    changes: statusChange('pending', status, comment ? { comment } : {}),
  });
}

/** The suggestions waiting for review, oldest first (coordinators' start page). */
export async function pendingSuggestions(db: Db, limit: number) {
  return repo.listPendingSuggestions(db.kysely, limit);
}

/** The state of the suggestions of the partner contact's cities (their start page). */
export async function suggestionsOf(db: Db, cityIds: readonly string[]) {
  return repo.listSuggestionsOf(db.kysely, cityIds);
}
