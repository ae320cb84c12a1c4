import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ENVIRONMENT_VARIABLES, loadConfig } from '../../src/config/config.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The instructions of a Containerfile: continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  const joined = text.replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const space = line.search(/\s/);
      return { op: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

/**
 * The Containerfile agrees with the rest of the project (decision 041): the Node it is built
 * on is the one CI runs, the port and health check are the app's, it runs as no root. The
 * real build and start below runs only when asked (CONTAINER_TEST=1): it takes minutes.
 */
describe('the Containerfile', () => {
  const file = read('Containerfile');
  const steps = instructions(file);
  const ops = (op: string) => steps.filter((s) => s.op === op);

  it('is two stages on the Node 24 LTS image CI runs on', () => {
    const ciMajor = /NODE_MAJOR="\$\{CI_NODE_MAJOR:-(\d+)\}"/.exec(read('.ci/run'))?.[1];
    expect(ciMajor).toBe('24');
    expect(ops('ARG')[0]?.args).toBe(`NODE_IMAGE=docker.io/library/node:${ciMajor}-bookworm-slim`);
    expect(ops('FROM').map((s) => s.args)).toEqual(['${NODE_IMAGE} AS build', '${NODE_IMAGE}']);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines;
    expect(Number(/>=(\d+)/.exec(engines.node)?.[1])).toBeLessThanOrEqual(Number(ciMajor));
  });

  it('installs with npm ci from the lock file and builds', () => {
    const runs = ops('RUN').map((s) => s.args);
    expect(runs.some((r) => r.includes('npm ci'))).toBe(true);
    expect(
      runs.some((r) => r.includes('npm run build') && r.includes('npm prune --omit=dev')),
    ).toBe(true);
    expect(ops('COPY')[0]?.args).toBe('package.json package-lock.json ./');
  });

  it("runs as the unprivileged user on the app's port, and checks /readyz", () => {
    expect(ops('USER').at(-1)?.args).toBe('node');
    // The ENV of the last stage, the one that runs.
    const lastFrom = steps.findLastIndex((s) => s.op === 'FROM');
    const env = steps
      .slice(lastFrom)
      .filter((s) => s.op === 'ENV')
      .map((s) => s.args)
      .join(' ');
    const port = /PORT=(\d+)/.exec(env)?.[1];
    expect(ops('EXPOSE').map((s) => s.args)).toEqual([port]);
    expect(env).toContain('HOST=0.0.0.0');
    expect(env).toContain('NODE_ENV=production');
    const health = ops('HEALTHCHECK')[0]?.args ?? '';
    expect(health).toContain('/readyz');
    expect(ops('CMD').at(-1)?.args).toContain('dist/src/main.js');
    // Every variable it sets is one the app reads, with a valid value.
    const set: Record<string, string> = {};
    for (const [, name, value] of env.matchAll(/([A-Za-z_]+)=(\S+)/g)) set[name!] = value!;
    expect(Object.keys(set).filter((name) => !ENVIRONMENT_VARIABLES.includes(name))).toEqual([]);
    const config = loadConfig({
      ...set,
      PUBLIC_URL: 'https://vanort.example',
      COOKIE_SECRET: 'x'.repeat(32),
    });
    expect(config.port).toBe(Number(port));
    expect(config.database).toEqual({ dialect: 'sqlite', path: '/app/data/vanort.sqlite' });
  });

  it('leaves local dependencies, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    for (const entry of ['node_modules', 'dist', 'data', '.env', '.git'])
      expect(ignored).toContain(entry);
  });
});

/** `podman` with the extra global arguments this machine needs (PODMAN_ARGS, e.g. `--runtime runc`). */
function podman(args: string[], timeoutMs = 60_000) {
  const global = (process.env.PODMAN_ARGS ?? '').split(' ').filter(Boolean);
  return spawnSync('podman', [...global, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    cwd: ROOT,
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const wanted = process.env.CONTAINER_TEST === '1';
describe.skipIf(!wanted)('the container image, built and started (CONTAINER_TEST=1)', () => {
  const tag = `localhost/vanortsportalen:test-${randomBytes(4).toString('hex')}`;
  const name = `vanort-container-test-${randomBytes(4).toString('hex')}`;
  afterAll(() => {
    podman(['rm', '-f', name]);
    podman(['rmi', '-f', tag]);
  });

  it('builds, starts, answers, reports healthy and stops gracefully', async () => {
    const runArgs = (process.env.PODMAN_RUN_ARGS ?? '').split(' ').filter(Boolean);
    // Docker format: the OCI format has no HEALTHCHECK.
    const build = podman(
      [
        'build',
        '--format',
        'docker',
        ...runArgs,
        '--build-arg',
        'CHROMIUM=no',
        '-f',
        'Containerfile',
        '-t',
        tag,
        '.',
      ],
      1_800_000,
    );
    expect(build.status, build.stderr.slice(-2000)).toBe(0);
    const port = await freePort();
    const run = podman([
      'run',
      '-d',
      '--name',
      name,
      ...runArgs,
      '-p',
      `127.0.0.1:${port}:3000`,
      '-e',
      'PUBLIC_URL=https://vanort.example',
      '-e',
      `COOKIE_SECRET=${randomBytes(32).toString('hex')}`,
      tag,
    ]);
    expect(run.status, run.stderr).toBe(0);
    let ready = 0;
    for (let i = 0; i < 120 && ready !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
    }
    expect(ready).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    // From outside the container (not loopback there), /metrics is not served.
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    expect(podman(['healthcheck', 'run', name]).status).toBe(0);
    const user = podman(['exec', name, 'id', '-un']);
    expect(user.stdout.trim()).toBe('node');
    const cli = podman(['exec', name, 'vanort', 'job', 'list']);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('delegation-retention');
    expect(podman(['stop', '-t', '20', name]).status).toBe(0);
    const exit = podman(['inspect', name, '--format', '{{.State.ExitCode}}']);
    expect(exit.stdout.trim()).toBe('0');
    expect(podman(['logs', name]).stdout).toContain('shutting down gracefully');
  }, 2_000_000);
});
