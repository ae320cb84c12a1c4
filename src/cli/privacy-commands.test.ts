import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { newId } from '../shared/ids.ts';
import { runCliCaptured, useCliDatabase } from '../../test/helpers/cli.ts';

const run = (args: string[], env: Record<string, string>) =>
  runCliCaptured(args, { LOG_LEVEL: 'silent', ...env });

describeEachDialect('vanort privacy retention', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('lists what would go with --dry-run, changing nothing, then erases it', async () => {
    const env = await cli.seeded();
    const db = cli.open();
    const old = '2020-01-01T00:00:00.000Z';
    const id = newId();
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
  }, 60_000);
});
