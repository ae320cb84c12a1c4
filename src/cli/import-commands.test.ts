import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { runCliCaptured, useCliDatabase } from '../../test/helpers/cli.ts';
import { countRows } from '../../test/helpers/rows.ts';

const run = runCliCaptured;

describeEachDialect('vanort import', (dialect) => {
  const cli = useCliDatabase(dialect);
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists every problem by row and column and writes nothing; a valid file is imported with progress', async () => {
    const env = await cli.seeded();
    dir = mkdtempSync(join(tmpdir(), 'vanort-cli-import-'));
    /** `vanort import` of a file for the Cultural Administration. */
    const importing = (file: string, ...options: string[]) =>
      run(['import', '--file', file, '--organisation', 'kulturforvaltningen', ...options], env);
    const header = 'Rubrik;Startdatum;Slutdatum;Vänorter;Områden\n';
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      header + 'Lägerskola;2026-05-04;2026-05-08;Århus;Skola\n;2026-05-04;;Oslo;Skola\n',
    );
    const refused = await importing(bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('row 3, column "Rubrik": Rubriken saknas');
    expect(refused.err).toContain('row 3, column "Vänorter": ”Oslo” är ingen aktiv vänort');
    expect(refused.err).toContain('Nothing was imported');

    const good = join(dir, 'good.csv');
    writeFileSync(
      good,
      header + 'Lägerskola;2026-05-04;2026-05-08;Århus;Skola\nKonferens;2026-09-01;;Bergen, Åbo;\n',
    );
    const dry = await importing(good, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('2 rows, 2 valid, 0 problem(s)');
    expect(dry.out).toContain('Dry run: the file is valid; nothing was written.');
    const count = () => countRows(cli.open(), 'collaboration');
    const base = await count();
    const done = await importing(good);
    expect(done.code).toBe(0);
    expect(done.out).toContain('imported 2/2 rows');
    expect(done.out).toContain('Imported 2 collaborations');
    expect(await count()).toBe(base + 2);
    const unknown = await run(['import', '--file', good, '--organisation', 'finns-inte'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('organisation: Välj vilken organisation');
    expect((await run(['import', '--file', good], env)).code).toBe(2);
  });
});
