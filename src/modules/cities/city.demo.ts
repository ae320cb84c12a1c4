import { insertWithNewId, type DemoContext } from '../../platform/demo.ts';

/**
 * Example data for the embedded default and for demonstrations. Every page shows a
 * banner while it is present. Never seeded when NODE_ENV=production (the callers check).
 */

type Texts = Record<'sv' | 'en' | 'da' | 'nb' | 'fi', { name: string; description?: string }>;

interface DemoCity {
  slug: string;
  kind: 'home' | 'twin' | 'partner';
  country: string;
  region: string;
  lat: number;
  lon: number;
  population: number;
  website: string;
  since: number | null;
  texts: Texts;
}

export const DEMO_CITIES: DemoCity[] = [
  {
    slug: 'goteborg',
    kind: 'home',
    country: 'SE',
    region: 'Västra Götaland',
    lat: 57.7089,
    lon: 11.9746,
    population: 609000,
    website: 'https://goteborg.se',
    since: null,
    texts: {
      sv: {
        name: 'Göteborg',
        description:
          'Sveriges näst största stad, vid Göta älvs mynning mot Kattegatt. Hemstad i vänortskedjan och värd för vänortsmötet vart åttonde år.',
      },
      en: {
        name: 'Gothenburg',
        description:
          "Sweden's second city, where the Göta älv river meets the Kattegat. The home city of the chain, hosting the twin-city meeting every eighth year.",
      },
      da: { name: 'Göteborg' },
      nb: { name: 'Göteborg' },
      fi: { name: 'Göteborg' },
    },
  },
  {
    slug: 'aarhus',
    kind: 'twin',
    country: 'DK',
    region: 'Region Midtjylland',
    lat: 56.1629,
    lon: 10.2039,
    population: 367000,
    website: 'https://aarhus.dk',
    since: 1946,
    texts: {
      sv: {
        name: 'Aarhus',
        description:
          'Danmarks näst största stad, på Jyllands östkust. Universitets- och hamnstad och Göteborgs vänort sedan 1946.',
      },
      en: {
        name: 'Aarhus',
        description:
          "Denmark's second city, on the east coast of Jutland. A university and port city, Gothenburg's twin city since 1946.",
      },
      da: { name: 'Aarhus' },
      nb: { name: 'Aarhus' },
      fi: { name: 'Aarhus' },
    },
  },
  {
    slug: 'bergen',
    kind: 'twin',
    country: 'NO',
    region: 'Vestland',
    lat: 60.3913,
    lon: 5.3221,
    population: 292000,
    website: 'https://www.bergen.kommune.no',
    since: 1946,
    texts: {
      sv: {
        name: 'Bergen',
        description:
          'Norges näst största stad, omgiven av sju fjäll på Vestlandets kust. Gammal hansestad och Göteborgs vänort sedan 1946.',
      },
      en: {
        name: 'Bergen',
        description:
          "Norway's second city, surrounded by seven mountains on the west coast. An old Hanseatic town, Gothenburg's twin city since 1946.",
      },
      da: { name: 'Bergen' },
      nb: { name: 'Bergen' },
      fi: { name: 'Bergen' },
    },
  },
  {
    slug: 'turku',
    kind: 'twin',
    country: 'FI',
    region: 'Egentliga Finland',
    lat: 60.4518,
    lon: 22.2666,
    population: 203000,
    website: 'https://www.turku.fi',
    since: 1946,
    texts: {
      sv: {
        name: 'Åbo',
        description:
          'Finlands äldsta stad, vid Aura ås mynning mot skärgården. Tvåspråkig stad och Göteborgs vänort sedan 1946.',
      },
      en: {
        name: 'Turku',
        description:
          "Finland's oldest city, where the Aura river meets the archipelago. A bilingual city, Gothenburg's twin city since 1946.",
      },
      da: { name: 'Turku' },
      nb: { name: 'Turku' },
      fi: { name: 'Turku' },
    },
  },
];

