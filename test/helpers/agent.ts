import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { isLocale, type Locale } from '../../src/platform/i18n/locales.ts';
import { localizePath, splitLocaleUrl } from '../../src/platform/i18n/paths.ts';

/**
 * A small browser stand-in for app.inject(): keeps cookies between requests and
 * takes the CSRF token from the last page it saw, as a form would. Like a reader who
 * follows the links of the pages they read, it stays in the language it last chose: once
 * `locale` is set (or a `?lang=xx` link took it to `/xx/…`), it asks for every page at that
 * language's address.
 */
export class TestAgent {
  readonly cookies = new Map<string, string>();
  lastPage = '';
  locale: Locale = 'sv';

  /**
   * `app`: the app, or a function that gives it (for an agent made before the app is built);
   * `remoteAddress`: the address the requests come from (default 127.0.0.1), for the
   * limits and lockouts that count per address.
   */
  constructor(
    app: FastifyInstance | (() => FastifyInstance),
    private readonly options: { remoteAddress?: string } = {},
  ) {
    this.appOf = typeof app === 'function' ? app : () => app;
  }

  /** The app the requests go to; a function for an app built later (useSignedIn). */
  private readonly appOf: () => FastifyInstance;
  private get app(): FastifyInstance {
    return this.appOf();
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (
        c.value === '' ||
        (c.maxAge !== undefined && c.maxAge <= 0) ||
        (c.expires && c.expires.getTime() < Date.now())
      ) {
        this.cookies.delete(c.name);
      } else {
        this.cookies.set(c.name, c.value);
      }
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastPage = res.body;
    return res;
  }

  get csrfToken(): string | null {
    return /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1] ?? null;
  }

  /** The address of a site path in the agent's language. */
  address(url: string): string {
    return localizePath(url, this.locale);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = this.remember(
      await this.app.inject({
        method: 'GET',
        url: this.address(url),
        cookies: Object.fromEntries(this.cookies),
        ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
        headers,
      }),
    );
    // The language switch (`?lang=xx`) leads to the page at that language's address.
    const lang = new URL(url, 'http://localhost').searchParams.get('lang');
    const location = String(res.headers.location ?? '');
    if (res.statusCode === 301 && isLocale(lang) && location) {
      this.locale = lang;
      return this.get(splitLocaleUrl(location).url, headers);
    }
    return res;
  }

  /** Posts a form; adds the CSRF token of the last page unless `_csrf` is given (null: none). */
  async post(
    url: string,
    fields: Record<string, string | string[]> = {},
    options: { csrf?: string | null } = {},
  ) {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields))
      for (const item of [v].flat()) body.append(k, item);
    const token = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (token) body.set('_csrf', token);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url: this.address(url),
        cookies: Object.fromEntries(this.cookies),
        ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  /**
   * Fills in the form at `url` as a person would: opens its page (which gives the CSRF
   * token), then posts the fields to it.
   */
  async submit(url: string, fields: Record<string, string | string[]> = {}) {
    await this.get(url);
    return this.post(url, fields);
  }

  /**
   * Posts a multipart form as a browser would (the CSRF token of the last page unless
   * `csrf` says otherwise), with at most one file.
   */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    file?: { field: string; filename: string; type: string; data: Buffer },
    options: { csrf?: string | null } = {},
  ) {
    const form = new FormData();
    const token = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (token) form.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file)
      form.append(
        file.field,
        new Blob([new Uint8Array(file.data)], { type: file.type }),
        file.filename,
      );
    const request = new Request('http://localhost/', { method: 'POST', body: form });
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url: this.address(url),
        cookies: Object.fromEntries(this.cookies),
        ...(this.options.remoteAddress ? { remoteAddress: this.options.remoteAddress } : {}),
        headers: { 'content-type': request.headers.get('content-type')! },
        payload: Buffer.from(await request.arrayBuffer()),
      }),
    );
  }

  /**
   * Logs in through the form; with `next`, through the form at `/login?next=…` (where a
   * page that needs a login sends the person), which posts it back.
   */
  async login(email: string, password: string, next?: string) {
    if (next === undefined) {
      await this.get('/login');
      return this.post('/login', { email, password });
    }
    await this.get(`/login?next=${encodeURIComponent(next)}`);
    return this.post('/login', { email, password, next });
  }
}
