import type { Executor } from '../db/database.ts';

/**
 * A small in-process cache of read results that are expensive to compute and change
 * only when somebody writes: counts behind paginated lists and ranked full-text search
 * results. Every entry remembers the data set's generation (a number that triggers raise
 * in the same transaction as every write, migration 0008); a read first asks the database
 * for the current generation (one primary-key lookup) and uses the entry only when it is
 * the same. So a result is never older than the last committed write, on any instance,
 * and nothing has to remember to clear the cache.
 *
 * A result computed while a write commits may be newer than the generation read before it;
 * it is then stored under the older generation and simply recomputed by the next reader.
 * Inside a transaction the cache is bypassed: the transaction may see its own uncommitted
 * writes.
 */

export type DataSet = 'collaborations';

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

/** The data set's current generation, as committed. */
export async function currentGeneration(db: Executor, set: DataSet): Promise<number> {
  const row = await db
    .selectFrom('data_generation')
    .select('value')
    .where('name', '=', set)
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}

/**
 * `compute()`'s result for `key`, computed at most once per generation of `set`. The
 * value is shared between callers: treat it as read-only. Concurrent misses for the
 * same key share one computation.
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
  const value = compute();
  cache.set(fullKey, generation, value);
  return value;
}

/** Hits, misses and size of a database handle's cache (for tests and diagnostics). */
export function readCacheStats(db: Executor): { hits: number; misses: number; size: number } {
  const cache = caches.get(db);
  return { hits: cache?.hits ?? 0, misses: cache?.misses ?? 0, size: cache?.size ?? 0 };
}

/** A stable key from strings and flat objects (keys sorted, empty values dropped). */
export function cacheKey(...parts: (string | Readonly<Record<string, unknown>>)[]): string {
  return parts
    .map((part) =>
      typeof part === 'string'
        ? part
        : JSON.stringify(
            Object.keys(part)
              .filter((k) => part[k] !== undefined && part[k] !== null && part[k] !== '')
              .sort()
              .map((k) => [k, part[k]]),
          ),
    )
    .join('\u0001');
}
