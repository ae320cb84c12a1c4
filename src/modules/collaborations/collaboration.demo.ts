import type { DemoContext } from '../../platform/demo.ts';
import { newId } from '../../shared/ids.ts';
import * as areaRepo from './area.repository.ts';
import { ensureDefaultAreas } from './area.service.ts';
import * as repo from './collaboration.repository.ts';
import * as exchangeRepo from './exchange.repository.ts';
import * as reviewRepo from './review.repository.ts';
import { indexExchange } from './exchange.service.ts';
import { collaborationSearchDocument } from './search-document.ts';

type State = 'acknowledged' | 'submitted' | 'returned';

interface DemoCollaboration {
  key: string;
  org: string;
  title: string;
  cities: string[];
  areas: string[];
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  goals: string;
  results: string | null;
  contact: string;
  funding?: [string, string | null, number | null];
  tags: string;
  visibility?: 'public' | 'internal';
  state?: State;
  comment?: string;
}

const COLLABORATIONS: DemoCollaboration[] = [
  {
    key: 'camp',
    org: 'utbildningsforvaltningen',
    title: 'Lägerskola för elever i årskurs 9',
    cities: ['aarhus', 'bergen', 'turku'],
    areas: ['school'],
    kind: 'project',
    status: 'ongoing',
    startsOn: '2019-08-15',
    endsOn: null,
    goals:
      'En vecka varje år där elever i årskurs 9 från de fyra vänorterna bor och arbetar tillsammans på lägerskola, med fokus på nordiskt språkförståelse och demokrati.',
    results:
      'Över 600 elever har deltagit sedan starten. Eleverna förstår grannspråken bättre och lärarna har byggt ett nätverk för gemensamma lektionsupplägg.',
    contact: 'Lina Lärare',
    funding: ['own_budget', null, 450000],
    tags: 'Barn och unga, Nordiskt samarbete',
  },
  {
    key: 'conference',
    org: 'utbildningsforvaltningen',
    title: 'Gymnasiekonferens om hållbarhet',
    cities: ['aarhus', 'bergen', 'turku'],
    areas: ['school', 'urban-development-and-climate'],
    kind: 'network',
    status: 'completed',
    startsOn: '2024-03-04',
    endsOn: '2024-03-06',
    goals:
      'Gymnasieelever från vänorterna möts för att diskutera klimatanpassning och hållbar stadsutveckling och presentera egna förslag för politiker.',
    results: 'Tjugo elevförslag lämnades till de fyra städernas kommunstyrelser.',
    contact: 'Gustav Gymnasiechef',
    funding: ['eu_programme', 'Erasmus+', 820000],
    tags: 'Barn och unga, Hållbar stad',
  },
  {
    key: 'climate',
    org: 'stadsbyggnadskontoret',
    title: 'Klimatanpassning i stadsplaneringen',
    cities: ['aarhus', 'bergen'],
    areas: ['urban-development-and-climate'],
    kind: 'knowledge_exchange',
    status: 'ongoing',
    startsOn: '2023-01-10',
    endsOn: '2027-12-31',
    goals:
      'Dela metoder för skyfallskartering, blågröna lösningar och översvämningsskydd vid kajer och älvstränder.',
    results:
      'Gemensam metod för skyfallsanalys i detaljplaner; Bergens erfarenheter av stormflodsskydd används i planeringen av Frihamnen.',
    contact: 'Stina Stadsplanerare',
    funding: ['own_budget', null, 300000],
    tags: 'Hållbar stad, Klimat',
  },
  {
    key: 'library',
    org: 'kulturforvaltningen',
    title: 'Biblioteksutbyte om meröppna bibliotek',
    cities: ['turku'],
    areas: ['culture'],
    kind: 'staff_exchange',
    status: 'completed',
    startsOn: '2022-09-01',
    endsOn: '2023-05-31',
    goals: 'Bibliotekarier från Göteborg och Åbo arbetar två veckor i varandras bibliotek.',
    results: 'Två stadsdelsbibliotek i Göteborg har infört meröppet efter Åbos modell.',
    contact: 'Karin Kultur',
    tags: 'Kultur, Demokrati',
  },
  {
    key: 'elderly',
    org: 'stadsledningskontoret',
    title: 'Digitalisering i äldreomsorgen',
    cities: ['aarhus'],
    areas: ['social-welfare', 'health-and-sport'],
    kind: 'project',
    status: 'ongoing',
    startsOn: '2025-02-01',
    endsOn: '2026-12-31',
    goals:
      'Pröva Aarhus välfärdsteknik, bland annat digital tillsyn och läkemedelsrobotar, i två äldreboenden.',
    results: null,
    contact: 'Elsa Omsorg',
    funding: ['eu_programme', 'Interreg Öresund-Kattegat-Skagerrak', 1500000],
    tags: 'Välfärd, Digitalisering',
  },
  {
    key: 'sport',
    org: 'idrotts-och-foreningsforvaltningen',
    title: 'Nordiska ungdomsspelen',
    cities: ['aarhus', 'bergen', 'turku'],
    areas: ['health-and-sport', 'leisure'],
    kind: 'project',
    status: 'planned',
    startsOn: '2027-06-20',
    endsOn: '2027-06-24',
    goals: 'Idrottstävlingar för 13–15-åringar från vänorterna i samband med vänortsmötet.',
    results: null,
    contact: 'Ida Idrott',
    funding: ['own_budget', null, 600000],
    tags: 'Barn och unga, Folkhälsa',
  },
  {
    key: 'equality',
    org: 'stadsledningskontoret',
    title: 'Nätverk för jämställdhetsintegrering',
    cities: ['bergen', 'turku'],
    areas: ['gender-equality'],
    kind: 'network',
    status: 'ongoing',
    startsOn: '2021-01-01',
    endsOn: null,
    goals:
      'Jämställdhetsstrateger träffas två gånger per år och delar verktyg för jämställd budgetering.',
    results: 'En gemensam checklista för jämställdhetsanalys av investeringar.',
    contact: 'Jenny Jämställd',
    tags: 'Jämställdhet',
  },
  {
    key: 'port',
    org: 'goteborgs-hamn',
    title: 'Landström till fartyg i hamnarna',
    cities: ['aarhus', 'bergen'],
    areas: ['business', 'urban-development-and-climate'],
    kind: 'knowledge_exchange',
    status: 'ongoing',
    startsOn: '2022-04-01',
    endsOn: '2026-12-31',
    goals: 'Erfarenhetsutbyte om el från land till kryssnings- och färjefartyg.',
    results: 'Utsläppen vid kaj har minskat; gemensam upphandlingsdialog med rederierna.',
    contact: 'Henrik Hamn',
    tags: 'Klimat, Näringsliv',
  },
  {
    key: 'festival',
    org: 'kulturforvaltningen',
    title: 'Kulturnatta och Kulturkalaset',
    cities: ['bergen'],
    areas: ['culture', 'leisure'],
    kind: 'study_visit',
    status: 'completed',
    startsOn: '2023-08-10',
    endsOn: '2023-08-20',
    goals: 'Studiebesök om hur stadsfestivaler görs tillgängliga för alla.',
    results: 'Kulturkalaset har infört tillgänglighetsvärdar efter Bergens modell.',
    contact: 'Karin Kultur',
    tags: 'Kultur, Tillgänglighet',
  },
  {
    key: 'energy',
    org: 'goteborg-energi',
    title: 'Fjärrvärme och spillvärme',
    cities: ['aarhus'],
    areas: ['business', 'urban-development-and-climate'],
    kind: 'knowledge_exchange',
    status: 'ongoing',
    startsOn: '2024-09-01',
    endsOn: null,
    goals: 'Jämföra hur spillvärme från industri och datacenter tas till vara i fjärrvärmenäten.',
    results: null,
    contact: 'Erik Energi',
    tags: 'Klimat, Energi',
    visibility: 'internal',
  },
  {
    key: 'readers',
    org: 'kulturforvaltningen',
    title: 'Unga läsare i vänorterna',
    cities: ['aarhus', 'turku'],
    areas: ['culture', 'school'],
    kind: 'project',
    status: 'planned',
    startsOn: '2026-09-01',
    endsOn: '2027-05-31',
    goals: 'Bokcirklar på nätet för unga i de fyra städerna.',
    results: null,
    contact: 'Karin Kultur',
    tags: 'Barn och unga, Kultur',
    state: 'returned',
    comment: 'Ange vilka skolor som deltar och hur bokcirklarna finansieras.',
  },
  {
    key: 'murals',
    org: 'kulturforvaltningen',
    title: 'Gatukonst på vänorternas väggar',
    cities: ['bergen'],
    areas: ['culture'],
    kind: 'other',
    status: 'planned',
    startsOn: '2026-04-01',
    endsOn: '2026-10-31',
    goals: 'Konstnärer från Bergen och Göteborg målar var sin vägg i den andra staden.',
    results: null,
    contact: 'Karin Kultur',
    tags: 'Kultur',
    state: 'submitted',
  },
  {
    key: 'parks',
    org: 'stadsbyggnadskontoret',
    title: 'Parker som skyddar mot skyfall',
    cities: ['turku'],
    areas: ['urban-development-and-climate'],
    kind: 'study_visit',
    status: 'planned',
    startsOn: '2026-11-10',
    endsOn: '2026-11-12',
    goals: 'Studiebesök i Åbo om parker som fördröjer dagvatten.',
    results: null,
    contact: 'Stina Stadsplanerare',
    tags: 'Klimat',
    state: 'submitted',
  },
];

