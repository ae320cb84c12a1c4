import type { Db } from '../../db/database.ts';
import { ENABLED_LOCALES } from '../../platform/i18n/locales.ts';
import type { SearchDocument, SearchSource } from '../../platform/search.ts';
import { countryName } from '../../shared/intl.ts';
import { listCities, localized } from './city.service.ts';

/**
 * Every city for the portal search, one document per reader language: its name and
 * description in that language, with its names in every other language and its country, so
 * "Abo" finds Åbo/Turku and "Arhus" or "Århus" finds Aarhus whatever the reader's language.
 */
async function cityDocuments(db: Db): Promise<SearchDocument[]> {
  const cities = await listCities(db);
  return cities.flatMap((city) => {
    // Every language's name, and the older Danish spelling readers still type (Århus for Aarhus).
    const names = [
      ...new Set(
        Object.values(city.texts).flatMap((t) => [
          t.name,
          t.name.replace(/Aa/g, 'Å').replace(/aa/g, 'å'),
        ]),
      ),
    ];
    return ENABLED_LOCALES.map((lang): SearchDocument => {
      const text = localized(city, lang);
      return {
        kind: 'city',
        id: city.id,
        lang,
        textLang: text.lang,
        title: text.name,
        body: [
          names.filter((n) => n !== text.name).join(', '),
          countryName(city.countryCode, lang),
          city.region ?? '',
          text.description ?? '',
        ]
          .filter(Boolean)
          .join('\n'),
        visibility: 'public',
        cityIds: [city.id],
        publicPath: `/cities/${city.slug}`,
        workspacePath: null,
        date: null,
      };
    });
  });
}

export const citiesSearch: SearchSource = { kinds: ['city'], all: cityDocuments };
