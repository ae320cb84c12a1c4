/**
 * Data generator for the large-data benchmark: collaborations, experience exchanges and their
 * knowledge-bank documents, with realistic Swedish text, inserted in batches. Deterministic
 * (a seeded random generator), so runs are comparable.
 */
import type { Insertable } from 'kysely';
import type { Database, Db } from '../src/db/database.ts';
import { findUserByEmail } from '../src/modules/accounts/account.service.ts';
import { ensureDefaultAreas } from '../src/modules/collaborations/area.service.ts';
import { runImport } from '../src/modules/collaborations/import.run.ts';
import { guessMapping } from '../src/modules/collaborations/import.rows.ts';
import {
  checkImport,
  startImport,
  uploadImport,
} from '../src/modules/collaborations/import.service.ts';
import { collaborationSearchDocument } from '../src/modules/collaborations/import.search.ts';
import { facetsText } from '../src/modules/collaborations/search-document.ts';

const BATCH = 500;

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)]!;

const TOPICS = [
  'klimatanpassning i stadsplaneringen',
  'lägerskola för elever i årskurs 9',
  'gymnasiekonferens om demokrati',
  'integration av nyanlända',
  'hållbara hamnar och sjöfart',
  'idrott för unga med funktionsnedsättning',
  'jämställd stadsplanering',
  'bibliotek som mötesplatser',
  'äldreomsorg och välfärdsteknik',
  'cirkulär ekonomi och återbruk',
  'kollektivtrafik och cykelstråk',
  'kulturarv i hamnstäder',
  'fritidsgårdar och ungdomsinflytande',
  'energieffektiva skolbyggnader',
  'trygghet i offentliga miljöer',
  'näringslivsutveckling och besöksnäring',
  'dagvatten och skyfallshantering',
  'digital förvaltning och öppna data',
];
const KINDS = [
  'project',
  'network',
  'knowledge_exchange',
  'study_visit',
  'staff_exchange',
  'other',
];
/** Plausible proportions: most work is finished or under way, little is cancelled. */
const STATUSES = [
  ...Array<string>(11).fill('completed'),
  ...Array<string>(5).fill('ongoing'),
  ...Array<string>(3).fill('planned'),
  'cancelled',
];
const CONTACTS = [
  'Anna Lindberg',
  'Erik Johansson',
  'Karin Bergström',
  'Johan Nilsson',
  'Maria Håkansson',
  'Oskar Lundqvist',
  'Linnea Svensson',
  'Gustav Eriksson',
];
/** Of every 50: 47 acknowledged (public once published), 2 waiting in the review queue, 1 returned. */
const reviewState = (r: number) =>
  r < 0.94 ? 'acknowledged' : r < 0.98 ? 'submitted' : 'returned';
const VERBS = ['utveckla', 'jämföra', 'pröva', 'sprida', 'stärka', 'följa upp', 'samordna'];
const OBJECTS = [
  'arbetssätt för klimatanpassning',
  'metoder för elevinflytande',
  'samverkan mellan förvaltningar',
  'kunskap om trygga stadsmiljöer',
  'erfarenheter av medborgardialog',
  'lösningar för hållbar mobilitet',
  'stöd till föreningslivet',
];
const LEARNINGS = [
  'Vi lärde oss hur Bergen arbetar med skyfallsplaner i tät stadsmiljö.',
  'Åbos modell för elevråd gav idéer till våra skolor.',
  'Århus visade hur öppna data används i stadsplaneringen.',
  'Deltagarna tog med sig nya metoder för medborgardialog.',
  'Besöket gav kontakter för ett gemensamt EU-projekt om klimat.',
  'Vi jämförde hur städerna organiserar fritidsverksamhet för unga.',
  'Erfarenheterna av återbruk i byggprojekt var särskilt värdefulla.',
];

