/**
 * The scale data set of issue 16 (`npm run bench:data`, bench/README.md, decision 029): on top
 * of the demo data, decades of twin-city work with realistic Swedish, Danish, Norwegian and
 * Finnish names and titles composed from word lists, inserted in batches. Deterministic: one
 * seeded generator (mulberry32) and fixed clock, so two runs of a size give the same rows.
 *
 *   small  ≈ a tenth of large          large (the benchmark's)            huge = 10× large
 *   meetings: 10 / 40 / 80 years (a meeting every second year, as the chain meets; huge goes
 *   back to 1946, the chain's first year, since the calendar has no 400 years to give).
 */
import type { Insertable } from 'kysely';
import type { Database, Db } from '../src/db/database.ts';
import { hashPassword } from '../src/modules/accounts/password.ts';
import { refreshIndex } from '../src/modules/search/index.ts';
import type {
  EvaluationFigures,
  PeriodFigures,
} from '../src/modules/evaluation/evaluation.figures.ts';
import { generate, random } from './generate.ts';

export type Size = 'small' | 'large' | 'huge';

export interface SizeSpec {
  meetingYears: number;
  organisations: number;
  collaborations: number;
  exchanges: number;
  news: number;
  users: number;
  campaigns: number;
  evaluations: number;
  /** Audit events (the audit log grows with every write). */
  auditEvents: number;
}

export const SIZES: Record<Size, SizeSpec> = {
  small: {
    meetingYears: 10,
    organisations: 20,
    collaborations: 1_000,
    exchanges: 10_000,
    news: 200,
    users: 50,
    campaigns: 4,
    evaluations: 2,
    auditEvents: 2_000,
  },
  large: {
    meetingYears: 40,
    organisations: 60,
    collaborations: 10_000,
    exchanges: 100_000,
    news: 2_000,
    users: 500,
    campaigns: 20,
    evaluations: 5,
    auditEvents: 20_000,
  },
  huge: {
    meetingYears: 80,
    organisations: 600,
    collaborations: 100_000,
    exchanges: 1_000_000,
    news: 20_000,
    users: 5_000,
    campaigns: 200,
    evaluations: 50,
    auditEvents: 200_000,
  },
};

const BATCH = 500;
/** The data set's "today": fixed, so runs are identical (the app's today is 2026-12-06). */
const NOW = '2026-12-01T09:00:00.000Z';
const THIS_YEAR = 2026;

// ---------------------------------------------------------------------------------------------
// Word lists

const FIRST = {
  sv: [
    'Anna',
    'Erik',
    'Karin',
    'Lars',
    'Maria',
    'Johan',
    'Eva',
    'Anders',
    'Sara',
    'Per',
    'Ingrid',
    'Mikael',
    'Elin',
    'Oskar',
    'Linnea',
    'Gustav',
    'Maja',
    'Nils',
  ],
  da: [
    'Mette',
    'Søren',
    'Anne',
    'Jens',
    'Lone',
    'Niels',
    'Camilla',
    'Rasmus',
    'Freja',
    'Mads',
    'Signe',
    'Troels',
  ],
  nb: [
    'Ingrid',
    'Ola',
    'Kari',
    'Håkon',
    'Solveig',
    'Torbjørn',
    'Sigrid',
    'Eirik',
    'Marit',
    'Øystein',
    'Ragnhild',
    'Vegard',
  ],
  fi: [
    'Aino',
    'Mikko',
    'Liisa',
    'Juha',
    'Sanna',
    'Timo',
    'Elina',
    'Pekka',
    'Riikka',
    'Ville',
    'Päivi',
    'Jussi',
  ],
} as const;
const LAST = {
  sv: [
    'Andersson',
    'Johansson',
    'Karlsson',
    'Nilsson',
    'Eriksson',
    'Larsson',
    'Olsson',
    'Persson',
    'Svensson',
    'Gustafsson',
    'Lindberg',
    'Bergström',
    'Lundqvist',
    'Håkansson',
  ],
  da: [
    'Jensen',
    'Nielsen',
    'Hansen',
    'Pedersen',
    'Sørensen',
    'Rasmussen',
    'Kjær',
    'Mikkelsen',
    'Thomsen',
    'Møller',
  ],
  nb: [
    'Hansen',
    'Johansen',
    'Olsen',
    'Larsen',
    'Andersen',
    'Haugen',
    'Solberg',
    'Bakken',
    'Fjeld',
    'Lie',
    'Dahl',
    'Strand',
  ],
  fi: [
    'Virtanen',
    'Korhonen',
    'Mäkinen',
    'Nieminen',
    'Mäkelä',
    'Hämäläinen',
    'Laine',
    'Heikkinen',
    'Koskinen',
    'Järvinen',
  ],
} as const;
type NameLang = keyof typeof FIRST;
const CITY_LANG: Record<string, NameLang> = {
  goteborg: 'sv',
  aarhus: 'da',
  bergen: 'nb',
  turku: 'fi',
};
const TITLES = {
  sv: [
    'kommunstyrelsens ordförande',
    'kommunalråd',
    'stadsdirektör',
    'internationell samordnare',
    'förvaltningschef',
    'ledamot i kommunfullmäktige',
    'tolk',
  ],
  da: [
    'borgmester',
    'rådmand',
    'kommunaldirektør',
    'international koordinator',
    'byrådsmedlem',
    'tolk',
  ],
  nb: [
    'ordfører',
    'byrådsleder',
    'kommunedirektør',
    'internasjonal koordinator',
    'bystyremedlem',
    'tolk',
  ],
  fi: [
    'pormestari',
    'apulaispormestari',
    'kaupunginjohtaja',
    'kansainvälisten asioiden koordinaattori',
    'kaupunginvaltuutettu',
    'tulkki',
  ],
} as const;

