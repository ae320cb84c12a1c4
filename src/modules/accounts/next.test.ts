import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { useTestApp } from '../../../test/helpers/test-app.ts';
import { DEMO_PASSWORD } from '../../demo.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { DEFAULT_NEXT, safeNext } from './next.ts';

/**
 * Where a login goes next (`?next=`): only a page of this site, never another one
 * (issue 17: `/\t/evil.example` was followed by Chromium to evil.example, and a newline
 * answered 500 after the session was made).
 */

const SITE = 'https://vanort.goteborg.example';

/** A Location a browser resolves to this site, without anything a header may not carry. */
function expectSameSite(location: string): void {
  expect(location).toMatch(/^\/(?![/\\])/);
  // eslint-disable-next-line no-control-regex
  expect(location).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
  expect(new URL(location, SITE).origin).toBe(SITE);
}

/**
 * Hostile `next` values as an attacker writes them into a link (URL-encoded), with where
 * the login must go: the workspace start page, or (for encodings that only look hostile) a path
 * of this site that no browser reads as another host.
 */
const HOSTILE: readonly (readonly [query: string, landing: string])[] = [
  ['%2F%09%2Fevil.example', '/workspace'], // /<TAB>/evil.example: browsers drop the tab → //evil.example
  ['%2F%0A%2Fevil.example', '/workspace'], // a newline: ERR_INVALID_CHAR in the Location header
  ['%2F%0D%0ASet-Cookie%3A%20x%3D1', '/workspace'], // header injection
  ['%2F%00%2Fevil.example', '/workspace'],
  ['%2F%7F%2Fevil.example', '/workspace'],
  ['%2F%C2%85%2Fevil.example', '/workspace'], // U+0085, a C1 control character
  ['%2F%2Fevil.example', '/workspace'],
  ['%2F%2F%2Fevil.example', '/workspace'],
  ['%2F%5Cevil.example', '/workspace'], // /\evil.example
  ['%5C%5Cevil.example', '/workspace'],
  ['%2F%5C%2Fevil.example', '/workspace'],
  ['https%3A%2F%2Fevil.example%2F', '/workspace'],
  ['HTTPS%3A%2F%2Fevil.example', '/workspace'],
  ['%2F%2E%2E%2F%2Fevil.example', '/workspace'], // /..//evil.example: dot segments leave //evil.example
  ['%2F.%2F%2Fevil.example', '/workspace'],
  ['%2Fx%2F..%2F..%2F%2Fevil.example', '/workspace'],
  ['javascript%3Aalert(1)', '/workspace'],
  ['%20%2F%2Fevil.example', '/workspace'],
  ['%2F%09%5C%2Fevil.example', '/workspace'],
  ['evil.example', '/workspace'],
  ['%2F' + 'a'.repeat(5000), '/workspace'], // very long
  // Encoded once more: the text "%2F" stays in the path, which browsers do not decode.
  ['%2F%252F%252Fevil.example', '/%2F%2Fevil.example'],
  ['%2F%2509%2Fevil.example', '/%09/evil.example'],
  ['%2F%E2%80%A8%2Fevil.example', '/%E2%80%A8/evil.example'], // U+2028, percent-encoded
];

/** A NUL anywhere in the input is refused (400) before any route runs (input-guard.ts). */
const REFUSED_AT_THE_DOOR = new Set(['%2F%00%2Fevil.example']);

const nextOf = (query: string) => new URLSearchParams(`next=${query}`).get('next')!;

