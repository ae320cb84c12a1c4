import type { Db } from '../../db/database.ts';
import { publicDocuments } from '../../platform/public-documents.ts';
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
    const record = { kind: 'city', id: city.id, cityIds: [city.id], date: null } as const;
    return publicDocuments({ ...record, publicPath: `/cities/${city.slug}` }, (lang) => {
      const text = localized(city, lang);
      return {
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
      };
    });
  });
}

export const citiesSearch: SearchSource = { kinds: ['city'], all: cityDocuments };