const ADMIN_STEMS = [
  'Stadsbyggnads',
  'Miljö',
  'Kultur',
  'Utbildnings',
  'Idrotts- och förenings',
  'Trafik',
  'Park- och natur',
  'Social resurs',
  'Äldre samt vård- och omsorgs',
  'Arbetsmarknads',
  'Fastighets',
  'Stadsmiljö',
  'Intraservice',
  'Konsument- och medborgarservice',
  'Grundskole',
  'Förskole',
  'Funktionsstöds',
  'Stadsledningskontorets',
];
const DISTRICTS = [
  'Nordost',
  'Centrum',
  'Sydväst',
  'Hisingen',
  'Angered',
  'Majorna-Linné',
  'Örgryte-Härlanda',
  'Västra Göteborg',
  'Askim-Frölunda-Högsbo',
  'Lundby',
];
const COMPANIES = [
  'Göteborg Energi',
  'Göteborgs Hamn',
  'Liseberg',
  'Got Event',
  'Business Region Göteborg',
  'Göteborgs Spårvägar',
  'Higab',
  'Bostadsbolaget',
  'Familjebostäder',
  'Poseidon',
  'Framtiden',
  'Göteborg & Co',
  'Renova',
  'Älvstranden Utveckling',
  'Boplats Göteborg',
  'Göteborgs Stadsteater',
  'Göteborgsoperan',
  'Kretslopp och vatten',
];

const PROGRAMME = {
  plenary: [
    'Öppning av vänortsmötet',
    'Plenum: städernas lägesrapporter',
    'Avslutning och överlämning till nästa värdstad',
    'Plenum: gemensamma beslut',
  ],
  seminar: [
    'Seminarium om klimatanpassning',
    'Seminarium: unga röster i staden',
    'Seminarium om hållbar mobilitet',
    'Seminarium: kultur som mötesplats',
    'Seminarium om digital förvaltning',
  ],
  study_visit: [
    'Studiebesök i hamnen',
    'Studiebesök på ett nytt bibliotek',
    'Studiebesök: skyfallsparken',
    'Studiebesök på en fritidsgård',
    'Studiebesök i det nya bostadsområdet',
  ],
  social: [
    'Middag i rådhuset',
    'Mottagning hos värdstaden',
    'Konsert med ungdomsorkestern',
    'Stadsvandring i gamla staden',
  ],
} as const;
const THEMES = [
  'Den hållbara staden',
  'Unga i staden',
  'Städer efter pandemin',
  'Hållbar mobilitet',
  'Den digitala staden',
  'Kultur och delaktighet',
  'Klimatanpassade hamnstäder',
  'Trygghet i offentliga rum',
  'Välfärd för äldre',
  'Demokrati och medborgardialog',
];
const VENUES: Record<string, string[]> = {
  goteborg: ['Göteborgs rådhus', 'Börsen', 'Eriksbergshallen', 'Stadsbiblioteket'],
  aarhus: ['Aarhus Rådhus', 'Dokk1', 'Musikhuset Aarhus'],
  bergen: ['Grieghallen', 'Bergen rådhus', 'Håkonshallen'],
  turku: ['Åbo slott', 'Åbo stadshus', 'Logomo'],
};