describe('safeNext', () => {
  it('keeps a page of this site with its query, without the fragment', () => {
    expect(safeNext('/cities')).toBe('/cities');
    expect(safeNext('/workspace/collaborations?status=review&page=2')).toBe(
      '/workspace/collaborations?status=review&page=2',
    );
    expect(safeNext('/meetings#2027')).toBe('/meetings');
    expect(safeNext('/en/cities')).toBe('/en/cities');
    expect(safeNext('/städer')).toBe('/st%C3%A4der');
  });

  it('falls back to the account page for anything else', () => {
    for (const [query, landing] of HOSTILE) {
      const result = safeNext(nextOf(query));
      expectSameSite(result);
      expect(result, query).toBe(landing);
    }
    for (const odd of [undefined, null, 1, ['/cities'], {}, '', '/'.repeat(3000)]) {
      expect(safeNext(odd)).toBe(DEFAULT_NEXT);
    }
    expect(safeNext('/\t/evil.example')).toBe(DEFAULT_NEXT);
    expect(safeNext('/\\evil.example')).toBe(DEFAULT_NEXT);
    expect(safeNext('/..//evil.example')).toBe(DEFAULT_NEXT);
  });

  it('answers a path of this site that a Location header can carry, for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 80 }),
          fc.string({ maxLength: 80 }).map((s) => `/${s}`),
          fc
            .array(fc.constantFrom('/', '\\', '.', '\t', '\n', '%', '2', 'F', 'e', ':', '?', '#'))
            .map((parts) => parts.join('')),
        ),
        (next) => {
          expectSameSite(safeNext(next));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describeEachDialect('where a login goes next', (dialect) => {
  const t = useTestApp(dialect);

  const sessionsOf = async (email: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('session')
          .innerJoin('app_user', 'app_user.id', 'session.user_id')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('app_user.email', '=', email)
          .executeTakeFirst()
      )?.n,
    );

  // eslint-disable-next-line no-control-regex -- the characters the form home refuses
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\t\n\r]/;
  const hiddenNext = (html: string) => /name="next" value="([^"]*)"/.exec(html)?.[1];

  it('never leaves the site after a login through the form, answers no 5xx, and makes one whole session', async () => {
    const email = 'medarbetare@vanort.example';
    for (const [query, landing] of HOSTILE) {
      for (const source of ['page', 'posted'] as const) {
        const agent = new TestAgent(t.app);
        const before = await sessionsOf(email);
        if (REFUSED_AT_THE_DOOR.has(query)) {
          expect((await agent.get(`/login?next=${query}`)).statusCode).toBe(400);
          const res = await agent.submit('/login', {
            email,
            password: DEMO_PASSWORD,
            next: nextOf(query),
          });
          expect(res.statusCode).toBe(400);
          expect(await sessionsOf(email)).toBe(before);
          continue;
        }
        const page = await agent.get(`/login?next=${query}`);
        expect(page.statusCode, query).toBe(200);
        expect(hiddenNext(page.body), query).toBe(landing);
        // What the page carries on, or what an attacker posts in its place.
        const next = source === 'page' ? (hiddenNext(page.body) ?? '') : nextOf(query);
        const res = await agent.post('/login', { email, password: DEMO_PASSWORD, next });
        if (CONTROL.test(next) || next.length > 1000) {
          // The form home refuses a control character or an over-long value in any field
          // (decision 012): 400, and nothing is made.
          expect(res.statusCode, `${source} ${query}`).toBe(400);
          expect(await sessionsOf(email)).toBe(before);
          continue;
        }
        expect(res.statusCode, `${source} ${query}`).toBe(303);
        const location = String(res.headers.location);
        expectSameSite(location);
        expect(location, `${source} ${query}`).toBe(landing);
        // One session, made whole: its cookie opens the account page.
        expect(await sessionsOf(email)).toBe(before + 1);
        expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBeTruthy();
        expect((await agent.get('/account')).statusCode).toBe(200);
      }
    }
  });

  it('never leaves the site after a refused login either', async () => {
    const agent = new TestAgent(t.app);
    for (const [query, landing] of HOSTILE.filter(([q]) => !REFUSED_AT_THE_DOOR.has(q)).slice(
      0,
      5,
    )) {
      await agent.get(`/login?next=${query}`);
      const res = await agent.post('/login', {
        email: 'medarbetare@vanort.example',
        password: 'not the password',
        next: nextOf(query),
      });
      if (CONTROL.test(nextOf(query)) || nextOf(query).length > 1000) {
        expect(res.statusCode).toBe(400);
        continue;
      }
      expect(res.statusCode).toBe(401);
      expect(hiddenNext(res.body)).toBe(landing);
    }
  });

  it('still returns to the page asked for, in the language of the address', async () => {
    const agent = new TestAgent(t.app);
    const res = await agent.login(
      'samordnare@vanort.example',
      DEMO_PASSWORD,
      '/workspace/collaborations?status=review',
    );
    expect(res.headers.location).toBe('/workspace/collaborations?status=review');
    const english = new TestAgent(t.app);
    english.locale = 'en';
    const en = await english.login('samordnare@vanort.example', DEMO_PASSWORD, '/cities');
    expect(en.headers.location).toBe('/en/cities');
  });
});
