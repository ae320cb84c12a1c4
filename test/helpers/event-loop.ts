/**
 * The event loop in tests that drive the app with `app.inject()` in a loop.
 *
 * On SQLite every query answers synchronously (better-sqlite3), so a request that needs no
 * other I/O (a refusal: 403, 404, 429, most 400s) runs start to finish in promise
 * callbacks, and a loop of such requests never lets the event loop turn. Each injected
 * request leaves one `setImmediate` behind (light-my-request's socket closing), which keeps
 * its request, reply and response alive until the loop turns: about 60 kB a request. The
 * long fuzz (10,000 refusals in a row on the admin routes) filled the 4 GB heap that way.
 */

/** Lets the event loop turn once: pending immediates (and what they hold) are released. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How many `setImmediate` callbacks wait for the event loop to turn. */
export function pendingImmediates(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'Immediate').length;
}
