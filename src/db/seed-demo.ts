import type { Transaction } from 'kysely';
import type { Database, Db } from './database.ts';
import { DEMO_DATA_KEY, findSetting, upsertSetting } from './settings.ts';
import { nowIso } from '../shared/dates.ts';
import { newId } from '../shared/ids.ts';
import { hashPassword } from '../modules/accounts/password.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { seedMeetingsDemo } from '../modules/meetings/meeting.demo.ts';
import { seedDelegationDemo } from '../modules/meetings/delegation.demo.ts';
import { seedCollaborationDemo } from '../modules/collaborations/collaboration.demo.ts';
import { seedCampaignDemo } from '../modules/collaborations/campaign.demo.ts';

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
        name: 'Århus',
        description:
          'Danmarks näst största stad, på Jyllands östkust. Universitets- och hamnstad och Göteborgs vänort sedan 1946.',
      },
      en: {
        name: 'Aarhus',
        description:
          "Denmark's second city, on the east coast of Jutland. A university and port city, Gothenburg's twin city since 1946.",
      },
      da: { name: 'Aarhus' },
      nb: { name: 'Århus' },
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

export const DEMO_ORGANISATIONS = [
  {
    slug: 'stadsledningskontoret',
    name: 'Stadsledningskontoret',
    kind: 'administration',
    email: 'stadsledningskontoret@example.org',
  },
  {
    slug: 'kulturforvaltningen',
    name: 'Kulturförvaltningen',
    kind: 'administration',
    email: 'kultur@example.org',
  },
  {
    slug: 'utbildningsforvaltningen',
    name: 'Utbildningsförvaltningen',
    kind: 'administration',
    email: 'utbildning@example.org',
  },
  {
    slug: 'stadsbyggnadskontoret',
    name: 'Stadsbyggnadskontoret',
    kind: 'administration',
    email: 'stadsbyggnad@example.org',
  },
  {
    slug: 'idrotts-och-foreningsforvaltningen',
    name: 'Idrotts- och föreningsförvaltningen',
    kind: 'administration',
    email: 'idrott@example.org',
  },
  {
    slug: 'goteborg-energi',
    name: 'Göteborg Energi AB',
    kind: 'company',
    email: 'info@example.org',
  },
  { slug: 'liseberg', name: 'Liseberg AB', kind: 'company', email: 'liseberg@example.org' },
  { slug: 'goteborgs-hamn', name: 'Göteborgs Hamn AB', kind: 'company', email: 'hamn@example.org' },
] as const;

const DEMO_MEETINGS = [
  { year: 2013, host: 'bergen', start: null, end: null },
  { year: 2015, host: 'aarhus', start: null, end: null },
  { year: 2019, host: 'goteborg', start: '2019-11-14', end: '2019-11-15' },
  // Gothenburg's next turn (P3): planned, with a host plan in progress (issue 5 demo data).
  {
    year: 2027,
    host: 'goteborg',
    start: '2027-09-14',
    end: '2027-09-16',
    status: 'planned',
    venue: 'Göteborgs konserthus, Götaplatsen',
    theme: 'Klimatanpassade och inkluderande städer',
  },
] as const;

/** The demo password of every demo account (listed in the README; never in production). */
export const DEMO_PASSWORD = 'vanort-demo-2026';

/** One demo account per role. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@vanort.example', name: 'Alva Admin', role: 'admin' },
  { email: 'samordnare@vanort.example', name: 'Sara Samordnare', role: 'coordinator' },
  {
    email: 'rapportor@vanort.example',
    name: 'Rasmus Rapportör',
    role: 'reporter',
    organisation: 'kulturforvaltningen',
  },
  { email: 'presidiet@vanort.example', name: 'Per Presidiet', role: 'presidium' },
  { email: 'sekretariatet@vanort.example', name: 'Selma Sekretariatet', role: 'council' },
  { email: 'bergen@vanort.example', name: 'Bjørn Bergen', role: 'partner', city: 'bergen' },
  { email: 'medarbetare@vanort.example', name: 'Maja Medarbetare', role: 'staff' },
] as const;

/** What a module's demo seeder gets: the transaction and the ids of what is seeded before it. */
export interface DemoContext {
  trx: Transaction<Database>;
  now: string;
  chainId: string;
  /** City id by slug (goteborg, aarhus, bergen, turku and the partner cities). */
  cityIds: ReadonlyMap<string, string>;
  /** Organisation id by slug. */
  orgIds: ReadonlyMap<string, string>;
  /** Demo user id by e-mail. */
  userIds: ReadonlyMap<string, string>;
}

export interface SeedResult {
  seeded: boolean;
  reason?: 'already-present' | 'not-empty';
}