const NEWS_TOPICS = {
  sv: [
    'klimatanpassning',
    'skolutbyte',
    'hamnsamarbete',
    'kulturutbyte',
    'bibliotek',
    'ungdomsråd',
    'cykelstråk',
    'äldreomsorg',
    'öppna data',
    'idrottsläger',
  ],
  en: [
    'climate adaptation',
    'school exchange',
    'port cooperation',
    'cultural exchange',
    'libraries',
    'youth councils',
    'cycle routes',
    'care for older people',
    'open data',
    'sports camps',
  ],
  da: [
    'klimatilpasning',
    'skoleudveksling',
    'havnesamarbejde',
    'kulturudveksling',
    'biblioteker',
    'ungdomsråd',
    'cykelruter',
    'ældrepleje',
    'åbne data',
    'idrætslejre',
  ],
  nb: [
    'klimatilpasning',
    'skoleutveksling',
    'havnesamarbeid',
    'kulturutveksling',
    'bibliotek',
    'ungdomsråd',
    'sykkelveier',
    'eldreomsorg',
    'åpne data',
    'idrettsleirer',
  ],
  fi: [
    'ilmastonmuutokseen sopeutuminen',
    'koulujen vaihto',
    'satamayhteistyö',
    'kulttuurivaihto',
    'kirjastot',
    'nuorisovaltuustot',
    'pyöräreitit',
    'vanhustenhoito',
    'avoin data',
    'urheiluleirit',
  ],
} as const;
type NewsLang = keyof typeof NEWS_TOPICS;
const CITY_NAMES: Record<NewsLang, Record<string, string>> = {
  sv: { aarhus: 'Århus', bergen: 'Bergen', turku: 'Åbo' },
  en: { aarhus: 'Aarhus', bergen: 'Bergen', turku: 'Turku' },
  da: { aarhus: 'Aarhus', bergen: 'Bergen', turku: 'Åbo' },
  nb: { aarhus: 'Aarhus', bergen: 'Bergen', turku: 'Åbo' },
  fi: { aarhus: 'Aarhus', bergen: 'Bergen', turku: 'Turku' },
};
const GOTHENBURG: Record<NewsLang, string> = {
  sv: 'Göteborg',
  en: 'Gothenburg',
  da: 'Göteborg',
  nb: 'Göteborg',
  fi: 'Göteborg',
};
const NEWS_TEXT: Record<
  NewsLang,
  (city: string, gbg: string, topic: string) => { title: string; summary: string; body: string }
> = {
  sv: (c, g, t) => ({
    title: `${c} och ${g} samarbetar om ${t}`,
    summary: `Ett nytt samarbete mellan ${g} och vänorten ${c}.`,
    body: `${g} och ${c} har kommit överens om att arbeta tillsammans med ${t}. Förvaltningarna träffas under våren för att jämföra arbetssätt.\n\nErfarenheterna redovisas vid nästa vänortsmöte.`,
  }),
  en: (c, g, t) => ({
    title: `${c} and ${g} work together on ${t}`,
    summary: `A new collaboration between ${g} and its twin city ${c}.`,
    body: `${g} and ${c} have agreed to work together on ${t}. The departments meet in the spring to compare how they work.\n\nThe experience will be reported at the next twin-city meeting.`,
  }),
  da: (c, g, t) => ({
    title: `${c} og ${g} samarbejder om ${t}`,
    summary: `Et nyt samarbejde mellem ${g} og venskabsbyen ${c}.`,
    body: `${g} og ${c} er blevet enige om at arbejde sammen om ${t}. Forvaltningerne mødes i foråret for at sammenligne arbejdsgange.\n\nErfaringerne fremlægges på det næste venskabsbymøde.`,
  }),
  nb: (c, g, t) => ({
    title: `${c} og ${g} samarbeider om ${t}`,
    summary: `Et nytt samarbeid mellom ${g} og vennskapsbyen ${c}.`,
    body: `${g} og ${c} er blitt enige om å arbeide sammen om ${t}. Etatene møtes i vår for å sammenligne arbeidsmåter.\n\nErfaringene legges fram på neste vennskapsbymøte.`,
  }),
  fi: (c, g, t) => ({
    title: `${c} ja ${g} tekevät yhteistyötä: ${t}`,
    summary: `Uusi yhteistyö ${g}in ja ystävyyskaupunki ${c}n välillä.`,
    body: `${g} ja ${c} ovat sopineet yhteistyöstä aiheena ${t}. Virastot tapaavat keväällä vertaillakseen työtapojaan.\n\nKokemuksista kerrotaan seuraavassa ystävyyskaupunkikokouksessa.`,
  }),
};

