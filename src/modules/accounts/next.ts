/** Where a login lands when it names no (usable) page of its own: the workspace start page. */
export const DEFAULT_NEXT = '/workspace';

/** Longer than any page of the portal: a longer `next` is someone's experiment. */
const MAX_NEXT = 1000;

/** Only this origin counts: `next` is resolved against it and must stay on it. */
const BASE = new URL('http://portal.invalid/');

/**
 * C0 and C1 control characters, DEL and the backslash. Browsers drop tabs and newlines
 * from a URL and read `\` as `/`, so `/\t/evil` and `/\evil` become `//evil`, another
 * host; and a newline cannot be sent in a header at all.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\\]/;

/**
 * The page a login goes to next (`?next=` of the login, the two-step code and single
 * sign-on): a path and query of this site only, never an open redirect. `next` is parsed
 * as a URL relative to this site and kept only when it starts with one `/`, has no
 * control character or backslash, and stays on this site's origin; the result is its
 * path and query (no fragment), percent-encoded as a Location header needs. Anything
 * else, or nothing, is the workspace start page.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > MAX_NEXT || FORBIDDEN.test(next)) {
    return DEFAULT_NEXT;
  }
  if (!isSitePath(next)) return DEFAULT_NEXT;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return DEFAULT_NEXT;
  }
  if (url.origin !== BASE.origin || url.username !== '' || url.password !== '') {
    return DEFAULT_NEXT;
  }
  // Dot segments are resolved by now: `/..//evil` is `//evil`, checked again here.
  const target = url.pathname + url.search;
  if (!isSitePath(target) || FORBIDDEN.test(target) || target.length > 2 * MAX_NEXT) {
    return DEFAULT_NEXT;
  }
  // And once more as a browser will read the Location header: still this site.
  return new URL(target, BASE).origin === BASE.origin ? target : DEFAULT_NEXT;
}

/** A path of this site: one leading slash, not `//` (another host) nor `/\`. */
const isSitePath = (value: string): boolean => /^\/(?![/\\])/.test(value);
