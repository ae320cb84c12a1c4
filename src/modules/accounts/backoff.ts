import { isIPv4, isIPv6 } from 'node:net';

/**
 * The back-off of failed logins (docs/decisions/015-lockout.md): failures slow down the
 * address they come from; they never lock an account against an address that has not
 * failed. Counted in `login_attempt`, so it holds across instances.
 */
export const BACK_OFF = {
  /** Failures older than this no longer count. */
  windowMinutes: 15,
  /** Failed logins from one address (against any accounts) before it must wait. */
  freePerAddress: 10,
  /**
   * Failed logins against one account (from anywhere) before every address that has
   * failed against it must wait; an address that has not is never slowed by it.
   */
  freePerAccount: 5,
  /** The longest wait (the window: after it, a quiet address starts afresh). */
  maxSeconds: 15 * 60,
} as const;

/**
 * How long to wait after the last failure, with `failures` counted against an allowance
 * of `free`: nothing below it, then 1, 2, 4, 8 … seconds, at most `BACK_OFF.maxSeconds`.
 */
export function backOffSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 30), BACK_OFF.maxSeconds);
}

/**
 * The address a failure is counted by: an IPv4 address as it is (also one written as
 * IPv4-mapped IPv6), an IPv6 address by its /64 network, since one subscriber usually
 * holds a whole /64 and could otherwise start afresh at every attempt.
 */
export function addressKey(ip: string | null): string | null {
  if (ip === null) return null;
  const address = ip.trim().toLowerCase().replace(/%.*$/, ''); // no zone index
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (…:1.2.3.4) is two groups; only the first four groups matter.
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  const groups = tail === undefined ? left : [...left, ...zeros];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
