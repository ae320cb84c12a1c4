import {
  policyLine,
  type PolicyStatusSource,
  type TaskSource,
} from '../../platform/workspace-home.ts';
import { TIME_ZONE } from '../../shared/dates.ts';
import {
  cityFactsAccess,
  partnerCityIds,
  pendingSuggestions,
  suggestionsOf,
} from './city-suggestion.service.ts';
import { getChain, listCities, localized } from './city.service.ts';

/**
 * Policy line P1 (decision 028): the twin cities and since when. Attention: no active twin
 * city, or a member of the twin-city chain that is not active (the rotation counts a city
 * the cooperation no longer has). Both reads are cached (the registry generation).
 */
export const cityHomePolicy: PolicyStatusSource = async (db, ctx) => {
  const { t } = ctx.i18n;
  const cities = await listCities(db);
  const chain = await getChain(db, cities);
  const name = (c: (typeof cities)[number]) => localized(c, ctx.i18n.locale).name;
  const twins = cities.filter((c) => c.kind === 'twin' && c.status === 'active');
  const inactive = (chain?.members ?? []).map((m) => m.city).filter((c) => c.status !== 'active');
  const line = policyLine('P1', '/cities');
  if (twins.length === 0) return [line('attention', t('home.cities.p1.none'))];
  if (inactive.length > 0) {
    // The register's facts are kept in the workspace: that is where to act.
    const text = t('home.cities.p1.inactive', {
      count: inactive.length,
      cities: ctx.i18n.formatList(inactive.map(name)),
    });
    return [policyLine('P1', '/workspace/cities')('attention', text)];
  }
  const ok = t('home.cities.p1.ok', {
    cities: ctx.i18n.formatList(twins.map(name)),
    since: chain?.sinceYear ?? 1946,
  });
  return [line('ok', ok)];
};

/** How long a coordinator has to review a partner contact's suggestion (as collaborations, decision 028). */
export const SUGGESTION_REVIEW_DAYS = 14;
/** How many waiting suggestions a coordinator's start page lists at most. */
const MAX_SUGGESTIONS = 20;

/** The date (YYYY-MM-DD, Gothenburg's) some days after an instant. */
function daysAfter(iso: string, days: number): string {
  const at = new Date(Date.parse(iso) + days * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE }).format(at);
}

/**
 * The start page's tasks of the partner contacts' own city (decision 036): a coordinator
 * sees each suggestion waiting for review (due 14 days after it was sent); a partner
 * contact sees "their city's details" with the state of their latest suggestion.
 */
export const citySuggestionTasks: TaskSource = async (db, user, ctx) => {
  const { t } = ctx.i18n;
  const coordinator = cityFactsAccess(user, '') === 'edit';
  const own = partnerCityIds(user);
  if (!coordinator && own.length === 0) return [];
  const cities = await listCities(db);
  const byId = new Map(cities.map((c) => [c.id, c]));
  const name = (id: string) => {
    const city = byId.get(id);
    return city ? localized(city, ctx.i18n.locale).name : '';
  };
  if (coordinator) {
    const pending = await pendingSuggestions(db, MAX_SUGGESTIONS);
    return pending.flatMap((s) => {
      const city = byId.get(s.city_id);
      if (!city) return [];
      return [
        {
          kind: 'cities.suggestion.review',
          title: t('home.cities.suggestion.review', { city: name(city.id) }),
          href: `/workspace/cities/${city.slug}/suggestion`,
          dueOn: daysAfter(s.submitted_at, SUGGESTION_REVIEW_DAYS),
        },
      ];
    });
  }
  const states = await suggestionsOf(db, own);
  return own.flatMap((id) => {
    const city = byId.get(id);
    if (!city) return [];
    const state = states.find((s) => s.city_id === id)?.status ?? 'none';
    return [
      {
        kind: 'cities.suggestion.own',
        title: t('home.cities.suggestion.own', { city: name(id), state }),
        href: `/workspace/cities/${city.slug}`,
        dueOn: null,
      },
    ];
  });
};