// ---------------------------------------------------------------------------------------------

const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)]!;
const pad = (n: number, width = 7) => String(n).padStart(width, '0');
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const day = (year: number, rnd: () => number) =>
  isoDay(new Date(Date.UTC(year, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28))));
const slugify = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const html = (markdown: string) =>
  markdown
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');

async function insertBatches<T extends keyof Database>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await db.kysely.insertInto(table).values(chunk).execute();
  }
}

function personName(rnd: () => number, lang: NameLang): string {
  return `${pick(rnd, FIRST[lang])} ${pick(rnd, LAST[lang])}`;
}

export interface ScaleResult {
  size: Size;
  rows: Record<string, number>;
  seconds: Record<string, number>;
}

/**
 * Adds the scale data set of `size` to a migrated database that holds the demo data, then
 * brings the portal search's index up to date (the data generations are raised by the
 * triggers of every insert, so no page cache or read cache can serve an older page).
 */
export async function generateScale(
  db: Db,
  size: Size,
  onProgress: (line: string) => void = () => {},
): Promise<ScaleResult> {
  const spec = SIZES[size];
  const rnd = random(16_2026);
  const k = db.kysely;
  const rows: Record<string, number> = {};
  const seconds: Record<string, number> = {};
  const step = async (name: string, work: () => Promise<void>) => {
    const t0 = performance.now();
    await work();
    seconds[name] = Number(((performance.now() - t0) / 1000).toFixed(2));
    onProgress(`${name}: ${seconds[name]} s`);
  };

  const cities = await k.selectFrom('city').select(['id', 'slug', 'kind', 'status']).execute();
  const cityBySlug = new Map(cities.map((c) => [c.slug, c.id]));
  const twins = cities.filter((c) => c.kind === 'twin' && c.status === 'active');
  const chain = await k
    .selectFrom('chain')
    .select(['id', 'since_year', 'interval_years'])
    .where('slug', '=', 'nordic')
    .executeTakeFirstOrThrow();
  const members = await k
    .selectFrom('chain_member')
    .innerJoin('city', 'city.id', 'chain_member.city_id')
    .select(['city.id', 'city.slug'])
    .where('chain_member.chain_id', '=', chain.id)
    .orderBy('chain_member.position')
    .execute();

  // Organisations: the city's administrations, district committees and companies.
  await step('organisations', async () => {
    const existing = await k.selectFrom('organisation').select(['slug']).execute();
    const slugs = new Set(existing.map((o) => o.slug));
    const names = [
      ...ADMIN_STEMS.map((s) => `${s}förvaltningen`),
      ...DISTRICTS.map((d) => `Stadsområde ${d}`),
      ...COMPANIES.map((c) => `${c} AB`),
    ];
    const orgs: Insertable<Database['organisation']>[] = [];
    for (let i = 0; orgs.length + existing.length < spec.organisations; i++) {
      const base = names[i % names.length]!;
      const name = i < names.length ? base : `${base} ${Math.floor(i / names.length) + 1}`;
      const slug = slugify(name);
      if (slugs.has(slug)) continue;
      slugs.add(slug);
      orgs.push({
        id: `bench-o-${pad(i, 4)}`,
        slug,
        name,
        kind: name.endsWith(' AB') || name.includes(' AB ') ? 'company' : 'administration',
        email: `${slug.slice(0, 40)}@goteborg.se`,
        active: rnd() < 0.95 ? 1 : 0,
        created_at: NOW,
        updated_at: NOW,
      });
    }
    await insertBatches(db, 'organisation', orgs);
    rows.organisation = existing.length + orgs.length;
  });
  const orgs = await k
    .selectFrom('organisation')
    .select(['id', 'slug'])
    .where('active', '=', 1)
    .execute();

  // Users: reporters of the organisations, staff, a few coordinators, partners of each twin city.
  const userIds: string[] = [];
  await step('users', async () => {
    const hash = await hashPassword('vanort-bench-2026');
    const users: Insertable<Database['app_user']>[] = [];
    const roles: Insertable<Database['user_role']>[] = [];
    for (let i = 1; i <= spec.users; i++) {
      const r = rnd();
      const twin = pick(rnd, twins);
      const role =
        r < 0.6
          ? 'reporter'
          : r < 0.9
            ? 'staff'
            : r < 0.95
              ? 'partner'
              : r < 0.98
                ? 'coordinator'
                : 'council';
      const lang = role === 'partner' ? (CITY_LANG[twin.slug] ?? 'sv') : 'sv';
      const name = personName(rnd, lang);
      const id = `bench-u-${pad(i, 6)}`;
      userIds.push(id);
      users.push({
        id,
        email: `${slugify(name).replace(/-/g, '.')}.${i}@${role === 'partner' ? `${twin.slug}.example` : 'goteborg.se'}`,
        name,
        password_hash: hash,
        active: rnd() < 0.93 ? 1 : 0,
        totp_secret: null,
        totp_enabled: 0,
        oidc_subject: null,
        last_login_at:
          rnd() < 0.7 ? `${day(2020 + Math.floor(rnd() * 7), rnd)}T08:00:00.000Z` : null,
        language: role === 'partner' ? (lang === 'sv' ? 'en' : lang) : rnd() < 0.9 ? 'sv' : 'en',
        created_at: NOW,
        updated_at: NOW,
      });
      roles.push({
        user_id: id,
        role,
        organisation_id: role === 'reporter' ? pick(rnd, orgs).id : null,
        city_id: role === 'partner' ? twin.id : null,
      });
    }
    await insertBatches(db, 'app_user', users);
    await insertBatches(db, 'user_role', roles);
    rows.app_user = users.length;
  });

  // Meetings every second year with programmes, seminars, outcomes and delegations.
  await step('meetings', async () => {
    const taken = new Set(
      (await k.selectFrom('meeting').select('year').where('chain_id', '=', chain.id).execute()).map(
        (m) => m.year,
      ),
    );
    const first = Math.max(chain.since_year, THIS_YEAR - spec.meetingYears + 1);
    const meetings: Insertable<Database['meeting']>[] = [];
    const items: Insertable<Database['meeting_programme_item']>[] = [];
    const seminars: Insertable<Database['meeting_seminar']>[] = [];
    const outcomes: Insertable<Database['meeting_outcome']>[] = [];
    const delegations: Insertable<Database['delegation']>[] = [];
    const delegates: Insertable<Database['delegation_member']>[] = [];
    for (let year = first; year < THIS_YEAR; year++) {
      if ((year - chain.since_year) % chain.interval_years !== 0 || taken.has(year)) continue;
      const host = members[((year - chain.since_year) / chain.interval_years) % members.length]!;
      const id = `bench-m-${year}`;
      const start = new Date(Date.UTC(year, 4 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 25)));
      const end = new Date(start.getTime() + 86_400_000);
      const status = rnd() < 0.95 ? 'held' : 'cancelled';
      meetings.push({
        id,
        chain_id: chain.id,
        year,
        host_city_id: host.id,
        start_date: isoDay(start),
        end_date: isoDay(end),
        venue: pick(rnd, VENUES[host.slug] ?? ['Rådhuset']),
        theme: pick(rnd, THEMES),
        status,
        created_at: NOW,
        updated_at: NOW,
      });
      if (status !== 'held') continue;
      let n = 0;
      for (const d of [start, end]) {
        for (const [kind, from, to] of [
          ['plenary', '09:00', '10:30'],
          ['seminar', '11:00', '12:00'],
          ['study_visit', '13:30', '16:00'],
          ['social', '19:00', '22:00'],
        ] as const) {
          const itemId = `${id}-p${++n}`;
          items.push({
            id: itemId,
            meeting_id: id,
            day: isoDay(d),
            starts_at: from,
            ends_at: to,
            kind,
            title: pick(rnd, PROGRAMME[kind]),
            location: pick(rnd, VENUES[host.slug] ?? ['Rådhuset']),
            description: null,
            created_at: NOW,
            updated_at: NOW,
          });
          if (kind === 'seminar')
            seminars.push({
              id: `${itemId}-s`,
              meeting_id: id,
              programme_item_id: itemId,
              title: pick(rnd, PROGRAMME.seminar),
              topic_area: pick(rnd, THEMES),
              speakers: `${personName(rnd, CITY_LANG[host.slug] ?? 'sv')}, ${personName(rnd, 'sv')}`,
              description: null,
              created_at: NOW,
              updated_at: NOW,
            });
        }
      }
      for (let o = 0; o < 3; o++)
        outcomes.push({
          id: `${id}-o${o}`,
          meeting_id: id,
          kind: pick(rnd, ['decision', 'information', 'action']),
          text: `Vänorterna enades om att fortsätta arbetet med ${pick(rnd, NEWS_TOPICS.sv)}.`,
          responsible_city_id: rnd() < 0.5 ? pick(rnd, members).id : null,
          due_on: null,
          closed_on: year < THIS_YEAR - 2 ? `${year + 2}-06-01` : null,
          closed_in_meeting_id: null,
          closing_note: null,
          created_at: NOW,
          updated_at: NOW,
        });
      for (const member of members) {
        const delegationId = `${id}-d-${member.slug}`;
        delegations.push({
          id: delegationId,
          meeting_id: id,
          city_id: member.id,
          status: 'confirmed',
          presidium_decision_on: null,
          note: null,
          confirmed_by: null,
          confirmed_at: NOW,
          created_at: NOW,
          updated_at: NOW,
        });
        const lang = CITY_LANG[member.slug] ?? 'sv';
        const size = 5 + Math.floor(rnd() * 8);
        for (let p = 1; p <= size; p++)
          delegates.push({
            id: `${delegationId}-${p}`,
            delegation_id: delegationId,
            position: p,
            name: personName(rnd, lang),
            title: pick(rnd, TITLES[lang]),
            affiliation: null,
            dietary_needs: null,
            access_needs: null,
            travel: null,
            phone: null,
            // Held meetings: personal logistics erased after the meeting (policy).
            logistics_erased_at: NOW,
            created_at: NOW,
            updated_at: NOW,
          });
      }
    }
    await insertBatches(db, 'meeting', meetings);
    await insertBatches(db, 'meeting_programme_item', items);
    await insertBatches(db, 'meeting_seminar', seminars);
    await insertBatches(db, 'meeting_outcome', outcomes);
    await insertBatches(db, 'delegation', delegations);
    await insertBatches(db, 'delegation_member', delegates);
    Object.assign(rows, {
      meeting: meetings.length,
      meeting_programme_item: items.length,
      delegation_member: delegates.length,
    });
  });

  // Collaborations and exchanges (with their knowledge-bank documents): bench/generate.ts.
  await step('collaborations and exchanges', async () => {
    await generate(db, {
      collaborations: spec.collaborations,
      exchanges: spec.exchanges,
      seed: 2026,
      now: NOW,
    });
    rows.collaboration = spec.collaborations;
    rows.exchange = spec.exchanges;
  });

  // News in Swedish, most also in English, many in the twin city's language.
  await step('news', async () => {
    const items: Insertable<Database['news_item']>[] = [];
    const texts: Insertable<Database['news_translation']>[] = [];
    const links: Insertable<Database['news_link']>[] = [];
    for (let i = 1; i <= spec.news; i++) {
      const id = `bench-n-${pad(i, 6)}`;
      const twin = pick(
        rnd,
        members.filter((m) => m.slug !== 'goteborg'),
      );
      const topic = Math.floor(rnd() * NEWS_TOPICS.sv.length);
      const when = `${day(THIS_YEAR - Math.floor(rnd() * 15), rnd)}T07:30:00.000Z`;
      const r = rnd();
      const status =
        r < 0.9 ? 'published' : r < 0.95 ? 'draft' : r < 0.98 ? 'withdrawn' : 'scheduled';
      items.push({
        id,
        status,
        publish_at:
          status === 'draft' ? null : status === 'scheduled' ? '2027-01-15T07:30:00.000Z' : when,
        published_at: status === 'published' || status === 'withdrawn' ? when : null,
        created_by: null,
        updated_by: null,
        created_at: when,
        updated_at: when,
      });
      const langs: NewsLang[] = ['sv'];
      if (rnd() < 0.7) langs.push('en');
      if (rnd() < 0.5) langs.push(CITY_LANG[twin.slug] as NewsLang);
      for (const lang of langs) {
        const text = NEWS_TEXT[lang](
          CITY_NAMES[lang][twin.slug] ?? twin.slug,
          GOTHENBURG[lang],
          NEWS_TOPICS[lang][topic]!,
        );
        texts.push({
          news_id: id,
          lang,
          title: text.title,
          summary: text.summary,
          body_markdown: text.body,
          body_html: html(text.body),
          updated_at: when,
        });
      }
      links.push({ news_id: id, target_kind: 'city', target_id: cityBySlug.get(twin.slug)! });
    }
    await insertBatches(db, 'news_item', items);
    await insertBatches(db, 'news_translation', texts);
    await insertBatches(db, 'news_link', links);
    rows.news_item = items.length;
    rows.news_translation = texts.length;
  });

  // Yearly reporting campaigns (inventories) to every organisation, the newest open.
  await step('campaigns', async () => {
    const campaigns: Insertable<Database['campaign']>[] = [];
    const asked: Insertable<Database['campaign_organisation']>[] = [];
    for (let i = 0; i < spec.campaigns; i++) {
      const year = THIS_YEAR - 1 - (i % 40);
      const round = Math.floor(i / 40);
      const id = `bench-k-${pad(i, 4)}`;
      const open = i === 0;
      campaigns.push({
        id,
        title: `Inventering av vänortsarbetet ${year}${round ? ` (omgång ${round + 1})` : ''}`,
        period_from: `${year}-01-01`,
        period_to: `${year}-12-31`,
        deadline: open ? '2027-01-31' : `${year + 1}-01-31`,
        message: 'Bekräfta er förvaltnings samarbeten och utbyten för året.',
        status: open ? 'open' : 'closed',
        created_by: null,
        created_at: `${year}-12-01T08:00:00.000Z`,
        closed_at: open ? null : `${year + 1}-02-15T08:00:00.000Z`,
        closed_by: null,
      });
      for (const org of orgs) {
        const r = rnd();
        const answer = open
          ? r < 0.3
            ? 'confirmed'
            : null
          : r < 0.75
            ? 'confirmed'
            : r < 0.9
              ? 'no_activity'
              : null;
        asked.push({
          campaign_id: id,
          organisation_id: org.id,
          answer,
          comment: null,
          answered_at: answer ? `${year + 1}-01-20T10:00:00.000Z` : null,
          answered_by: null,
          snapshot: null,
          reminded_at: null,
          overdue_reminded_at: null,
        });
      }
    }
    await insertBatches(db, 'campaign', campaigns);
    await insertBatches(db, 'campaign_organisation', asked);
    rows.campaign = campaigns.length;
    rows.campaign_organisation = asked.length;
  });

  // Evaluations, each approved and published once (the public reports).
  await step('evaluations', async () => {
    const evaluations: Insertable<Database['evaluation']>[] = [];
    const versions: Insertable<Database['evaluation_version']>[] = [];
    for (let i = 0; i < spec.evaluations; i++) {
      const end = THIS_YEAR - 1 - 2 * (i % 40);
      const period = { start: `${end - 1}-07-01`, end: `${end + 1}-06-30` };
      const id = `bench-v-${pad(i, 4)}`;
      const sections = {
        summary: `Vänortsarbetet ${end - 1}–${end + 1} i sammanfattning.`,
        analysis:
          'Samarbetena med Bergen och Åbo ökade, utbytena med Århus var färre än förra perioden.',
        conclusions: 'Policyn följs; två förvaltningar har inte rapporterat.',
        recommendations: 'Följ upp de öppna åtagandena från mötet och bjud in fler skolor.',
        summary_en: `The twin-city work of ${end - 1}–${end + 1} in summary.`,
      };
      evaluations.push({
        id,
        chain_id: chain.id,
        meeting_id: null,
        title: `Utvärdering av vänortsarbetet ${end - 1}–${end + 1}`,
        period_start: period.start,
        period_end: period.end,
        due_on: `${end + 1}-10-31`,
        status: 'approved',
        ...sections,
        approved_version: 1,
        reminder_before_sent_at: null,
        reminder_after_sent_at: null,
        created_by: null,
        updated_by: null,
        created_at: NOW,
        updated_at: NOW,
      });
      versions.push({
        id: `${id}-1`,
        evaluation_id: id,
        number: 1,
        title: `Utvärdering av vänortsarbetet ${end - 1}–${end + 1}`,
        period_start: period.start,
        period_end: period.end,
        sections_json: JSON.stringify(sections),
        figures_json: JSON.stringify(figures(period, rnd)),
        approved_by: null,
        approved_at: `${end + 1}-11-15T10:00:00.000Z`,
        published_at: `${end + 1}-11-20T10:00:00.000Z`,
        published_by: null,
      });
    }
    await insertBatches(db, 'evaluation', evaluations);
    await insertBatches(db, 'evaluation_version', versions);
    rows.evaluation = evaluations.length;
  });

  // The audit log: submissions and acknowledgements over the years.
  await step('audit events', async () => {
    const events: Insertable<Database['audit_event']>[] = [];
    for (let i = 1; i <= spec.auditEvents; i++) {
      const action = pick(rnd, ['create', 'update', 'submit', 'acknowledge', 'login']);
      events.push({
        id: `bench-a-${pad(i, 7)}`,
        occurred_at: `${day(2012 + Math.floor(rnd() * 15), rnd)}T${String(7 + Math.floor(rnd() * 10)).padStart(2, '0')}:15:00.000Z`,
        actor_user_id: userIds.length ? pick(rnd, userIds) : null,
        actor_label: 'bench',
        ip: '127.0.0.1',
        entity:
          action === 'login'
            ? 'session'
            : pick(rnd, ['collaboration', 'exchange', 'news_item', 'meeting']),
        entity_id: null,
        action,
        changes: '{}',
      });
    }
    await insertBatches(db, 'audit_event', events);
    rows.audit_event = events.length;
  });

  await step('search index', async () => {
    await refreshIndex(db);
  });
  return { size, rows, seconds };
}