/** [collaboration key or null, org, city, date, direction, participants, activities, learnings] */
const EXCHANGES: [string | null, string, string, string, string, number, string, string][] = [
  [
    'camp',
    'utbildningsforvaltningen',
    'aarhus',
    '2023-09-18',
    'visit_to',
    48,
    'Lägerskolan i Aarhus med elever från alla fyra städerna.',
    'Blandade grupper från första dagen gav mest språkträning.',
  ],
  [
    'camp',
    'utbildningsforvaltningen',
    'turku',
    '2024-09-16',
    'visit_to',
    52,
    'Lägerskolan i Åbo skärgård.',
    'Eleverna behöver förberedande lektioner i finska och svenska i Finland.',
  ],
  [
    'camp',
    'utbildningsforvaltningen',
    'bergen',
    '2025-09-15',
    'visit_to',
    50,
    'Lägerskolan i Bergen med fjällvandring och demokrativerkstad.',
    'Demokrativerkstaden blev veckans höjdpunkt; den behålls.',
  ],
  [
    'conference',
    'utbildningsforvaltningen',
    'bergen',
    '2024-03-05',
    'visit_from',
    120,
    'Gymnasiekonferensen i Göteborg om klimatanpassning.',
    'Elevernas förslag blev konkreta när stadsplanerare deltog i grupperna.',
  ],
  [
    'climate',
    'stadsbyggnadskontoret',
    'bergen',
    '2023-05-22',
    'visit_to',
    8,
    'Studiebesök om stormflodsskydd vid Bryggen.',
    'Tillfälliga skyddsväggar kan kombineras med permanenta kajhöjningar.',
  ],
  [
    'climate',
    'stadsbyggnadskontoret',
    'aarhus',
    '2024-02-12',
    'digital',
    15,
    'Digital workshop om skyfallskartering.',
    'Samma skyfallsmodell i alla städer gör resultaten jämförbara.',
  ],
  [
    'climate',
    'stadsbyggnadskontoret',
    'aarhus',
    '2025-06-03',
    'visit_from',
    10,
    'Aarhus planerare besökte Frihamnen och Södra Älvstranden.',
    'Klimatanpassning måste in tidigt i detaljplanen, inte i bygglovet.',
  ],
  [
    'library',
    'kulturforvaltningen',
    'turku',
    '2022-10-03',
    'visit_to',
    4,
    'Två veckors personalutbyte på Åbo stadsbibliotek.',
    'Meröppet fungerar med tydlig skyltning och introduktion för låntagare.',
  ],
  [
    'library',
    'kulturforvaltningen',
    'turku',
    '2023-03-13',
    'visit_from',
    4,
    'Bibliotekarier från Åbo arbetade på Stadsbiblioteket.',
    'Åbos arbete med läsombud i äldreomsorgen kan användas här.',
  ],
  [
    'elderly',
    'stadsledningskontoret',
    'aarhus',
    '2025-04-08',
    'visit_to',
    6,
    'Studiebesök på två plejehjem i Aarhus.',
    'Personalen måste vara med från början när ny välfärdsteknik införs.',
  ],
  [
    'elderly',
    'stadsledningskontoret',
    'aarhus',
    '2025-10-21',
    'digital',
    20,
    'Digitalt seminarium om läkemedelsrobotar.',
    'Nattlig digital tillsyn kräver samtycke och tydliga rutiner.',
  ],
  [
    'equality',
    'stadsledningskontoret',
    'bergen',
    '2024-11-14',
    'visit_to',
    5,
    'Nätverksmöte i Bergen om jämställd budgetering.',
    'Könsuppdelad statistik saknas ofta för fritidsverksamhet.',
  ],
  [
    'equality',
    'stadsledningskontoret',
    'turku',
    '2025-05-20',
    'digital',
    12,
    'Digitalt nätverksmöte om jämställdhetsanalys.',
    'En gemensam checklista sparar tid för alla fyra städerna.',
  ],
  [
    'port',
    'goteborgs-hamn',
    'aarhus',
    '2023-06-07',
    'visit_to',
    5,
    'Besök i Aarhus hamn om landström.',
    'Upphandling tillsammans med rederierna ger bättre utnyttjande.',
  ],
  [
    'port',
    'goteborgs-hamn',
    'bergen',
    '2024-08-28',
    'visit_from',
    7,
    'Bergen Havn besökte Stigbergskajen.',
    'Standardiserade kontakter mellan kaj och fartyg är avgörande.',
  ],
  [
    'festival',
    'kulturforvaltningen',
    'bergen',
    '2023-08-12',
    'visit_to',
    6,
    'Studiebesök under Kulturnatta i Bergen.',
    'Tillgänglighetsvärdar och tysta zoner gör festivalen öppen för fler.',
  ],
  [
    'energy',
    'goteborg-energi',
    'aarhus',
    '2025-01-15',
    'visit_to',
    4,
    'Besök på värmeverk i Aarhus.',
    'Värmepumpar på avloppsvatten kan ge mer än väntat.',
  ],
  [
    null,
    'idrotts-och-foreningsforvaltningen',
    'turku',
    '2025-02-10',
    'visit_to',
    6,
    'Studiebesök om spontanidrott i Åbo.',
    'Belysta spontanytor används långt in på kvällen året om.',
  ],
  [
    null,
    'liseberg',
    'aarhus',
    '2024-05-14',
    'visit_to',
    3,
    'Besök på Tivoli Friheden i Aarhus.',
    'Gemensamma säkerhetsövningar med räddningstjänsten lönar sig.',
  ],
  [
    null,
    'kulturforvaltningen',
    'aarhus',
    '2025-09-02',
    'digital',
    25,
    'Digitalt möte om kulturskolor i vänorterna.',
    'Aarhus avgiftsfria kulturskola når fler barn i ytterområdena.',
  ],
];