/** Partner cities (decided by the City Executive Board): one active, the rest dormant. */
export const DEMO_PARTNER_CITIES = [
  {
    slug: 'nelson-mandela-bay',
    name: 'Nelson Mandela Bay',
    country: 'ZA',
    region: 'Östra Kapprovinsen',
    lat: -33.9608,
    lon: 25.6022,
    status: 'active',
    since: 1999,
  },
  {
    slug: 'chicago',
    name: 'Chicago',
    country: 'US',
    region: 'Illinois',
    lat: 41.8781,
    lon: -87.6298,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'kiel',
    name: 'Kiel',
    country: 'DE',
    region: 'Schleswig-Holstein',
    lat: 54.3233,
    lon: 10.1228,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'krakow',
    name: 'Kraków',
    country: 'PL',
    region: 'Lillpolen',
    lat: 50.0647,
    lon: 19.945,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'lyon',
    name: 'Lyon',
    country: 'FR',
    region: 'Auvergne-Rhône-Alpes',
    lat: 45.764,
    lon: 4.8357,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'newcastle',
    name: 'Newcastle upon Tyne',
    country: 'GB',
    region: 'England',
    lat: 54.9783,
    lon: -1.6178,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'rostock',
    name: 'Rostock',
    country: 'DE',
    region: 'Mecklenburg-Vorpommern',
    lat: 54.0924,
    lon: 12.0991,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'shanghai',
    name: 'Shanghai',
    country: 'CN',
    region: null,
    lat: 31.2304,
    lon: 121.4737,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'tallinn',
    name: 'Tallinn',
    country: 'EE',
    region: 'Harjumaa',
    lat: 59.437,
    lon: 24.7536,
    status: 'dormant',
    since: null,
  },
  {
    slug: 'xian',
    name: "Xi'an",
    country: 'CN',
    region: 'Shaanxi',
    lat: 34.3416,
    lon: 108.9398,
    status: 'dormant',
    since: null,
  },
] as const;

/** Rotation order as seen in the meetings on record: Bergen 2013, Aarhus 2015, Gothenburg 2019. */
const CHAIN_ORDER = ['bergen', 'aarhus', 'turku', 'goteborg'];

/** The four cities of the chain, the partner cities and the chain itself. */
export async function seedCitiesDemo(ctx: DemoContext): Promise<void> {
  const { trx, now, cityIds } = ctx;
  const partners = DEMO_PARTNER_CITIES.map((p) => ({
    ...p,
    kind: 'partner' as const,
    population: null,
    website: null,
    texts: { sv: { name: p.name }, en: { name: p.name } },
  }));
  for (const c of [...DEMO_CITIES.map((d) => ({ ...d, status: 'active' as const })), ...partners]) {
    const id = await insertWithNewId(trx, 'city', {
      slug: c.slug,
      kind: c.kind,
      status: c.status,
      country_code: c.country,
      region: c.region,
      latitude: c.lat,
      longitude: c.lon,
      population: c.population,
      website: c.website,
      since_year: c.since,
      created_at: now,
      updated_at: now,
    });
    cityIds.set(c.slug, id);
    await trx
      .insertInto('city_translation')
      .values(
        Object.entries(c.texts).map(
          ([lang, text]: [string, { name: string; description?: string }]) => ({
            city_id: id,
            lang,
            name: text.name,
            description: text.description ?? null,
          }),
        ),
      )
      .execute();
  }

  const chainId = await insertWithNewId(trx, 'chain', {
    slug: 'nordic',
    interval_years: 2,
    since_year: 1946,
    created_at: now,
  });
  ctx.chainId = chainId;
  await trx
    .insertInto('chain_member')
    .values(
      CHAIN_ORDER.map((slug, i) => ({
        chain_id: chainId,
        city_id: cityIds.get(slug) ?? '',
        position: i + 1,
      })),
    )
    .execute();
}