/** A compact, valid EvaluationFigures of plausible sums. */
function figures(period: { start: string; end: string }, rnd: () => number): EvaluationFigures {
  const count = (key: string, label: string, max: number) => ({
    key,
    label,
    value: Math.floor(rnd() * max),
  });
  const current: PeriodFigures = {
    period,
    meetings: [],
    collaborations: {
      total: 400 + Math.floor(rnd() * 200),
      new: 80 + Math.floor(rnd() * 40),
      ongoing: 200,
      finished: 120,
      byCity: [
        count('bergen', 'Bergen', 200),
        count('aarhus', 'Århus', 200),
        count('turku', 'Åbo', 200),
      ],
      byArea: [count('culture', 'Kultur', 100), count('school', 'Skola', 100)],
      byOrganisation: [],
      byKind: [count('project', 'Projekt', 150), count('network', 'Nätverk', 80)],
      byStatus: [count('ongoing', 'Pågående', 200), count('completed', 'Avslutat', 150)],
    },
    exchanges: {
      total: 3000 + Math.floor(rnd() * 2000),
      participants: 30_000,
      byCity: [
        count('bergen', 'Bergen', 2000),
        count('aarhus', 'Århus', 2000),
        count('turku', 'Åbo', 2000),
      ],
      byDirection: [count('visit_to', 'Besök till', 2000), count('visit_from', 'Besök från', 2000)],
    },
    campaigns: [],
    decisions: { total: 0, byKind: [], items: [] },
    news: { published: 100 + Math.floor(rnd() * 50) },
    newsletters: { sent: 12, recipients: 800 },
  };
  return { compiledAt: NOW, current, previous: null, flags: [] };
}
