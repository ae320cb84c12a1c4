import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helpers/databases.ts';
import { EXIT } from './main.ts';
import { runCliCaptured, useCliDatabase } from '../../test/helpers/cli.ts';

const run = runCliCaptured;

describe('vanort CLI usage', () => {
  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('vanort migrate');
    expect(r.out).toContain('vanort seed --demo');
  });

  it('refuses unknown commands, options and missing arguments with exit code 2', async () => {
    for (const args of [
      [],
      ['frobnicate'],
      ['migrate', '--force'],
      ['seed'],
      ['migrate', 'extra'],
      ['migrate', '--demo'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(EXIT.usage);
      expect(r.err, args.join(' ')).toMatch(/^vanort: /);
    }
  });

  it('names a bad variable and exits 78', async () => {
    const r = await run(['migrate'], { DATABASE_URL: 'mysql://x' });
    expect(r.code).toBe(EXIT.config);
    expect(r.err).toContain('DATABASE_URL');
  });

  it('never seeds demo data in production', async () => {
    const r = await run(['seed', '--demo'], {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://vanort.example',
      COOKIE_SECRET: 'x'.repeat(32),
      DATABASE_URL: 'sqlite::memory:',
    });
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain('NODE_ENV=production');
  });

  it('says so when the database cannot be reached', async () => {
    const r = await run(['migrate'], { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none' });
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain('cannot reach the postgres database');
  });

  it('runs as the package bin', () => {
    const r = spawnSync(process.execPath, ['bin/vanort.mjs', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage:');
    const bad = spawnSync(process.execPath, ['bin/vanort.mjs', 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown command "nope"');
  });
});

describeEachDialect('vanort user', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('creates users with roles and scope, sets passwords and lists them', async () => {
    const env = await cli.seeded();
    const create = await run(
      [
        'user',
        'create',
        '--email',
        'Ny.Rapportor@Example.org',
        '--role',
        'reporter',
        '--role',
        'staff',
        '--organisation',
        'liseberg',
        '--name',
        'Nina Ny',
        '--password-stdin',
      ],
      env,
      'a-long-enough-secret-42\n',
    );
    expect(create.err).toBe('');
    expect(create).toMatchObject({ code: 0 });
    expect(create.out).toContain('Created ny.rapportor@example.org');
    const list = await run(['user', 'list'], env);
    expect(list.out).toContain('ny.rapportor@example.org\tNina Ny\treporter,staff\tyes');
    expect(list.out).toContain('8 user(s).');

    const weak = await run(
      ['user', 'set-password', '--email', 'ny.rapportor@example.org', '--password-stdin'],
      env,
      'short\n',
    );
    expect(weak.code).toBe(EXIT.failed);
    expect(weak.err).toContain('at least 12 characters');
    const set = await run(
      ['user', 'set-password', '--email', 'ny.rapportor@example.org', '--password-stdin'],
      env,
      'another-long-secret-77\n',
    );
    expect(set).toMatchObject({ code: 0 });
  });

  it('invites a user by mail and creates API tokens', async () => {
    const env = await cli.seeded();
    const invite = await run(
      ['user', 'create', '--email', 'inbjuden@example.org', '--role', 'coordinator', '--invite'],
      env,
    );
    expect(invite.err).toBe('');
    expect(invite.out).toContain('Invited inbjuden@example.org');
    const both = await run(
      [
        'user',
        'create',
        '--email',
        'x@example.org',
        '--role',
        'staff',
        '--invite',
        '--password-stdin',
      ],
      env,
    );
    expect(both.code).toBe(EXIT.usage);

    const token = await run(
      [
        'token',
        'create',
        '--email',
        'samordnare@vanort.example',
        '--name',
        'Intranätet',
        '--days',
        '30',
      ],
      env,
    );
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^vpt_[\w-]+$/);
    expect(token.err).toContain('shown only this once');
    expect(
      (
        await run(
          [
            'token',
            'create',
            '--email',
            'samordnare@vanort.example',
            '--name',
            'x',
            '--days',
            'many',
          ],
          env,
        )
      ).code,
    ).toBe(EXIT.usage);
    expect(
      (await run(['token', 'create', '--email', 'nobody@example.org', '--name', 'x'], env)).err,
    ).toContain('no user');
  });

  it('refuses incomplete or wrong input with a clear message and changes nothing', async () => {
    const env = await cli.seeded();
    const secret = 'a-long-enough-secret-42';
    for (const [args, stdin, code, message] of [
      [['--role', 'staff'], '', EXIT.usage, 'user create needs --email'],
      [['--email', 'a@b.se', '--role', 'emperor'], '', EXIT.usage, 'unknown role "emperor"'],
      [
        ['--email', 'a@b.se', '--role', 'reporter'],
        secret,
        EXIT.failed,
        'a reporter needs --organisation',
      ],
      [
        ['--email', 'admin@vanort.example', '--role', 'staff'],
        secret,
        EXIT.failed,
        'already exists',
      ],
      [['--email', 'a@b.se', '--role', 'staff'], '', EXIT.failed, 'no password on standard input'],
    ] as const) {
      const refused = await run(['user', 'create', ...args, '--password-stdin'], env, stdin);
      expect(refused.code, message).toBe(code);
      expect(refused.err).toContain(message);
    }
    expect((await run(['user', 'list'], env)).out).toContain('7 user(s).');
  });
});

describeEachDialect('vanort migrate and seed', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('migrates, seeds the demo data, and does nothing the second time', async () => {
    const env = await cli.fresh();
    // Each step in turn exits 0 and says what it did.
    for (const [args, said] of [
      [['migrate'], '0001-foundation'],
      [['migrate'], 'up to date'],
      [['seed', '--demo'], 'Seeded the demo data'],
      [['seed', '--demo'], 'already present'],
    ] as const) {
      const step = await run([...args], env);
      expect(step.code, said).toBe(0);
      expect(step.out).toContain(said);
    }
  });
});

describeEachDialect('vanort rotation', (dialect) => {
  const cli = useCliDatabase(dialect);

  it('prints the rotation as a table or JSON and refuses bad years', async () => {
    const env = await cli.seeded();
    const table = await run(['rotation', '--from', '2025', '--count', '3'], env);
    expect(table.err).toBe('');
    expect(table.code).toBe(EXIT.ok);
    expect(table.out).toContain('2025  Åbo           held');
    expect(table.out).toContain('2027  Göteborg      planned');
    expect(table.out).toContain('2029  Bergen        forecast');
    const json = await run(['rotation', '--from', '2035', '--count', '1', '--json'], env);
    expect(JSON.parse(json.out)).toEqual([
      {
        year: 2035,
        host: {
          slug: 'goteborg',
          name: 'Göteborg',
          localized: { name: { text: 'Göteborg', lang: 'sv' } },
        },
        status: 'forecast',
        meeting: null,
      },
    ]);
    for (const args of [
      ['rotation', '--from', '1800'],
      ['rotation', '--count', '0'],
      ['rotation', '--count', 'many'],
    ]) {
      const bad = await run(args, env);
      expect(bad.code, args.join(' ')).toBe(EXIT.usage);
      expect(bad.err).toMatch(/^vanort: /);
    }
  });
});
