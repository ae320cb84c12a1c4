import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createDb, type Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../../src/demo.ts';
import {
  createTestDatabase,
  describeEachDialect,
  type TestDatabase,
} from '../helpers/databases.ts';
import { NGINX_PATH, nginxAvailable, opensslAvailable } from './tools.ts';

/**
 * The guide's nginx configuration (deploy/nginx/vanortsportalen.conf) in front of two
 * instances of the portal, on loopback: the very file, with only its addresses, ports and
 * certificate paths changed (each change must match, so the file cannot drift from the test).
 */
const GUIDE_CONF = readFileSync(
  new URL('../../deploy/nginx/vanortsportalen.conf', import.meta.url),
  'utf8',
);

/** The guide's file with `[from, to]` replaced; every `from` must occur in it. */
export function substitute(conf: string, replacements: readonly [string, string][]): string {
  let out = conf;
  for (const [from, to] of replacements) {
    if (!out.includes(from)) throw new Error(`the guide's nginx file no longer has: ${from}`);
    out = out.split(from).join(to);
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPort(port: number, nginx: ChildProcess, stderr: () => string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}: ${stderr()}`);
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request with node's own client: HTTPS checked against the test's certificate. */
function send(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    ca?: string;
    localAddress?: string;
  } = {},
): Promise<Answer> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      {
        method: options.method ?? 'GET',
        headers: { connection: 'close', ...options.headers },
        ...(options.ca ? { ca: options.ca, servername: 'localhost' } : {}),
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        agent: false,
        timeout: 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A browser's cookies and its last page's CSRF token, over the proxy. */
class Visitor {
  readonly cookies = new Map<string, string>();
  private lastPage = '';
  constructor(
    private readonly base: string,
    private readonly ca: string,
  ) {}

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    let body: string | undefined;
    if (init.form) {
      const form = new URLSearchParams(init.form);
      const token = /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1];
      if (token && !form.has('_csrf')) form.set('_csrf', token);
      body = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const answer = await send(`${this.base}${path}`, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      ca: this.ca,
    });
    for (const line of [answer.headers['set-cookie'] ?? []].flat()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const value = pair!.slice(eq + 1).trim();
      if (value === '') this.cookies.delete(pair!.slice(0, eq).trim());
      else this.cookies.set(pair!.slice(0, eq).trim(), value);
    }
    if (String(answer.headers['content-type']).startsWith('text/html')) this.lastPage = answer.body;
    return answer;
  }
}

const toolsHere = nginxAvailable() && opensslAvailable();

describeEachDialect('nginx from the guide in front of two instances', (dialect) => {
  if (!toolsHere) {
    it.skip('needs nginx and openssl', () => {});
    return;
  }
  let dir: string;
  let database: TestDatabase;
  let seedDb: Db;
  const apps: FastifyInstance[] = [];
  /** Every log line of both instances, parsed. */
  const logs: { instance: number; line: Record<string, unknown> }[] = [];
  let nginx: ChildProcess;
  let nginxErr = '';
  let httpUrl: string;
  let httpsUrl: string;
  let cert: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanort-nginx-'));
    // nginx's workers (www-data when started as root) read the configuration's folder.
    chmodSync(dir, 0o755);
    const certPath = join(dir, 'fullchain.pem');
    const keyPath = join(dir, 'privkey.pem');
    const made = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr}`);
    chmodSync(keyPath, 0o644);
    cert = readFileSync(certPath, 'utf8');

    database = await createTestDatabase(dialect);
    seedDb = createDb(database.target);
    await migrateToLatest(seedDb);
    await seedDemo(seedDb);
    const ports: number[] = [];
    for (let instance = 0; instance < 2; instance++) {
      const config = loadConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'info',
        // As the guide says: X-Forwarded-* believed from the nginx on loopback only.
        TRUST_PROXY: '127.0.0.1',
        LOGIN_RATE_LIMIT: '0',
        RESET_RATE_LIMIT: '0',
      });
      const stream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const text of chunk.toString('utf8').split('\n'))
            if (text) logs.push({ instance, line: JSON.parse(text) as Record<string, unknown> });
          done();
        },
      });
      const app = await buildApp({ config, db: createDb(config.database), logger: { stream } });
      // What the app makes of the forwarded headers (a route of this test only).
      app.get('/test/forwarded', { config: { permission: 'public' } }, (request) => ({
        ip: request.ip,
        protocol: request.protocol,
        host: request.host,
        instance,
      }));
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (typeof address !== 'object' || !address) throw new Error('no address');
      ports.push(address.port);
      apps.push(app);
    }

    const [httpPort, httpsPort] = [await freePort(), await freePort()];
    httpUrl = `http://localhost:${httpPort}`;
    httpsUrl = `https://localhost:${httpsPort}`;
    const site = substitute(GUIDE_CONF, [
      ['    listen 80;', `    listen 127.0.0.1:${httpPort};`],
      ['    listen [::]:80;\n', ''],
      ['    listen 443 ssl http2;', `    listen 127.0.0.1:${httpsPort} ssl http2;`],
      ['    listen [::]:443 ssl http2;\n', ''],
      ['server_name vanort.goteborg.se;', 'server_name localhost;'],
      ['server 127.0.0.1:3000 ', `server 127.0.0.1:${ports[0]} `],
      ['server 127.0.0.1:3001 ', `server 127.0.0.1:${ports[1]} `],
      ['/etc/ssl/vanortsportalen/fullchain.pem', certPath],
      ['/etc/ssl/vanortsportalen/privkey.pem', keyPath],
    ]);
    writeFileSync(join(dir, 'vanortsportalen.conf'), site);
    // The rest of what /etc/nginx/nginx.conf gives: its `http` block includes the site.
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'worker_processes 1;',
        `error_log ${join(dir, 'error.log')} warn;`,
        'events { worker_connections 64; }',
        'http {',
        `  access_log ${join(dir, 'access.log')};`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`,
        ),
        `  include ${join(dir, 'vanortsportalen.conf')};`,
        '}',
        '',
      ].join('\n'),
    );
    const test = spawnSync(
      NGINX_PATH,
      ['-t', '-p', dir, '-c', join(dir, 'nginx.conf'), '-g', `pid ${join(dir, 'nginx.pid')};`],
      {
        encoding: 'utf8',
      },
    );
    if (test.status !== 0) throw new Error(`nginx -t refused the guide's file: ${test.stderr}`);
    nginx = spawn(
      NGINX_PATH,
      [
        '-p',
        dir,
        '-c',
        join(dir, 'nginx.conf'),
        '-g',
        `daemon off; pid ${join(dir, 'nginx.pid')};`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    nginx.stderr!.on('data', (c: Buffer) => (nginxErr += c.toString()));
    await waitForPort(httpsPort, nginx, () => nginxErr);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (nginx.exitCode === null) nginx.kill('SIGKILL');
    }
    for (const app of apps) await app.close();
    await seedDb?.destroy();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const answer = await send(`${httpUrl}/cities?view=list`);
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('https://localhost/cities?view=list');
  });

  it('serves the pages over HTTPS with a certificate the client checks, from both instances', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const page = await send(`${httpsUrl}/`, { ca: cert });
      expect(page.status).toBe(200);
      expect(page.body).toContain('<html lang="sv"');
      const english = await send(`${httpsUrl}/en/cities`, { ca: cert });
      expect(english.status).toBe(200);
      const forwarded = await send(`${httpsUrl}/test/forwarded`, { ca: cert });
      seen.add((JSON.parse(forwarded.body) as { instance: number }).instance);
    }
    expect([...seen].sort()).toEqual([0, 1]);
    // And a client that does not trust the certificate is refused by TLS, not served.
    await expect(send(`${httpsUrl}/`)).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it('passes the client address, scheme and host on; the app logs the client, not nginx', async () => {
    // The client connects from 127.0.0.5 and claims to be 203.0.113.7: nginx replaces that.
    const answer = await send(`${httpsUrl}/test/forwarded`, {
      ca: cert,
      localAddress: '127.0.0.5',
      headers: { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'http' },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      ip: '127.0.0.5',
      protocol: 'https',
      host: 'localhost',
    });
    // nginx's request id is the app's: the two logs can be joined.
    const requestId = answer.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    const logged = logs.find(
      (l) => l.line.requestId === requestId && (l.line.req as object | undefined) !== undefined,
    );
    expect(logged?.line.req).toMatchObject({ remoteAddress: '127.0.0.5', url: '/test/forwarded' });
  });

  it("passes the static files' cache headers and the app's compression through", async () => {
    const version = apps[0]!.assetVersion;
    const css = await send(`${httpsUrl}/static/styles.css?v=${version}`, {
      ca: cert,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.headers['content-encoding']).toBe('gzip');
    const unversioned = await send(`${httpsUrl}/static/styles.css`, { ca: cert });
    expect(unversioned.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
  });

  it('takes a form POST with its CSRF token, and refuses one without', async () => {
    const visitor = new Visitor(httpsUrl, cert);
    expect((await visitor.request('/login')).status).toBe(200);
    const forged = await send(`${httpsUrl}/login`, {
      method: 'POST',
      ca: cert,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...visitor.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: new URLSearchParams({
        email: 'samordnare@vanort.example',
        password: DEMO_PASSWORD,
      }).toString(),
    });
    expect(forged.status).toBe(403);
    const login = await visitor.request('/login', {
      form: { email: 'samordnare@vanort.example', password: DEMO_PASSWORD },
    });
    expect(login.status).toBe(303);
    // Signed in on whichever instance answers next (sessions are in the database).
    for (let i = 0; i < 2; i++) {
      const workspace = await visitor.request('/workspace');
      expect(workspace.status).toBe(200);
      expect(workspace.body).toContain('Sara Samordnare');
    }
  });

  it('keeps /metrics off the public address', async () => {
    expect((await send(`${httpsUrl}/metrics`, { ca: cert })).status).toBe(404);
    // Prometheus on the machine reads it from the instance itself.
    const address = apps[0]!.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const direct = await send(`http://127.0.0.1:${port}/metrics`);
    expect(direct.status).toBe(200);
    expect(direct.body).toContain('vanort_http_requests_total{route="/test/forwarded"');
  });

  it('refuses a body larger than the portal takes before it reaches the portal', async () => {
    const answer = await send(`${httpsUrl}/login`, {
      method: 'POST',
      ca: cert,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(60 * 1024 * 1024),
      },
      body: '',
    }).catch((error: Error) => ({ status: 0, headers: {}, body: error.message }));
    expect(answer.status).toBe(413);
  });
});
