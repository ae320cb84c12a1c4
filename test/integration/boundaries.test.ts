import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { modules as registry } from '../../src/modules/registry.ts';

/*
 * The module boundaries of .dependency-cruiser.cjs (also run by `npm run lint`): the layers
 * below the modules import none, modules import each other only through index.ts, no file
 * imports itself round a loop, and (checked here on the module graph) no two modules
 * depend on each other in a circle.
 */
const ROOT = join(import.meta.dirname, '../..');
const config = createRequire(import.meta.url)(
  join(ROOT, '.dependency-cruiser.cjs'),
) as IConfiguration;

async function run(baseDir: string): Promise<ICruiseResult> {
  const result = await cruise(['src'], {
    ...config.options,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    baseDir,
    tsConfig: undefined,
  });
  return result.output as ICruiseResult;
}

/** Module → the modules it imports (from files outside tests). */
function moduleGraph(result: ICruiseResult): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  const moduleOf = (path: string) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];
  for (const m of result.modules) {
    const from = moduleOf(m.source);
    if (!from || /\.test\.tsx?$/.test(m.source)) continue;
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (to && to !== from) {
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)!.add(to);
      }
    }
  }
  return graph;
}

/** The cycles of a graph, each as a path that returns to its start. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const visit = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === path[0]) found.push([...path, next].join(' → '));
      else if (!path.includes(next) && next > path[0]!) visit(next, [...path, next]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return found;
}

describe('module boundaries', () => {
  it('holds in the code: no forbidden import, no file cycle, no module cycle', async () => {
    const result = await run(ROOT);
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual([]);
    const graph = moduleGraph(result);
    expect(cycles(graph)).toEqual([]);
    // Every module folder is in the registry, and the registry names only real folders.
    expect(
      [...new Set(result.modules.map((m) => /^src\/modules\/([^/]+)\//.exec(m.source)?.[1]))]
        .filter((m): m is string => m !== undefined)
        .sort(),
    ).toEqual(registry.map((m) => m.name).sort());
  });

  it('refuses each deliberately forbidden import of the fixture', async () => {
    const result = await run(join(ROOT, 'test/fixtures/boundaries'));
    const violations = result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(violations).toEqual(
      expect.arrayContaining([
        'modules-use-public-surfaces: src/modules/alpha/alpha.service.ts → src/modules/beta/beta.repository.ts',
        'layers-import-no-module: src/platform/helper.ts → src/modules/beta/index.ts',
        expect.stringMatching(
          /^no-circular: src\/platform\/loop-[ab]\.ts → src\/platform\/loop-[ab]\.ts$/,
        ),
      ]),
    );
    expect(cycles(moduleGraph(result))).toEqual(['alpha → beta → alpha']);
  });
});
