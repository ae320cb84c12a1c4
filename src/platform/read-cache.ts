import { CompiledQuery } from 'kysely';
import type { Executor } from '../db/database.ts';

/**
 * A small in-process cache of read results that are expensive to compute and change
 * only when somebody writes: counts behind paginated lists and ranked full-text search
 * results. Every entry remembers the data set's generation: a number that triggers change
 * to a new random value in the same transaction as every write (migration 0008). A read
 * first asks the database for the current generations (one small query) and uses the
 * entry only when it is the same. So a result is never older than the last committed write, on any instance,
 * and nothing has to remember to clear the cache.
 *
 * A result computed while a write commits may be newer than the generation read before it;
 * it is then stored under the older generation and simply recomputed by the next reader.
 * Inside a transaction the cache is bypassed: the transaction may see its own uncommitted
 * writes.
 */

/**
 * The data sets: `collaborations` and `registry` of migration 0008, `public` (every table a
 * public page reads; the page cache's) of migration 0010. Which tables raise which
 * generation is listed there.
 */
export type DataSet = 'collaborations' | 'registry' | 'public';

const MAX_ENTRIES = 1000;

interface Entry {
  generation: number;
  value: Promise<unknown>;
}

class ReadCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  get(key: string, generation: number): Promise<unknown> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== generation) {
      this.entries.delete(key);
      return undefined;
    }
    // Least recently used goes first: re-insert on every hit.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, generation: number, value: Promise<unknown>): void {
    this.entries.set(key, { generation, value });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    // A failed computation is not kept.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per database handle (tests open many databases in one process). */
const caches = new WeakMap<object, ReadCache>();

function cacheOf(db: Executor): ReadCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ReadCache();
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Reads of the generations that start in the same turn of the event loop (a page asking
 * for cities, areas and a count at once) share one query, issued after all of them have
 * started, so none of them can see a generation older than its own start (DataLoader's
 * batching).
 */
const GENERATIONS_QUERY: CompiledQuery<{ name: string; value: number | string }> =
  CompiledQuery.raw('select name, value from data_generation');

const pendingGenerations = new WeakMap<object, Promise<Map<string, number>>>();

function generations(db: Executor): Promise<Map<string, number>> {
  let pending = pendingGenerations.get(db);
  if (!pending) {
    pending = new Promise<void>((resolve) => {
      void Promise.resolve().then(() => process.nextTick(resolve));
    }).then(async () => {
      pendingGenerations.delete(db);
      // Compiled once (no parameters, the same text on both dialects): a page-cache hit pays
      // only for the query itself.
      const { rows } = await db.executeQuery(GENERATIONS_QUERY);
      return new Map(rows.map((r) => [r.name, Number(r.value)]));
    });
    pendingGenerations.set(db, pending);
  }
  return pending;
}

/** The data set's current generation, as committed. */
export async function currentGeneration(db: Executor, set: DataSet): Promise<number> {
  return (await generations(db)).get(set) ?? 0;
}

/** Freezes a cached value all the way down: a caller that tries to change it fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * `compute()`'s result for `key`, computed at most once per generation of `set`. The
 * value is shared between callers and frozen. Concurrent misses for the same key share
 * one computation.
 */
export async function cachedRead<T>(
  db: Executor,
  set: DataSet,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return compute();
  const generation = await currentGeneration(db, set);
  const cache = cacheOf(db);
  const fullKey = `${set}\u0000${key}`;
  const cached = cache.get(fullKey, generation);
  if (cached) {
    cache.hits += 1;
    return cached as Promise<T>;
  }
  cache.misses += 1;
  const value = compute().then(deepFreeze);
  cache.set(fullKey, generation, value);
  return value;
}

/** Hits, misses and size of a database handle's cache (for tests and diagnostics). */
export function readCacheStats(db: Executor): { hits: number; misses: number; size: number } {
  const cache = caches.get(db);
  return { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0, size: cache?.size ?? 0 };
}

/** A stable key from strings and flat objects (keys sorted, empty values dropped). */
export function cacheKey(...parts: (string | object)[]): string {
  return parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : JSON.stringify(
            Object.entries(part)
              .filter(([, v]) => v !== undefined && v !== null && v !== '')
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
          ),
    )
    .join('\u0001');
}
