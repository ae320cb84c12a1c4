import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { modules } from '../../src/modules/registry.ts';
import {
  MODULES_BEGIN,
  moduleRows,
  readModuleTable,
  routePluginNames,
  tableCells,
} from '../../scripts/architecture-doc.ts';

/**
 * docs/architecture.md maps the code; these checks keep the map true: every path it names
 * exists, its module table is the registry's, and its data model lists every table once,
 * under the module that owns it.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOC = 'docs/architecture.md';
const doc = readFileSync(join(ROOT, DOC), 'utf8');

/** Fenced code blocks are pictures, not references: left out of the checks. */
const prose = (markdown: string) => markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');

/**
 * The repository paths named in inline code: anything starting with src/, test/, docs/,
 * scripts/ or bench/. A placeholder (`src/modules/<name>/index.ts`) or a glob is skipped.
 */
function pathsIn(markdown: string): string[] {
  const paths = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/`([^`\n]+)`/g)) {
    const candidate = text!.trim();
    if (!/^(src|test|docs|scripts|bench)\//.test(candidate)) continue;
    if (/[<>*?{}[\]]/.test(candidate)) continue;
    paths.add(candidate);
  }
  return [...paths];
}

/** Relative link targets of Markdown links (`[text](target)`), without anchors. */
function relativeLinks(markdown: string): string[] {
  const links = new Set<string>();
  for (const [, target] of prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)) {
    const path = target!.split('#')[0]!;
    if (path && !/^[a-z]+:/i.test(path)) links.add(path);
  }
  return [...links];
}

/** The `### heading` subsections of a `## title` section, each with its table's first cells. */
function tablesBySubsection(markdown: string, title: string): Map<string, string[]> {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return new Map();
  const rest = markdown.slice(start + title.length + 5);
  const section = rest.slice(0, rest.search(/\n## |$/));
  const out = new Map<string, string[]>();
  for (const part of section.split(/\n### /).slice(1)) {
    const [heading, ...lines] = part.split('\n');
    const names = lines
      .filter((l) => l.trim().startsWith('|'))
      .map((l) => tableCells(l)[0] ?? '')
      .flatMap((cell) => /^`([a-z_]+)`$/.exec(cell)?.slice(1) ?? []);
    out.set(heading!.trim(), names);
  }
  return out;
}

/** Every table the migrations create. */
function migratedTables(): string[] {
  const dir = join(ROOT, 'src/db/migrations');
  const tables = new Set<string>();
  for (const file of readdirSync(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, name] of text.matchAll(/createTable\('([a-z_]+)'\)/g)) tables.add(name!);
  }
  return [...tables].sort();
}

describe('docs/architecture.md', () => {
  it('finds the paths and skips placeholders (the check below checks something)', () => {
    expect(
      pathsIn(
        'See `src/app.ts`, `src/nowhere.ts` and `test/x/` but not `src/modules/<name>/index.ts`, ' +
          '`*.table.ts`, `GET /api/errors` or\n```\nsrc/in-a-picture.ts\n```\n',
      ),
    ).toEqual(['src/app.ts', 'src/nowhere.ts', 'test/x/']);
  });

  it('names only paths that exist in the repository', () => {
    const paths = pathsIn(doc);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('links only to files that exist', () => {
    const base = dirname(join(ROOT, DOC));
    const missing = relativeLinks(doc).filter((link) => !existsSync(join(base, link)));
    expect(missing.map((link) => relative(ROOT, join(base, link)))).toEqual([]);
  });

  it('has the module table of the registry: every module, its purpose, tables, routes and jobs (run `npm run architecture:doc`)', async () => {
    expect(doc).toContain(MODULES_BEGIN);
    expect(readModuleTable(doc)).toEqual(moduleRows(modules, await routePluginNames(modules)));
  });

  it("lists each module's tables under the module in the data model, exactly", () => {
    const sections = tablesBySubsection(doc, 'Data model');
    for (const m of modules) {
      if (m.tables.length === 0) {
        expect(sections.has(m.name), `no data model section for ${m.name}`).toBe(false);
        continue;
      }
      expect(sections.get(m.name)?.slice().sort(), `data model of ${m.name}`).toEqual(
        [...m.tables].sort(),
      );
    }
    const unknown = [...sections.keys()].filter(
      (h) => h !== 'platform' && !modules.some((m) => m.name === h),
    );
    expect(unknown).toEqual([]);
  });

  it('lists every table the migrations create, once, and no other', () => {
    const listed = [...tablesBySubsection(doc, 'Data model').values()].flat();
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(migratedTables());
    // No table is owned by two modules.
    const owned = modules.flatMap((m) => m.tables);
    expect(owned.length).toBe(new Set(owned).size);
  });
});

describe('docs/security.md', () => {
  const security = readFileSync(join(ROOT, 'docs/security.md'), 'utf8');

  it('names only paths that exist in the repository', () => {
    const paths = pathsIn(security);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it('links only to files that exist', () => {
    const base = join(ROOT, 'docs');
    const missing = relativeLinks(security).filter((link) => !existsSync(join(base, link)));
    expect(missing.map((link) => relative(ROOT, join(base, link)))).toEqual([]);
  });

  it('names only tests that exist, by their file and title', () => {
    const named = [...security.matchAll(/`((?:src|test)\/[^`]+\.test\.tsx?)` "(?:… )?([^"]+)"/g)];
    expect(named.length).toBeGreaterThan(50);
    const missing = named
      .filter(([, file, title]) => !readFileSync(join(ROOT, file!), 'utf8').includes(title!))
      .map(([, file, title]) => `${file}: ${title}`);
    expect(missing).toEqual([]);
  });
});
