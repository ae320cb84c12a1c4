import type { z } from 'zod';
import { type Chain, type City, hostCycleYears, localized } from './city.service.ts';
import type { cityJson, cityListJson } from './city.schema.ts';

export function presentCity(city: City, chain: Chain | null): z.output<typeof cityJson> {
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
    countryCode: city.countryCode,
    region: city.region,
    coordinates: city.coordinates,
    population: city.population,
    website: city.website,
    sinceYear: city.sinceYear,
    chainPosition: chain?.members.find((m) => m.city.id === city.id)?.position ?? null,
    links: { self: `/api/v1/cities/${city.slug}`, html: `/cities/${city.slug}` },
  };
}

export function presentCityList(
  cities: City[],
  chain: Chain | null,
): z.output<typeof cityListJson> {
  return {
    data: cities.map((c) => presentCity(c, chain)),
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
