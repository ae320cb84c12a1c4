import { z } from 'zod';
import { translatedText } from '../../platform/i18n/api.ts';
import { CITY_KINDS, CITY_STATUSES, cityFilterQuery } from '../cities/index.ts';

const localizedText = z
  .object({ name: z.string(), description: z.string().nullable() })
  .meta({ id: 'LocalizedCityText' });

export const statusChangeJson = z
  .object({
    changedOn: z.string().describe('Plain date YYYY-MM-DD').meta({ example: '1946-01-01' }),
    fromStatus: z
      .enum(CITY_STATUSES)
      .nullable()
      .describe('Null when the city entered the register'),
    toStatus: z.enum(CITY_STATUSES),
    fromKind: z.enum(CITY_KINDS).nullable(),
    toKind: z.enum(CITY_KINDS),
    decisionId: z
      .string()
      .nullable()
      .describe('The council decision behind the change (GET /api/v1/decisions/{id}), if any'),
    historical: z
      .boolean()
      .describe('True for changes registered afterwards (e.g. the decisions of 1946)'),
  })
  .meta({ id: 'CityStatusChange' });

export const cityJson = z
  .object({
    slug: z.string().meta({ example: 'bergen' }),
    kind: z.enum(CITY_KINDS),
    status: z.enum(CITY_STATUSES),
    name: z.string().describe('Name in Swedish, the source language').meta({ example: 'Bergen' }),
    names: z
      .record(z.string(), localizedText)
      .describe('Name and description per language (sv, en, da, nb, fi)'),
    localized: z
      .object({
        name: translatedText,
        description: translatedText.nullable().describe('Null when the city has none'),
      })
      .describe(
        'Name and description in the language of the response (`lang`, `Accept-Language`, ' +
          'else Swedish); each one without a translation is the Swedish text, with `lang: sv`',
      ),
    countryCode: z.string().describe('ISO 3166-1 alpha-2').meta({ example: 'NO' }),
    region: z.string().nullable(),
    coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    population: z.number().int().nullable(),
    website: z.string().nullable(),
    sinceYear: z.number().int().nullable().describe('Twin city since (1946 for the Nordic chain)'),
    chainPosition: z
      .number()
      .int()
      .nullable()
      .describe('Position in the host rotation of the Nordic chain, or null when not a member'),
    history: z
      .array(statusChangeJson)
      .describe('Every change of status or kind, oldest first, with the decision behind it'),
    links: z.object({ self: z.string(), html: z.string() }),
  })
  .meta({ id: 'City' });

export const cityListJson = z
  .object({
    data: z.array(cityJson),
    chain: z
      .object({
        slug: z.string(),
        intervalYears: z.number().int(),
        sinceYear: z.number().int(),
        hostCycleYears: z
          .number()
          .int()
          .describe('Years between two turns of the same host: members × interval'),
        members: z.array(z.string()).describe('City slugs in rotation order'),
      })
      .nullable(),
  })
  .meta({ id: 'CityList' });

export const cityListQuery = cityFilterQuery;

export const citySlugParams = z.object({
  slug: z.string().max(100).describe('The city slug, e.g. bergen'),
});
