import { z } from 'zod';
import { isPlainDate } from '../../shared/dates.ts';

/** The fields of a collaboration that an import can fill, in the order the mapping form shows. */
export const IMPORT_FIELDS = [
  'title',
  'kind',
  'status',
  'startsOn',
  'endsOn',
  'cities',
  'areas',
  'goals',
  'results',
  'contactName',
  'contactEmail',
  'fundingKind',
  'fundingProgramme',
  'fundingAmount',
  'strategyTags',
  'visibility',
  'organisationColumn',
] as const;
/** The fields of an experience exchange that an import can fill. */
export const EXCHANGE_FIELDS = [
  'occurredOn',
  'city',
  'direction',
  'participants',
  'activities',
  'learnings',
  'visibility',
  'organisationColumn',
] as const;
export type ImportKind = 'collaboration' | 'exchange';
export type ImportField = (typeof IMPORT_FIELDS)[number] | (typeof EXCHANGE_FIELDS)[number];
export const ALL_FIELDS: readonly ImportField[] = [
  ...IMPORT_FIELDS,
  ...EXCHANGE_FIELDS.filter((f) => !(IMPORT_FIELDS as readonly string[]).includes(f)),
];
export const REQUIRED_FIELDS: readonly ImportField[] = ['title', 'startsOn', 'cities'];
const REQUIRED_EXCHANGE_FIELDS: readonly ImportField[] = [
  'occurredOn',
  'city',
  'direction',
  'participants',
  'activities',
];

export const fieldsOf = (kind: ImportKind): readonly ImportField[] =>
  kind === 'exchange' ? EXCHANGE_FIELDS : IMPORT_FIELDS;
export const requiredOf = (kind: ImportKind): readonly ImportField[] =>
  kind === 'exchange' ? REQUIRED_EXCHANGE_FIELDS : REQUIRED_FIELDS;

/** field -> column header of the file ('' or missing: not in the file). */
export type ImportMapping = Partial<Record<ImportField, string>>;

export const MAX_TITLE = 300;
export const MAX_TEXT = 10_000;

const normalise = (s: string) =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[\s_\-./]+/g, ' ')
    .trim();

/** Column headers (Swedish and English) that name each field. */
const HEADER_NAMES: Record<ImportField, string[]> = {
  title: ['rubrik', 'titel', 'title', 'namn', 'name', 'samarbete', 'collaboration'],
  kind: ['typ', 'kind', 'type', 'sort', 'slag'],
  status: ['status', 'läge'],
  startsOn: [
    'startdatum',
    'start',
    'startar',
    'från',
    'from',
    'starts on',
    'start date',
    'startdate',
    'begins',
  ],
  endsOn: ['slutdatum', 'slut', 'slutar', 'till', 'to', 'ends on', 'end date', 'enddate', 'ends'],
  cities: [
    'vänorter',
    'vänort',
    'städer',
    'stad',
    'cities',
    'city',
    'twin cities',
    'twin city',
    'partner cities',
    'partnerstäder',
  ],
  areas: ['områden', 'område', 'areas', 'area', 'sakområden', 'sakområde'],
  goals: ['mål', 'goals', 'goal', 'syfte'],
  results: ['resultat', 'results', 'result', 'utfall'],
  contactName: ['kontaktperson', 'kontakt', 'contact', 'contact person', 'contact name'],
  contactEmail: [
    'kontaktens e post',
    'e post',
    'epost',
    'email',
    'e mail',
    'contact email',
    'contact e mail',
    'mejl',
  ],
  fundingKind: ['finansiering', 'funding', 'finansieringsform', 'funding kind'],
  fundingProgramme: [
    'program',
    'programme',
    'program name',
    'eu program',
    'eu programme',
    'programnamn',
  ],
  fundingAmount: ['belopp', 'amount', 'summa', 'budget'],
  strategyTags: [
    'strategiska mål',
    'strategi',
    'strategy goals',
    'strategy',
    'tags',
    'taggar',
    'strategy tags',
  ],
  visibility: ['synlighet', 'visibility', 'publicering'],
  occurredOn: ['datum', 'date', 'occurred on', 'när', 'dag'],
  city: ['vänort', 'stad', 'city', 'twin city', 'ort', 'vänorter', 'cities'],
  direction: ['riktning', 'direction', 'typ av besök', 'besökstyp', 'typ', 'kind'],
  participants: ['deltagare', 'antal deltagare', 'participants', 'number of participants', 'antal'],
  activities: [
    'vad gjordes',
    'aktiviteter',
    'activities',
    'what was done',
    'beskrivning',
    'description',
  ],
  learnings: [
    'vad lärde ni er',
    'vad lärde vi oss',
    'lärdomar',
    'learnings',
    'what was learned',
    'erfarenheter',
  ],
  organisationColumn: [
    'organisation',
    'organization',
    'förvaltning',
    'bolag',
    'förvaltning eller bolag',
    'förvaltning bolag',
  ],
};

