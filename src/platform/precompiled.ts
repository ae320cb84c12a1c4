import type { CompiledQuery, Compilable, Kysely } from 'kysely';
import type { Database, Executor } from '../db/database.ts';

/**
 * A read built and compiled once per database handle, then run with new parameter values
 * (decision 030). Kysely builds an operation tree and compiles it to SQL on every call; for
 * the reads every public page makes, that was a third of a rendered page's time (issue 16).
 *
 * `build` receives placeholders for the named parameters and must use each one as a value
 * (`where('chain_id', '=', p.chainId)`), not as an identifier, a list (`in`) or inside a
 * computed expression: the compiled SQL is reused, only the values are replaced. A parameter
 * that does not come out as exactly one placeholder is refused when the query is first
 * compiled, so a misuse fails loudly in every test that runs the read.
 *
 * Inside a transaction the query is compiled for that transaction (it may be another
 * dialect's handle in tests), so the cache only ever serves the handle it was made for.
 */
export function precompiled<P extends Record<string, string | number | null>, R>(
  build: (db: Kysely<Database>, params: P) => Compilable<R>,
): (db: Executor, params: P) => Promise<R[]> {
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: (keyof P | null)[] }>();
  return async (db, params) => {
    let entry = compiled.get(db);
    if (!entry) {
      const markers = new Map<string, keyof P>();
      const placeholders = {} as Record<keyof P, string>;
      for (const name of Object.keys(params) as (keyof P)[]) {
        const marker = `\u0000precompiled:${String(name)}\u0000`;
        markers.set(marker, name);
        placeholders[name] = marker;
      }
      const query = build(db, placeholders as unknown as P).compile();
      const slots = query.parameters.map((value) =>
        typeof value === 'string' ? (markers.get(value) ?? null) : null,
      );
      for (const [marker, name] of markers) {
        const uses = slots.filter((slot) => slot === name).length;
        if (uses !== 1 || query.sql.includes(marker)) {
          throw new Error(`precompiled query: parameter ${String(name)} must be one value`);
        }
      }
      entry = { query, slots };
      if (!db.isTransaction) compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((value, i) => {
      const slot = slots[i];
      return slot === null || slot === undefined ? value : params[slot];
    });
    const result = await db.executeQuery<R>({ ...query, parameters: Object.freeze(parameters) });
    return result.rows;
  };
}