export interface GenerateOptions {
  collaborations: number;
  exchanges: number;
  seed?: number;
  /** The timestamps of the rows (default: the clock); the scale data set fixes it. */
  now?: string;
  onProgress?: (what: string, done: number, total: number) => void;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Inserts the generated data; returns how many rows of each. */
export async function generate(db: Db, options: GenerateOptions) {
  const rnd = random(options.seed ?? 2026);
  const k = db.kysely;
  await ensureDefaultAreas(k);
  const [orgs, cities, areas] = await Promise.all([
    k.selectFrom('organisation').select('id').where('active', '=', 1).execute(),
    k
      .selectFrom('city')
      .select('id')
      .where('kind', '=', 'twin')
      .where('status', '=', 'active')
      .execute(),
    k.selectFrom('area').select(['id', 'name_sv']).execute(),
  ]);
  const now = options.now ?? new Date().toISOString();
  const collaborationIds: string[] = [];
  const areasOf = new Map<string, string[]>();
  let n = 0;
  for (let start = 0; start < options.collaborations; start += BATCH) {
    const size = Math.min(BATCH, options.collaborations - start);
    const rows: Insertable<Database['collaboration']>[] = [];
    const links: { collaboration_id: string; city_id: string }[] = [];
    const areaLinks: { collaboration_id: string; area_id: string }[] = [];
    const docs: Insertable<Database['search_document']>[] = [];
    for (let i = 0; i < size; i++) {
      const id = `bench-c-${String(++n).padStart(7, '0')}`;
      collaborationIds.push(id);
      const year = 2010 + Math.floor(rnd() * 17);
      const starts = new Date(Date.UTC(year, Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)));
      const ends = new Date(starts.getTime() + (30 + Math.floor(rnd() * 1000)) * 86_400_000);
      const topic = pick(rnd, TOPICS);
      const goals = `Att ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} tillsammans med vänorterna, med fokus på ${topic}.`;
      const results = rnd() < 0.6 ? `${pick(rnd, LEARNINGS)} ${pick(rnd, LEARNINGS)}` : null;
      const org = pick(rnd, orgs).id;
      const visibility = rnd() < 0.7 ? 'public' : 'internal';
      const chosenAreas = [...new Set([pick(rnd, areas), pick(rnd, areas)])];
      const tags = rnd() < 0.5 ? ['Hållbar stad', 'Internationell strategi'] : ['Barn och unga'];
      const state = reviewState(rnd());
      const contact = pick(rnd, CONTACTS);
      rows.push({
        id,
        organisation_id: org,
        title: `${topic[0]!.toUpperCase()}${topic.slice(1)} ${year}`,
        kind: pick(rnd, KINDS),
        status: pick(rnd, STATUSES),
        starts_on: iso(starts),
        ends_on: rnd() < 0.8 ? iso(ends) : null,
        goals,
        results,
        contact_name: contact,
        contact_email: `${contact
          .toLowerCase()
          .replace(' ', '.')
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')}@goteborg.se`,
        funding_kind: rnd() < 0.5 ? 'own_budget' : 'eu_programme',
        funding_programme: null,
        funding_amount: Math.floor(rnd() * 500) * 1000,
        strategy_tags: tags.join(','),
        visibility,
        review_state: state,
        review_comment: state === 'returned' ? 'Komplettera med vilka vänorter som deltog.' : null,
        reviewed_by: null,
        reviewed_at: state === 'submitted' ? null : now,
        submitted_at: now,
        published_at: state === 'acknowledged' ? now : null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      const cityIds = [...new Set([pick(rnd, cities).id, pick(rnd, cities).id])];
      for (const city of cityIds) links.push({ collaboration_id: id, city_id: city });
      for (const a of chosenAreas) areaLinks.push({ collaboration_id: id, area_id: a.id });
      areasOf.set(
        id,
        chosenAreas.map((a) => a.id),
      );
      docs.push(
        collaborationSearchDocument({
          id,
          organisationId: org,
          title: rows.at(-1)!.title,
          goals,
          results,
          startsOn: iso(starts),
          visibility,
          areaNamesSv: chosenAreas.map((a) => a.name_sv),
          strategyTags: tags,
          cityIds,
          areaIds: chosenAreas.map((a) => a.id),
        }),
      );
    }
    await k.transaction().execute(async (trx) => {
      await trx.insertInto('collaboration').values(rows).execute();
      await trx.insertInto('collaboration_city').values(links).execute();
      await trx.insertInto('collaboration_area').values(areaLinks).execute();
      await trx.insertInto('search_document').values(docs).execute();
    });
    options.onProgress?.('collaborations', start + size, options.collaborations);
  }

  let m = 0;
  for (let start = 0; start < options.exchanges; start += BATCH) {
    const size = Math.min(BATCH, options.exchanges - start);
    const rows: Insertable<Database['exchange']>[] = [];
    const docs: Insertable<Database['search_document']>[] = [];
    for (let i = 0; i < size; i++) {
      const id = `bench-e-${String(++m).padStart(7, '0')}`;
      const date = new Date(
        Date.UTC(2010 + Math.floor(rnd() * 17), Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)),
      );
      const org = pick(rnd, orgs).id;
      const visibility = rnd() < 0.7 ? 'public' : 'internal';
      const activities = `Studiebesök om ${pick(rnd, TOPICS)} med ${2 + Math.floor(rnd() * 30)} deltagare.`;
      const learnings = pick(rnd, LEARNINGS);
      const collaborationId =
        collaborationIds.length && rnd() < 0.5 ? pick(rnd, collaborationIds) : null;
      const cityId = pick(rnd, cities).id;
      const state = reviewState(rnd());
      rows.push({
        id,
        organisation_id: org,
        collaboration_id: collaborationId,
        city_id: cityId,
        occurred_on: iso(date),
        direction: pick(rnd, ['visit_to', 'visit_from', 'digital']),
        participants: 2 + Math.floor(rnd() * 30),
        activities,
        learnings,
        visibility,
        review_state: state,
        review_comment: state === 'returned' ? 'Ange hur många som deltog från vänorten.' : null,
        reviewed_by: null,
        reviewed_at: state === 'submitted' ? null : now,
        submitted_at: now,
        published_at: state === 'acknowledged' ? now : null,
        created_by: null,
        created_at: now,
        updated_at: now,
      });
      docs.push({
        id,
        entity: 'exchange',
        organisation_id: org,
        year: date.getUTCFullYear(),
        visibility,
        title: activities,
        body: learnings,
        facets: facetsText({
          organisationId: org,
          year: date.getUTCFullYear(),
          cityIds: [cityId],
          areaIds: collaborationId ? (areasOf.get(collaborationId) ?? []) : [],
        }),
      });
    }
    await k.transaction().execute(async (trx) => {
      await trx.insertInto('exchange').values(rows).execute();
      await trx.insertInto('search_document').values(docs).execute();
    });
    options.onProgress?.('exchanges', start + size, options.exchanges);
  }
  return { collaborations: options.collaborations, exchanges: options.exchanges };
}

/** The columns of the import file, as a reporter's spreadsheet names them. */
const IMPORT_COLUMNS = [
  'Rubrik',
  'Typ',
  'Status',
  'Startdatum',
  'Slutdatum',
  'Vänorter',
  'Områden',
  'Mål',
  'Resultat',
  'Belopp (kr)',
  'Synlighet',
];

/** A valid import file of `rows` collaborations (xlsx), as a reporter would upload it. */
export async function importWorkbook(rows: number, seed = 9): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const rnd = random(seed);
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Samarbeten');
  sheet.addRow(IMPORT_COLUMNS);
  for (let i = 1; i <= rows; i++) {
    const year = 2018 + (i % 8);
    sheet.addRow([
      `${pick(rnd, TOPICS)} (import ${i})`,
      pick(rnd, ['Projekt', 'Nätverk', 'Kunskapsutbyte', 'Studiebesök']),
      pick(rnd, ['Planerat', 'Pågående', 'Avslutat']),
      `${year}-0${1 + (i % 9)}-1${i % 10}`,
      `${year + 1}-06-30`,
      pick(rnd, ['Bergen', 'Århus', 'Åbo', 'Bergen, Åbo']),
      pick(rnd, ['Kultur', 'Skola', 'Stadsutveckling och klimat', 'Fritid']),
      `Att ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)}.`,
      pick(rnd, LEARNINGS),
      Math.floor(rnd() * 100) * 1000,
      pick(rnd, ['Offentlig', 'Intern']),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What importing a generated file took: the check (dry run) and the import, in seconds. */
export interface ImportTiming {
  rows: number;
  checkSeconds: number;
  importSeconds: number;
  imported: number;
}

/**
 * Imports a valid file of `rows` collaborations as the demo reporter, through the import
 * service (upload, check, start, run), and times the check and the import: the one import
 * timing of `npm run bench` (bench/run.ts) and `bench/large-data.ts`.
 */
export async function timeImport(db: Db, rows: number): Promise<ImportTiming> {
  const reporter = (await findUserByEmail(db.kysely, 'rapportor@vanort.example'))!;
  const actor = { userId: reporter.id, label: 'bench', ip: null };
  const organisation = reporter.roles.find((g) => g.role === 'reporter')!.organisationId!;
  const job = await uploadImport(db, actor, reporter, {
    filename: 'bench.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    data: await importWorkbook(rows),
    organisation,
  });
  const t0 = performance.now();
  const checked = await checkImport(db, actor, reporter, job.id, guessMapping(IMPORT_COLUMNS));
  const checkSeconds = seconds(t0);
  if (checked.problems.length)
    throw new Error(`the bench file has problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  await startImport(db, actor, reporter, job.id, false);
  const t1 = performance.now();
  const result = await runImport(db, actor, job.id);
  return { rows, checkSeconds, importSeconds: seconds(t1), imported: result.imported };
}

/** Seconds since `start` (a performance.now() value), to the hundredth. */
const seconds = (start: number) => Number(((performance.now() - start) / 1000).toFixed(2));
