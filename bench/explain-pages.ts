/**
 * The reads of some pages on a `bench:data` database, each timed alone and explained
 * (decision 043): which query of a slow page costs the time, and what plan it takes.
 *
 *   npx tsx bench/explain-pages.ts --target bench/.data/large.sqlite [--signed-in] PATH…
 *   npx tsx bench/explain-pages.ts --target postgres://… PATH…
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CompiledQuery } from 'kysely';
import { inProcessApp } from './in-process-app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/modules/accounts/account.demo.ts';
import { countQueries, enableQueryCount } from '../src/platform/query-count.ts';
import { TestAgent } from '../test/helpers/agent.ts';
import { forgetReads } from '../test/perf/pages.ts';

const { values, positionals } = parseArgs({
  options: {
    target: { type: 'string', default: 'bench/.data/large.sqlite' },
    'signed-in': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '5' },
  },
  allowPositionals: true,
});

enableQueryCount();
const target = values.target;
const dialect = target.startsWith('postgres') ? 'postgres' : 'sqlite';
const url = dialect === 'sqlite' ? `sqlite:${target}` : target;
const { app, db } = await inProcessApp(url);
const agent = new TestAgent(app);
if (values['signed-in']) {
  const coordinator = DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')!;
  const login = await agent.login(coordinator.email, DEMO_PASSWORD);
  if (login.statusCode !== 303) throw new Error(`login answered ${login.statusCode}`);
}
const repeat = Number(values.repeat);

async function timeRaw(q: { sql: string; parameters: readonly unknown[] }): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await db.kysely.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function explain(q: { sql: string; parameters: readonly unknown[] }): Promise<string> {
  if (dialect === 'sqlite') {
    const { rows } = await db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
    );
    return rows.map((r) => r.detail).join(' | ');
  }
  const { rows } = await db.kysely.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain (analyze, costs off) ${q.sql}`, [...q.parameters]),
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n    ');
}

for (const path of positionals) {
  await forgetReads(db);
  const t0 = performance.now();
  const { result, queries } = await countQueries(() => agent.get(path));
  const first = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = performance.now();
    await agent.get(path);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `\n## ${path}: ${result.statusCode}, ${result.body.length} bytes, ${queries.length} queries; first ${first.toFixed(1)} ms, again median ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`,
  );
  const timed = [];
  for (const q of queries) {
    if (!/^\s*(select|with)\b/i.test(q.sql)) continue;
    timed.push({ q, ms: await timeRaw(q) });
  }
  timed.sort((a, b) => b.ms - a.ms);
  for (const { q, ms } of timed.slice(0, 4)) {
    console.log(
      `- ${ms.toFixed(2)} ms: ${q.sql.slice(0, 600)}\n  params ${JSON.stringify(q.parameters).slice(0, 200)}\n  plan: ${await explain(q)}`,
    );
  }
}
await app.close();
