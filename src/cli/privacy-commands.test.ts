import { afterEach, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import { createDb } from '../db/database.ts';
import { loadConfig } from '../config/config.ts';
import { newId } from '../shared/ids.ts';
import { runCli } from './main.ts';

async function run(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    { out: (l) => out.push(l), err: (l) => err.push(l), readStdin: () => Promise.resolve('') },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describeEachDialect('vanort privacy retention', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('lists what would go with --dry-run, changing nothing, then erases it', async () => {
    database = await createTestDatabase(dialect);
    const env = { DATABASE_URL: database.url };
    expect((await run(['seed', '--demo'], env)).code).toBe(0);
    const db = createDb(loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url }).database);
    const old = '2020-01-01T00:00:00.000Z';
    const id = newId();
    try {
      await db.kysely
        .insertInto('login_attempt')
        .values({
          id,
          kind: 'login',
          email: 'x@exempel.se',
          ip: null,
          succeeded: 0,
          occurred_at: old,
        })
        .execute();
      const dry = await run(['privacy', 'retention', '--dry-run'], env);
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('Retention dry run');
      expect(dry.out).toMatch(
        /login-attempts\s+\d+ in login_attempt \(job privacy-retention, 90 days\)/,
      );
      expect(dry.out).toContain(`login_attempt ${id}`);
      const json = await run(['privacy', 'retention', '--dry-run', '--json'], env);
      expect((JSON.parse(json.out) as { rule: string }[]).map((r) => r.rule)).toContain(
        'delegate-logistics',
      );
      expect(
        await db.kysely.selectFrom('login_attempt').select('id').where('id', '=', id).execute(),
      ).toHaveLength(1);
      const real = await run(['privacy', 'retention'], env);
      expect(real.code).toBe(0);
      expect(real.out).toContain('privacy-retention: ok');
      expect(real.out).toContain('delegation-retention: ok');
      expect(real.out).toContain('newsletter-retention: ok');
      expect(
        await db.kysely.selectFrom('login_attempt').select('id').where('id', '=', id).execute(),
      ).toEqual([]);
    } finally {
      await db.destroy();
    }
  }, 60_000);
});