/** Guesses the mapping from the header names. */
export function guessMapping(
  headers: readonly string[],
  kind: ImportKind = 'collaboration',
): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<string>();
  for (const field of fieldsOf(kind)) {
    const names = HEADER_NAMES[field];
    const header = headers.find((h) => h && !used.has(h) && names.includes(normalise(h)));
    if (header) {
      mapping[field] = header;
      used.add(header);
    }
  }
  return mapping;
}

const VALUES = {
  kind: {
    project: ['project', 'projekt'],
    network: ['network', 'nätverk'],
    knowledge_exchange: ['knowledge exchange', 'kunskapsutbyte', 'kunskapsöverföring'],
    study_visit: ['study visit', 'studiebesök'],
    staff_exchange: ['staff exchange', 'personalutbyte', 'medarbetarutbyte'],
    other: ['other', 'annat', 'övrigt', 'annan'],
  },
  status: {
    planned: ['planned', 'planerat', 'planerad'],
    ongoing: ['ongoing', 'pågående', 'pågår'],
    completed: ['completed', 'avslutat', 'avslutad', 'genomfört', 'genomförd', 'klart', 'klar'],
    cancelled: ['cancelled', 'canceled', 'inställt', 'inställd', 'avbrutet', 'avbruten'],
  },
  fundingKind: {
    own_budget: ['own budget', 'egen budget', 'egen'],
    eu_programme: ['eu programme', 'eu program', 'eu'],
    other: ['other', 'annan', 'annat', 'extern'],
  },
  visibility: {
    public: ['public', 'offentlig', 'publik', 'öppen'],
    internal: ['internal', 'intern'],
  },
  direction: {
    visit_to: ['visit to', 'besök till', 'besök i vänorten', 'utresa', 'besök till vänorten'],
    visit_from: ['visit from', 'besök från', 'besök hos oss', 'mottagande', 'besök från vänorten'],
    digital: ['digital', 'digitalt', 'online', 'digitalt möte'],
  },
} as const;

function lookupValue<T extends keyof typeof VALUES>(table: T, raw: string): string | null {
  const n = normalise(raw);
  for (const [value, names] of Object.entries(VALUES[table])) {
    if (value === raw.trim() || (names as readonly string[]).includes(n)) return value;
  }
  return null;
}

/** What the rows are checked against: names and slugs of twin cities, areas and organisations. */
export interface ImportLookups {
  /** normalised name or slug -> id, active twin cities only */
  cities: Map<string, string>;
  /** normalised name (sv, en) or slug -> id */
  areas: Map<string, string>;
  /** normalised name or slug -> id, active organisations only */
  organisations: Map<string, string>;
  /** area id -> Swedish name, for the knowledge bank */
  areaNamesSv: Map<string, string>;
}

export const lookupKey = normalise;

export interface ImportRow {
  row: number;
  organisationId: string;
  title: string;
  kind: string;
  status: string;
  startsOn: string;
  endsOn: string | null;
  cityIds: string[];
  areaIds: string[];
  goals: string | null;
  results: string | null;
  contactName: string | null;
  contactEmail: string | null;
  fundingKind: string | null;
  fundingProgramme: string | null;
  fundingAmount: number | null;
  strategyTags: string[];
  visibility: string;
}

export interface ImportProblem {
  row: number;
  /** The column header in the file (or the field's key when the field has no column). */
  column: string;
  /** A message key of campaign.messages.ts, translated when shown. */
  message: string;
  params?: Record<string, string | number>;
}

const emailSchema = z.email();
const splitList = (raw: string) =>
  raw
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A date cell: YYYY-MM-DD (a spreadsheet date cell is read as such), optionally with a time. */
function readDate(raw: string): string | null {
  const v = raw.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(v)?.[1];
  return iso && isPlainDate(iso) ? iso : null;
}

/** One row being checked: its cells by field, and its problems, noted at the field's column. */
interface RowCheck {
  row: number;
  get: (field: ImportField) => string;
  add: (field: ImportField, message: string, params?: Record<string, string | number>) => void;
}

/**
 * The check of a sheet's rows of one kind (`fields`: the kind's, found in the columns
 * `mapping` names): every row against the kind's rules (`check`, which also gets the lookups
 * and the organisation chosen on upload, null: from a column), every problem with its row
 * and column. A row is valid, and `check`'s result kept, when its check noted no problem.
 */