/** Collaborations and exchanges across the twin cities and the demo organisations (issue 6). */
export async function seedCollaborationDemo(context: DemoContext): Promise<void> {
  const { trx, now, cityIds, orgIds, userIds } = context;
  await ensureDefaultAreas(trx);
  const areas = new Map((await areaRepo.listAreas(trx)).map((a) => [a.slug, a]));
  const reporterId = userIds.get('rapportor@vanort.example') ?? null;
  const coordinatorId = userIds.get('samordnare@vanort.example') ?? null;
  const ids = new Map<string, string>();
  let n = 0;
  for (const c of COLLABORATIONS) {
    const organisationId = orgIds.get(c.org);
    if (!organisationId) continue;
    const state = c.state ?? 'acknowledged';
    const id = newId();
    ids.set(c.key, id);
    const at = new Date(Date.parse(now) - (COLLABORATIONS.length - n++) * 86_400_000).toISOString();
    const row = {
      id,
      organisation_id: organisationId,
      title: c.title,
      kind: c.kind,
      status: c.status,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      goals: c.goals,
      results: c.results,
      contact_name: c.contact,
      contact_email: null,
      funding_kind: c.funding?.[0] ?? null,
      funding_programme: c.funding?.[1] ?? null,
      funding_amount: c.funding?.[2] ?? null,
      strategy_tags: c.tags,
      visibility: c.visibility ?? 'public',
      review_state: state,
      review_comment: c.comment ?? null,
      reviewed_by: state === 'submitted' ? null : coordinatorId,
      reviewed_at: state === 'submitted' ? null : at,
      submitted_at: at,
      published_at: state === 'acknowledged' ? at : null,
      created_by: c.org === 'kulturforvaltningen' ? reporterId : null,
      created_at: at,
      updated_at: at,
    };
    await repo.insertCollaboration(trx, row);
    const areaRows = c.areas.flatMap((slug) => {
      const a = areas.get(slug);
      return a ? [a] : [];
    });
    const linkedCityIds = c.cities.flatMap((slug) =>
      cityIds.get(slug) ? [cityIds.get(slug)!] : [],
    );
    await repo.replaceCollaborationLinks(
      trx,
      id,
      linkedCityIds,
      areaRows.map((a) => a.id),
    );
    await repo.upsertSearchDocument(
      trx,
      collaborationSearchDocument({
        ...row,
        areaNamesSv: areaRows.map((a) => a.name_sv),
        cityIds: linkedCityIds,
        areaIds: areaRows.map((a) => a.id),
      }),
    );
    await reviewRepo.insertReviewEvent(trx, {
      id: newId(),
      entity: 'collaboration',
      entity_id: id,
      action: 'submitted',
      comment: null,
      actor_user_id: row.created_by,
      created_at: at,
    });
    if (state !== 'submitted')
      await reviewRepo.insertReviewEvent(trx, {
        id: newId(),
        entity: 'collaboration',
        entity_id: id,
        action: state,
        comment: c.comment ?? null,
        actor_user_id: coordinatorId,
        created_at: at,
      });
  }
  for (const [key, org, city, date, direction, participants, activities, learnings] of EXCHANGES) {
    const organisationId = orgIds.get(org);
    const cityId = cityIds.get(city);
    if (!organisationId || !cityId) continue;
    const collaborationId = key ? (ids.get(key) ?? null) : null;
    const at = `${date}T12:00:00.000Z`;
    const row = {
      id: newId(),
      organisation_id: organisationId,
      collaboration_id: collaborationId,
      city_id: cityId,
      occurred_on: date,
      direction,
      participants,
      activities,
      learnings,
      visibility: key === 'energy' ? 'internal' : 'public',
      review_state: 'acknowledged',
      review_comment: null,
      reviewed_by: coordinatorId,
      reviewed_at: at,
      submitted_at: at,
      published_at: at,
      created_by: null,
      created_at: at,
      updated_at: at,
    };
    await exchangeRepo.insertExchange(trx, row);
    await indexExchange(trx, row);
  }
}
