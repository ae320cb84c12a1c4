import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestAgent } from '../../../test/helpers/agent.ts';
import { describeEachDialect } from '../../../test/helpers/databases.ts';
import { auditTrail } from '../../../test/helpers/rows.ts';
import { messagesOf } from '../../../test/helpers/messages.ts';
import { buildTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { SESSION_COOKIE } from '../../platform/auth.ts';
import { SYSTEM_ACTOR } from '../audit/audit.service.ts';
import { createUser } from './account.service.ts';
import { addressKey, BACK_OFF, backOffSeconds } from './backoff.ts';

/**
 * Failed logins slow the failing address down and never lock the owner out (issue 17.2,
 * docs/decisions/015-lockout.md): the right password from an address that has not failed
 * is always accepted.
 */

const PASSWORD = 'Rätt lösenord för ägaren 2026';

describe('the back-off schedule', () => {
  it('is free up to the allowance, then doubles from one second up to 15 minutes', () => {
    expect(backOffSeconds(0, 5)).toBe(0);
    expect(backOffSeconds(4, 5)).toBe(0);
    expect(backOffSeconds(5, 5)).toBe(1);
    expect(backOffSeconds(6, 5)).toBe(2);
    expect(backOffSeconds(9, 5)).toBe(16);
    expect(backOffSeconds(15, 5)).toBe(900);
    expect(backOffSeconds(1000, 5)).toBe(BACK_OFF.maxSeconds);
  });

  it('counts an IPv6 address by its /64 network, and an IPv4-mapped one as IPv4', () => {
    for (const [address, key] of [
      ['203.0.113.7', '203.0.113.7'],
      ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
      ['2001:DB8:1:2::1', '2001:db8:1:2::/64'],
      ['2001:db8::1', '2001:db8:0:0::/64'],
      ['::1', '0:0:0:0::/64'],
      ['::ffff:198.51.100.4', '198.51.100.4'],
      ['fe80::1%eth0', 'fe80:0:0:0::/64'],
      [null, null],
      ['not an address', 'not an address'],
    ] as const)
      expect(addressKey(address), String(address)).toBe(key);
  });
});

describeEachDialect('failed logins slow the attacker, not the owner', (dialect) => {
  let t: TestApp;
  let clock = Date.now();
  const advance = (seconds: number) => {
    clock += seconds * 1000;
    vi.setSystemTime(clock);
  };

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    clock = Date.now();
    vi.setSystemTime(clock);
    t = await buildTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
    vi.useRealTimers();
  });

  let n = 0;
  const newOwner = async () => {
    const user = await createUser(t.db, SYSTEM_ACTOR, {
      email: `agare-${++n}-${dialect}@vanort.example`,
      name: `Ägare ${n}`,
      roles: [{ role: 'staff', organisationId: null, cityId: null }],
      password: PASSWORD,
    });
    return user.email;
  };

  /** One login through the form from an address. */
  const attempt = (remoteAddress: string, email: string, password: string, locale?: 'en') => {
    const agent = new TestAgent(t.app, { remoteAddress });
    if (locale) agent.locale = locale;
    return agent.login(email, password);
  };

  const auditOf = async (email: string) =>
    (await auditTrail(t.db, { actor_label: email }, ['action', 'ip', 'changes'])).map((e) => ({
      action: e.action,
      ip: e.ip,
      changes: JSON.parse(e.changes) as unknown,
    }));

  it('lets the owner in from address B after 20 failures from address A, which gets 429 with Retry-After, audited', async () => {
    const email = await newOwner();
    const statuses: number[] = [];
    let lastRefusal: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await attempt('203.0.113.1', email, `wrong-${i}`);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) lastRefusal = res;
    }
    expect(statuses.slice(0, BACK_OFF.freePerAccount)).toEqual(
      Array(BACK_OFF.freePerAccount).fill(401),
    );
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(lastRefusal!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(lastRefusal!.body).toContain('För många misslyckade inloggningar på kort tid.');
    expect(lastRefusal!.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    // The owner, from an address that has not failed: in at once.
    const owner = await attempt('198.51.100.2', email, PASSWORD);
    expect(owner.statusCode).toBe(303);
    expect(owner.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBeTruthy();
    // Address A, even with the right password, waits.
    const fromA = await attempt('203.0.113.1', email, PASSWORD);
    expect(fromA.statusCode).toBe(429);
    expect(Number(fromA.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    const audit = await auditOf(email);
    const throttled = audit.filter((a) => a.action === 'login.throttled');
    expect(throttled.length).toBe(statuses.filter((s) => s === 429).length + 1);
    expect(throttled.every((a) => a.ip === '203.0.113.1')).toBe(true);
    expect(throttled[0]?.changes).toMatchObject({ backOff: { after: 'account' } });
    expect(audit.filter((a) => a.action === 'login.failed')).toHaveLength(
      statuses.filter((s) => s === 401).length,
    );
    expect(audit).toContainEqual(expect.objectContaining({ action: 'login', ip: '198.51.100.2' }));
  });

  it('makes the wait grow with every failure, and takes the right password once it is over', async () => {
    const email = await newOwner();
    for (let i = 0; i < BACK_OFF.freePerAccount; i++) {
      expect((await attempt('203.0.113.3', email, 'wrong')).statusCode).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await attempt('203.0.113.3', email, 'wrong');
      expect(refused.statusCode).toBe(429);
      const wait = Number(refused.headers['retry-after']);
      waits.push(wait);
      advance(wait);
      expect((await attempt('203.0.113.3', email, 'wrong')).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    const refused = await attempt('203.0.113.3', email, PASSWORD);
    expect(refused.statusCode).toBe(429);
    advance(Number(refused.headers['retry-after']));
    // A slow-down, not a lock: the right password works as soon as the wait is over.
    expect((await attempt('203.0.113.3', email, PASSWORD)).statusCode).toBe(303);
  });

  it('slows down an address that fails against many accounts, and only that one', async () => {
    for (let i = 0; i < BACK_OFF.freePerAddress; i++) {
      const res = await attempt('203.0.113.4', `nobody-${i}-${dialect}@vanort.example`, 'guess');
      expect(res.statusCode).toBe(401);
    }
    const email = await newOwner();
    const refused = await attempt('203.0.113.4', email, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect((await auditOf(email)).at(-1)).toMatchObject({
      action: 'login.throttled',
      changes: { backOff: { after: 'address' } },
    });
    expect((await attempt('198.51.100.4', email, PASSWORD)).statusCode).toBe(303);
    // The same network: IPv6 addresses count by their /64.
    for (let i = 0; i < BACK_OFF.freePerAddress; i++) {
      await attempt(`2001:db8:4:4::${i + 1}`, `nobody-v6-${i}-${dialect}@vanort.example`, 'guess');
    }
    expect((await attempt('2001:db8:4:4::ffff', email, PASSWORD)).statusCode).toBe(429);
    expect((await attempt('2001:db8:4:5::1', email, PASSWORD)).statusCode).toBe(303);
  });

  it('slows every address that failed against an account under attack, never one that did not', async () => {
    const email = await newOwner();
    // A distributed guess: twenty addresses, one failure each.
    for (let i = 1; i <= 20; i++) {
      expect((await attempt(`192.0.2.${i}`, email, `guess-${i}`)).statusCode).toBe(401);
    }
    // Their second guesses wait, for longer the more the account was tried (capped at 15 min).
    const again = await attempt('192.0.2.7', email, 'guess-again');
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(BACK_OFF.maxSeconds);
    // The owner, from a clean address, in at once.
    expect((await attempt('198.51.100.5', email, PASSWORD)).statusCode).toBe(303);
    // After the window without failures, all is forgiven.
    advance(BACK_OFF.windowMinutes * 60);
    expect((await attempt('192.0.2.7', email, PASSWORD)).statusCode).toBe(303);
  });

  it('says it in the language of the address', async () => {
    const email = await newOwner();
    for (let i = 0; i <= BACK_OFF.freePerAccount; i++) {
      await attempt('203.0.113.6', email, 'wrong', 'en');
    }
    const refused = await attempt('203.0.113.6', email, 'wrong', 'en');
    expect(refused.statusCode).toBe(429);
    const en = messagesOf('en');
    expect(refused.body).toContain(en['login.title']);
    expect(refused.body).toContain('Too many failed logins in a short time.');
  });
});