function rowsCheck<T>(
  fields: readonly ImportField[],
  check: (row: RowCheck, lookups: ImportLookups, organisationId: string | null) => T,
) {
  return (
    headers: readonly string[],
    rows: readonly { row: number; cells: string[] }[],
    mapping: ImportMapping,
    lookups: ImportLookups,
    organisationId: string | null,
  ): { valid: T[]; problems: ImportProblem[] } => {
    const index = new Map<ImportField, number>();
    for (const field of fields) {
      const header = mapping[field];
      const i = header ? headers.indexOf(header) : -1;
      if (i >= 0) index.set(field, i);
    }
    const valid: T[] = [];
    const problems: ImportProblem[] = [];
    for (const { row, cells } of rows) {
      const before = problems.length;
      const get = (field: ImportField) => {
        const i = index.get(field);
        return i === undefined ? '' : (cells[i] ?? '').trim();
      };
      const add = (field: ImportField, message: string, params?: Record<string, string | number>) =>
        problems.push({
          row,
          column: mapping[field] ?? field,
          message,
          ...(params ? { params } : {}),
        });
      const result = check({ row, get, add }, lookups, organisationId);
      if (problems.length === before) valid.push(result);
    }
    return { valid, problems };
  };
}

/** The visibility column: internal when empty. */
function readVisibility({ get, add }: RowCheck): string | null {
  const raw = get('visibility');
  const visibility = raw ? lookupValue('visibility', raw) : 'internal';
  if (!visibility)
    add('visibility', 'import.problem.visibilityInvalid', { value: raw.slice(0, 60) });
  return visibility;
}

/** The organisation chosen on upload, or (when none was) the organisation column's. */
function readOrganisation(
  { get, add }: RowCheck,
  organisationId: string | null,
  lookups: ImportLookups,
): string | null {
  if (organisationId !== null) return organisationId;
  const raw = get('organisationColumn');
  const id = raw ? (lookups.organisations.get(lookupKey(raw)) ?? null) : null;
  if (!raw) add('organisationColumn', 'import.problem.organisationRequired');
  else if (!id)
    add('organisationColumn', 'import.problem.organisationUnknown', { value: raw.slice(0, 60) });
  return id;
}

/** Checks a sheet of collaborations, row by row (see `rowsCheck`). */
export const checkRows = rowsCheck(IMPORT_FIELDS, (check, lookups, organisationId): ImportRow => {
  const { row, get, add } = check;
  const text = (field: ImportField, max = MAX_TEXT): string | null => {
    const v = get(field);
    if (v.length > max) add(field, 'import.problem.textTooLong', { max });
    return v || null;
  };

  const title = get('title');
  if (!title) add('title', 'import.problem.titleRequired');
  else if (title.length > MAX_TITLE) add('title', 'import.problem.titleTooLong');

  const kindRaw = get('kind');
  const kind = kindRaw ? lookupValue('kind', kindRaw) : 'other';
  if (!kind) add('kind', 'import.problem.kindInvalid', { value: kindRaw.slice(0, 60) });
  const statusRaw = get('status');
  const status = statusRaw ? lookupValue('status', statusRaw) : 'ongoing';
  if (!status) add('status', 'import.problem.statusInvalid', { value: statusRaw.slice(0, 60) });

  const startRaw = get('startsOn');
  const startsOn = readDate(startRaw);
  if (!startRaw) add('startsOn', 'import.problem.dateRequired');
  else if (!startsOn)
    add('startsOn', 'import.problem.dateInvalid', { value: startRaw.slice(0, 60) });
  const endRaw = get('endsOn');
  const endsOn = endRaw ? readDate(endRaw) : null;
  if (endRaw && !endsOn)
    add('endsOn', 'import.problem.dateInvalid', { value: endRaw.slice(0, 60) });
  else if (endsOn && startsOn && endsOn < startsOn) add('endsOn', 'import.problem.endBeforeStart');

  const cityIds: string[] = [];
  const cityNames = splitList(get('cities'));
  if (cityNames.length === 0) add('cities', 'import.problem.citiesRequired');
  for (const name of cityNames) {
    const id = lookups.cities.get(lookupKey(name));
    if (id) {
      if (!cityIds.includes(id)) cityIds.push(id);
    } else add('cities', 'import.problem.cityUnknown', { value: name.slice(0, 60) });
  }
  const areaIds: string[] = [];
  for (const name of splitList(get('areas'))) {
    const id = lookups.areas.get(lookupKey(name));
    if (id) {
      if (!areaIds.includes(id)) areaIds.push(id);
    } else add('areas', 'import.problem.areaUnknown', { value: name.slice(0, 60) });
  }

  const goals = text('goals');
  const results = text('results');
  const contactName = text('contactName', 200);
  const contactEmail = get('contactEmail') || null;
  if (contactEmail && (contactEmail.length > 254 || !emailSchema.safeParse(contactEmail).success))
    add('contactEmail', 'import.problem.emailInvalid', { value: contactEmail.slice(0, 60) });
  const fundingRaw = get('fundingKind');
  const fundingKind = fundingRaw ? lookupValue('fundingKind', fundingRaw) : null;
  if (fundingRaw && !fundingKind)
    add('fundingKind', 'import.problem.fundingInvalid', { value: fundingRaw.slice(0, 60) });
  const fundingProgramme = text('fundingProgramme', 300);
  const amountRaw = get('fundingAmount').replace(/[\s\u00a0]/g, '');
  let fundingAmount: number | null = null;
  if (amountRaw) {
    const n = /^\d{1,12}$/.test(amountRaw) ? Number(amountRaw) : NaN;
    if (Number.isSafeInteger(n) && n >= 0 && n <= 2_000_000_000) fundingAmount = n;
    else
      add('fundingAmount', 'import.problem.amountInvalid', {
        value: get('fundingAmount').slice(0, 60),
      });
  }
  const tagsRaw = get('strategyTags');
  const strategyTags = splitList(tagsRaw);
  if (tagsRaw.length > 2000 || strategyTags.some((t) => t.length > 100))
    add('strategyTags', 'import.problem.textTooLong', { max: 100 });
  const visibility = readVisibility(check);
  const orgId = readOrganisation(check, organisationId, lookups);

  return {
    row,
    organisationId: orgId!,
    title,
    kind: kind!,
    status: status!,
    startsOn: startsOn!,
    endsOn,
    cityIds,
    areaIds,
    goals,
    results,
    contactName,
    contactEmail,
    fundingKind,
    fundingProgramme,
    fundingAmount,
    strategyTags,
    visibility: visibility!,
  };
});

