import { createServer, request as httpRequest, type Server } from 'node:http';

/**
 * A loopback HTTP load balancer for tests of several instances: each request goes to the
 * next backend in turn (round robin, no stickiness), with its method, path, headers and body,
 * and `X-Forwarded-For` set as a reverse proxy would. Counts what each backend served.
 */
export class RoundRobinProxy {
  private server: Server | null = null;
  private next = 0;
  readonly served: number[];
  port = 0;

  constructor(private readonly backends: readonly { host: string; port: number }[]) {
    this.served = backends.map(() => 0);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((incoming, outgoing) => {
      const index = this.next++ % this.backends.length;
      const backend = this.backends[index]!;
      this.served[index]! += 1;
      const upstream = httpRequest(
        {
          host: backend.host,
          port: backend.port,
          method: incoming.method,
          path: incoming.url,
          headers: { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? '' },
        },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => {
        if (!outgoing.headersSent) outgoing.writeHead(502);
        outgoing.end();
      });
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (typeof address === 'object' && address) this.port = address.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    this.server?.closeAllConnections();
  }
}

/** A browser stand-in over real HTTP: a cookie jar, the last page's CSRF token, no redirects followed. */
export class HttpAgent {
  readonly cookies = new Map<string, string>();
  lastPage = '';

  constructor(private readonly base: string) {}

  private async send(path: string, init: RequestInit = {}) {
    const response = await fetch(`${this.base}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        connection: 'close',
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await response.text();
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) this.lastPage = body;
    return { status: response.status, headers: response.headers, body };
  }

  get(path: string) {
    return this.send(path);
  }

  post(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const item of [v].flat()) body.append(k, item);
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1];
    if (token && !body.has('_csrf')) body.set('_csrf', token);
    return this.send(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  }

  async login(email: string, password: string) {
    await this.get('/login');
    return this.post('/login', { email, password });
  }
}
