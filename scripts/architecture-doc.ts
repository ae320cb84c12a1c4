// The generated part of docs/architecture.md: the module table, written from the module
// descriptors (src/modules/registry.ts). `npm run architecture:doc` rewrites it;
// test/integration/docs.test.ts fails when the committed table disagrees with the registry.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AppModule } from '../src/platform/module.ts';

export const MODULES_BEGIN =
  '<!-- modules:begin (generated from src/modules/registry.ts by `npm run architecture:doc`; do not edit) -->';
export const MODULES_END = '<!-- modules:end -->';

export const MODULE_TABLE_HEADER = ['module', 'purpose', 'tables', 'route plugins', 'jobs'];

const code = (text: string) => `\`${text}\``;
const list = (items: readonly string[]) => (items.length ? items.join(', ') : '—');

/** A module's route plugin function (plain or under a prefix). */
type Plugin = Exclude<NonNullable<AppModule['routes']>[number], { prefix: string }>;

/**
 * The exported name of every route plugin, found among the exports of the files in its
 * module's folder: plugins made by a factory (e.g. `meetingPartPages({ … })`) have no
 * function name of their own.
 */
export async function routePluginNames(
  modules: readonly AppModule[],
): Promise<Map<unknown, string>> {
  const names = new Map<unknown, string>();
  const root = fileURLToPath(new URL('../src/modules/', import.meta.url));
  for (const m of modules) {
    const files = readdirSync(`${root}${m.name}`).filter(
      (f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f),
    );
    for (const file of files) {
      const exports = (await import(pathToFileURL(`${root}${m.name}/${file}`).href)) as Record<
        string,
        unknown
      >;
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value === 'function' && !names.has(value)) names.set(value, name);
      }
    }
  }
  return names;
}

/** One row per module, in registry order: the cells as they appear in the doc. */
export function moduleRows(
  modules: readonly AppModule[],
  names: ReadonlyMap<unknown, string> = new Map(),
): string[][] {
  const nameOf = (plugin: Plugin) => code(names.get(plugin) ?? (plugin.name || '(anonymous)'));
  return modules.map((m) => [
    code(`src/modules/${m.name}/`),
    m.purpose.replace(/\|/g, '\\|'),
    list(m.tables.map(code)),
    list(
      (m.routes ?? []).map((r) =>
        typeof r === 'function' ? nameOf(r) : `${nameOf(r.plugin)} under ${code(r.prefix)}`,
      ),
    ),
    list((m.jobs ?? []).map((j) => `${code(j.name)} (${code(j.cron)})`)),
  ]);
}

/** The module table as Markdown (Prettier may align it; `readModuleTable` does not mind). */
export function renderModuleTable(
  modules: readonly AppModule[],
  names?: ReadonlyMap<unknown, string>,
): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(MODULE_TABLE_HEADER),
    line(MODULE_TABLE_HEADER.map(() => '---')),
    ...moduleRows(modules, names).map(line),
  ].join('\n');
}

/** The doc with the text between the markers replaced by the current module table. */
export function withModuleTable(
  doc: string,
  modules: readonly AppModule[],
  names?: ReadonlyMap<unknown, string>,
): string {
  const begin = doc.indexOf(MODULES_BEGIN);
  const end = doc.indexOf(MODULES_END);
  if (begin < 0 || end < begin) {
    throw new Error(`docs/architecture.md lacks the markers ${MODULES_BEGIN} … ${MODULES_END}`);
  }
  return (
    doc.slice(0, begin + MODULES_BEGIN.length) +
    '\n\n' +
    renderModuleTable(modules, names) +
    '\n\n' +
    doc.slice(end)
  );
}

/** Splits a Markdown table row into its trimmed cells (an escaped `\|` stays in its cell). */
export function tableCells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The rows of the committed module table (header and separator left out). */
export function readModuleTable(doc: string): string[][] {
  const begin = doc.indexOf(MODULES_BEGIN);
  const end = doc.indexOf(MODULES_END);
  if (begin < 0 || end < begin) return [];
  const rows = doc
    .slice(begin + MODULES_BEGIN.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .map(tableCells);
  return rows.filter((cells) => !cells.every((c) => /^:?-+:?$/.test(c))).slice(1);
}
