import type { Executor } from '../../db/database.ts';
import { errors } from '../../shared/errors.ts';
import { ensureDefaultAreas } from './area.service.ts';
import {
  fileKind,
  parseSpreadsheet,
  UnreadableFileError,
  type ParsedSheet,
} from './import.parse.ts';
import * as repo from './import.repository.ts';
import {
  checkExchangeRows,
  checkRows,
  fieldsOf,
  lookupKey,
  requiredOf,
  type ExchangeImportRow,
  type ImportKind,
  type ImportLookups,
  type ImportMapping,
  type ImportProblem,
  type ImportRow,
} from './import.rows.ts';

// Reading an uploaded file and checking it: the file's type and sheet, the mapping of its
// columns, every row against the registry (cities, areas, organisations). Writes nothing.

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export async function readSheet(filename: string, data: Buffer): Promise<ParsedSheet> {
  const kind = fileKind(filename, data);
  if (!kind) throw errors.validation([{ path: 'file', message: 'import.error.fileType' }]);
  try {
    return await parseSpreadsheet(data, kind);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      throw errors.validation([{ path: 'file', message: 'import.error.fileUnreadable' }]);
    throw error;
  }
}

/** A name as it was written before the Danish spelling reform: "aa" as "å" (Aarhus, Århus). */
export function olderNordicSpelling(name: string): string {
  return name.replace(/Aa/g, 'Å').replace(/aa/g, 'å');
}

export async function loadLookups(db: Executor): Promise<ImportLookups> {
  await ensureDefaultAreas(db);
  const [cities, areas, orgs] = await Promise.all([
    repo.listTwinCityNames(db),
    repo.listAreas(db),
    repo.listActiveOrganisations(db),
  ]);
  const lookups: ImportLookups = {
    cities: new Map(),
    areas: new Map(),
    organisations: new Map(),
    areaNamesSv: new Map(),
  };
  for (const c of cities) {
    lookups.cities.set(lookupKey(c.slug), c.id);
    if (c.name) lookups.cities.set(lookupKey(c.name), c.id);
    // Old lists still write a Danish "aa" as "å" (Århus for Aarhus): both are the same city.
    if (c.name) lookups.cities.set(lookupKey(olderNordicSpelling(c.name)), c.id);
  }
  for (const a of areas) {
    for (const name of [a.slug, a.name_sv, a.name_en]) lookups.areas.set(lookupKey(name), a.id);
    lookups.areaNamesSv.set(a.id, a.name_sv);
  }
  for (const o of orgs) {
    lookups.organisations.set(lookupKey(o.slug), o.id);
    lookups.organisations.set(lookupKey(o.name), o.id);
  }
  return lookups;
}

/** The mapping from the form: every required field mapped, every header one of the file's. */
export function mappingProblems(
  kind: ImportKind,
  mapping: ImportMapping,
  headers: readonly string[],
  fromColumn: boolean,
) {
  const problems: { path: string; message: string }[] = [];
  for (const field of fieldsOf(kind)) {
    const header = mapping[field];
    if (header && !headers.includes(header))
      problems.push({ path: `map-${field}`, message: 'import.error.mappingUnknown' });
  }
  const required = fromColumn
    ? [...requiredOf(kind), 'organisationColumn' as const]
    : requiredOf(kind);
  const messages: Record<string, string> = {
    title: 'import.error.mappingTitle',
    startsOn: 'import.error.mappingStartsOn',
    cities: 'import.error.mappingCities',
    organisationColumn: 'import.error.mappingOrganisation',
    occurredOn: 'import.error.mappingOccurredOn',
    city: 'import.error.mappingCity',
    direction: 'import.error.mappingDirection',
    participants: 'import.error.mappingParticipants',
    activities: 'import.error.mappingActivities',
  };
  for (const field of required)
    if (!mapping[field]) problems.push({ path: `map-${field}`, message: messages[field]! });
  return problems;
}

export type Checked = { problems: ImportProblem[]; lookups: ImportLookups; total: number } & (
  { kind: 'collaboration'; valid: ImportRow[] } | { kind: 'exchange'; valid: ExchangeImportRow[] }
);

export async function checkFile(
  db: Executor,
  job: { kind: ImportKind; filename: string; organisationId: string | null },
  data: Buffer,
  mapping: ImportMapping,
): Promise<Checked> {
  const sheet = await readSheet(job.filename, data);
  const lookups = await loadLookups(db);
  const common = { lookups, total: sheet.rows.length };
  return job.kind === 'exchange'
    ? {
        ...common,
        kind: 'exchange',
        ...checkExchangeRows(sheet.headers, sheet.rows, mapping, lookups, job.organisationId),
      }
    : {
        ...common,
        kind: 'collaboration',
        ...checkRows(sheet.headers, sheet.rows, mapping, lookups, job.organisationId),
      };
}