/** Seeds the demo data in one transaction; does nothing when the registry already has cities. */
export async function seedDemo(db: Db): Promise<SeedResult> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.kysely.transaction().execute(async (trx) => {
    if ((await findSetting(trx, DEMO_DATA_KEY)) === 'true') {
      return { seeded: false, reason: 'already-present' };
    }
    const existing = await trx.selectFrom('city').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false, reason: 'not-empty' };

    const now = nowIso();
    const cityIds = new Map<string, string>();
    for (const c of DEMO_CITIES) {
      const id = newId();
      cityIds.set(c.slug, id);
      await trx
        .insertInto('city')
        .values({
          id,
          slug: c.slug,
          kind: c.kind,
          status: 'active',
          country_code: c.country,
          region: c.region,
          latitude: c.lat,
          longitude: c.lon,
          population: c.population,
          website: c.website,
          since_year: c.since,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('city_translation')
        .values(
          Object.entries(c.texts).map(([lang, text]) => ({
            city_id: id,
            lang,
            name: text.name,
            description: text.description ?? null,
          })),
        )
        .execute();
    }

    for (const p of DEMO_PARTNER_CITIES) {
      const id = newId();
      cityIds.set(p.slug, id);
      await trx
        .insertInto('city')
        .values({
          id,
          slug: p.slug,
          kind: 'partner',
          status: p.status,
          country_code: p.country,
          region: p.region,
          latitude: p.lat,
          longitude: p.lon,
          population: null,
          website: null,
          since_year: p.since,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('city_translation')
        .values(
          ['sv', 'en'].map((lang) => ({ city_id: id, lang, name: p.name, description: null })),
        )
        .execute();
    }

    // The decisions behind the relations, as historical records (no § or case number).
    const historical = [
      {
        body: 'KF',
        date: '1946-01-01',
        title:
          'Nordiskt vänortssamarbete med Århus, Bergen och Åbo (historisk uppgift, datum ungefärligt)',
        cities: ['aarhus', 'bergen', 'turku'],
      },
      {
        body: 'KS',
        date: '1999-01-01',
        title:
          'Partnerskap med Port Elizabeth, i dag Nelson Mandela Bay (historisk uppgift, datum ungefärligt)',
        cities: ['nelson-mandela-bay'],
      },
    ];
    for (const h of historical) {
      const decisionId = newId();
      await trx
        .insertInto('council_decision')
        .values({
          id: decisionId,
          body: h.body,
          meeting_date: h.date,
          section: null,
          case_number: null,
          title: h.title,
          outcome: 'approved',
          link: null,
          document_id: null,
          final_on: null,
          historical: 1,
          supersedes_id: null,
          proposal_id: null,
          recorded_by: null,
          created_at: now,
        })
        .execute();
      for (const slug of h.cities) {
        const partner = DEMO_PARTNER_CITIES.find((c) => c.slug === slug);
        await trx
          .insertInto('city_status_change')
          .values({
            id: newId(),
            city_id: cityIds.get(slug) ?? '',
            changed_on: h.date,
            from_status: null,
            to_status: 'active',
            from_kind: null,
            to_kind: partner ? 'partner' : 'twin',
            decision_id: decisionId,
            note: 'historical',
            created_at: now,
          })
          .execute();
      }
    }

    const chainId = newId();
    await trx
      .insertInto('chain')
      .values({ id: chainId, slug: 'nordic', interval_years: 2, since_year: 1946, created_at: now })
      .execute();
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

    await trx
      .insertInto('organisation')
      .values(
        DEMO_ORGANISATIONS.map((o) => ({
          id: newId(),
          slug: o.slug,
          name: o.name,
          kind: o.kind,
          email: o.email,
          active: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();

    await trx
      .insertInto('meeting')
      .values(
        DEMO_MEETINGS.map((m) => ({
          id: newId(),
          chain_id: chainId,
          year: m.year,
          host_city_id: cityIds.get(m.host) ?? '',
          start_date: m.start,
          end_date: m.end,
          venue: 'venue' in m ? m.venue : null,
          theme: 'theme' in m ? m.theme : null,
          status: 'status' in m ? m.status : 'held',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();

    const orgIds = new Map(
      (await trx.selectFrom('organisation').select(['id', 'slug']).execute()).map((o) => [
        o.slug,
        o.id,
      ]),
    );
    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const id = newId();
      userIds.set(account.email, id);
      await trx
        .insertInto('app_user')
        .values({
          id,
          email: account.email,
          name: account.name,
          password_hash: passwordHash,
          active: 1,
          totp_secret: null,
          totp_enabled: 0,
          oidc_subject: null,
          last_login_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx
        .insertInto('user_role')
        .values({
          user_id: id,
          role: account.role,
          organisation_id:
            'organisation' in account ? (orgIds.get(account.organisation) ?? null) : null,
          city_id: 'city' in account ? (cityIds.get(account.city) ?? null) : null,
        })
        .execute();
    }
    // Each module seeds its own demo data from its `*.demo.ts`, one line each below.
    const context: DemoContext = { trx, now, chainId, cityIds, orgIds, userIds };
    void context;
    await seedMeetingsDemo(context);
    await seedDelegationDemo(context);
    await seedCollaborationDemo(context);
    // After the collaborations' demo line: the campaign's answers confirm their lists.
    await seedCampaignDemo(context);

    await recordAudit(
      trx,
      { userId: null, label: 'demo-seed', ip: null },
      {
        entity: 'demo',
        entityId: null,
        action: 'seed',
        changes: {
          accounts: { before: null, after: DEMO_ACCOUNTS.map((a) => a.email).join(', ') },
        },
      },
    );

    await upsertSetting(trx, DEMO_DATA_KEY, 'true');
    return { seeded: true };
  });
}

export async function hasDemoData(db: Db): Promise<boolean> {
  return (await findSetting(db.kysely, DEMO_DATA_KEY)) === 'true';
}