export interface ExchangeImportRow {
  row: number;
  organisationId: string;
  occurredOn: string;
  cityId: string;
  direction: string;
  participants: number;
  activities: string;
  learnings: string | null;
  visibility: string;
}

/** The same as `checkRows`, for a file of experience exchanges. */
export const checkExchangeRows = rowsCheck(
  EXCHANGE_FIELDS,
  (check, lookups, organisationId): ExchangeImportRow => {
    const { row, get, add } = check;

    const dateRaw = get('occurredOn');
    const occurredOn = readDate(dateRaw);
    if (!dateRaw) add('occurredOn', 'import.problem.dateRequired');
    else if (!occurredOn)
      add('occurredOn', 'import.problem.dateInvalid', { value: dateRaw.slice(0, 60) });

    const cityNames = splitList(get('city'));
    let cityId: string | null = null;
    if (cityNames.length === 0) add('city', 'import.problem.citiesRequired');
    else if (cityNames.length > 1) add('city', 'import.problem.oneCity');
    else {
      cityId = lookups.cities.get(lookupKey(cityNames[0]!)) ?? null;
      if (!cityId) add('city', 'import.problem.cityUnknown', { value: cityNames[0]!.slice(0, 60) });
    }

    const directionRaw = get('direction');
    const direction = directionRaw ? lookupValue('direction', directionRaw) : null;
    if (!direction)
      add('direction', 'import.problem.directionInvalid', { value: directionRaw.slice(0, 60) });

    const participantsRaw = get('participants').replace(/[\s\u00a0]/g, '');
    const participants = /^\d{1,6}$/.test(participantsRaw) ? Number(participantsRaw) : null;
    if (participants === null)
      add('participants', 'import.problem.participantsInvalid', {
        value: get('participants').slice(0, 60),
      });

    const activities = get('activities');
    if (!activities) add('activities', 'import.problem.activitiesRequired');
    else if (activities.length > MAX_TEXT)
      add('activities', 'import.problem.textTooLong', { max: MAX_TEXT });
    const learnings = get('learnings') || null;
    if (learnings && learnings.length > MAX_TEXT)
      add('learnings', 'import.problem.textTooLong', { max: MAX_TEXT });

    const visibility = readVisibility(check);
    const orgId = readOrganisation(check, organisationId, lookups);

    return {
      row,
      organisationId: orgId!,
      occurredOn: occurredOn!,
      cityId: cityId!,
      direction: direction!,
      participants: participants!,
      activities,
      learnings,
      visibility: visibility!,
    };
  },
);
