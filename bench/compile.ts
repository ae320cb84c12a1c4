// The evaluation's compilation on the scale data (issue 15: under one second on `large`).
// Used by `npm run bench`; alone: `npx tsx bench/compile.ts --dialect sqlite --target FILE`
// on a database made by `npm run bench:data`.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDb, type Dialect } from '../src/db/database.ts';
import '../src/modules/registry.ts';
import { compileFigures } from '../src/modules/evaluation/compile.service.ts';
import { previousPeriod } from '../src/modules/evaluation/period.ts';

/** The period of an evaluation after a meeting at the end of the data: the eight years before it. */
const PERIOD = { start: '2019-01-01', end: '2026-12-31' };
const RUNS = 5;

export interface CompileTiming {
  period: typeof PERIOD;
  runs: number;
  medianMs: number;
  maxMs: number;
  collaborations: number;
  exchanges: number;
}

export async function timeCompile(dialect: Dialect, url: string): Promise<CompileTiming> {
  const db = createDb(
    dialect === 'sqlite' ? { dialect, path: url.replace(/^sqlite:/, '') } : { dialect, url },
  );
  try {
    const chain = await sql<{ id: string }>`select id from chain order by id limit 1`.execute(
      db.kysely,
    );
    const chainId = chain.rows[0]!.id;
    const input = { chainId, period: PERIOD, previous: previousPeriod(PERIOD) };
    await compileFigures(db.kysely, input); // warm: the first run opens files and plans
    const times: number[] = [];
    let figures = null as Awaited<ReturnType<typeof compileFigures>> | null;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      figures = await compileFigures(db.kysely, input);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      period: PERIOD,
      runs: RUNS,
      medianMs: Math.round(times[Math.floor(RUNS / 2)]!),
      maxMs: Math.round(times[RUNS - 1]!),
      collaborations: figures!.current.collaborations.total,
      exchanges: figures!.current.exchanges.total,
    };
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { dialect: { type: 'string', default: 'sqlite' }, target: { type: 'string' } },
  });
  if (!values.target) throw new Error('--target FILE-or-URL is required');
  const dialect = values.dialect as Dialect;
  const url = dialect === 'sqlite' ? `sqlite:${values.target}` : values.target;
  console.log(JSON.stringify(await timeCompile(dialect, url), null, 2));
}
