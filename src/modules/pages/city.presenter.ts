import type { z } from 'zod';
import { translated } from '../../platform/i18n/api.ts';
import type { Locale } from '../../platform/i18n/locales.ts';
import type { StatusChange } from '../decisions/index.ts';
import { type Chain, type City, hostCycleYears, localized } from '../cities/index.ts';
import type { cityJson, cityListJson, statusChangeJson } from './city.schema.ts';

export function presentStatusChange(change: StatusChange): z.output<typeof statusChangeJson> {
  return {
    changedOn: change.changedOn,
    fromStatus: change.fromStatus,
    toStatus: change.toStatus,
    fromKind: change.fromKind,
    toKind: change.toKind,
    decisionId: change.decision?.id ?? null,
    historical: change.note === 'historical',
  };
}

/** The city's name and description in `locale`, each one in Swedish when it has no translation. */
function localizedTexts(city: City, locale: Locale): z.output<typeof cityJson>['localized'] {
  const texts = Object.entries(city.texts);
  const names = Object.fromEntries(texts.map(([lang, text]) => [lang, text.name]));
  const descriptions = Object.fromEntries(texts.map(([lang, text]) => [lang, text.description]));
  return {
    name: translated(names, locale) ?? { text: city.slug, lang: 'sv' },
    description: translated(descriptions, locale),
  };
}

export function presentCity(
  city: City,
  chain: Chain | null,
  history: readonly StatusChange[],
  locale: Locale,
): z.output<typeof cityJson> {
  return {
    slug: city.slug,
    kind: city.kind,
    status: city.status,
    name: localized(city, 'sv').name,
    names: Object.fromEntries(
      Object.entries(city.texts).map(([lang, text]) => [
        lang,
        { name: text.name, description: text.description },
      ]),
    ),
    localized: localizedTexts(city, locale),
    countryCode: city.countryCode,
    region: city.region,
    coordinates: city.coordinates,
    population: city.population,
    website: city.website,
    sinceYear: city.sinceYear,
    chainPosition: chain?.members.find((m) => m.city.id === city.id)?.position ?? null,
    history: history.map(presentStatusChange),
    links: { self: `/api/v1/cities/${city.slug}`, html: `/cities/${city.slug}` },
  };
}

export function presentCityList(
  cities: readonly City[],
  chain: Chain | null,
  histories: ReadonlyMap<string, readonly StatusChange[]>,
  locale: Locale,
): z.output<typeof cityListJson> {
  return {
    data: cities.map((c) => presentCity(c, chain, histories.get(c.id) ?? [], locale)),
    chain: chain
      ? {
          slug: chain.slug,
          intervalYears: chain.intervalYears,
          sinceYear: chain.sinceYear,
          hostCycleYears: hostCycleYears(chain),
          members: chain.members.map((m) => m.city.slug),
        }
      : null,
  };
}
