import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { currentGeneration } from '../../platform/read-cache.ts';
import { nowIso } from '../../shared/dates.ts';
import {
  isSearchKind,
  searchSources,
  type SearchDocument,
  type SearchKind,
} from '../../platform/search.ts';
import { facetsText } from './search.facets.ts';
import * as repo from './search.repository.ts';
import type { SearchEntryTable } from './search.table.ts';

/** Titles and bodies are cut at these lengths (a news body is long; the index need not be). */
const MAX_TITLE = 500;
const MAX_BODY = 20_000;

/** A module's document as an index row, with the hash of its content. */
export function toEntry(doc: SearchDocument): SearchEntryTable {
  const lang = doc.lang ?? 'any';
  const row = {
    key: `${doc.kind}:${doc.id}:${lang}`,
    kind: doc.kind,
    record_id: doc.id,
    lang,
    text_lang: doc.textLang,
    title: doc.title.slice(0, MAX_TITLE),
    body: doc.body.slice(0, MAX_BODY),
    visibility: doc.visibility,
    city_ids: [...doc.cityIds].sort().join(' '),
    public_path: doc.publicPath,
    workspace_path: doc.workspacePath,
    sort_date: doc.date,
    facets: facetsText({ kind: doc.kind, lang, visibility: doc.visibility, cityIds: doc.cityIds }),
  };
  return { ...row, hash: createHash('sha256').update(JSON.stringify(row)).digest('base64url') };
}

export interface RefreshResult {
  /** Rows written (new or changed) and removed. */
  written: number;
  removed: number;
  /** Records noted by the triggers and reread (tracked sources). */
  reread: number;
  generation: number;
}

/** More noted records than this (a large import) and a tracked source is read whole. */
const MAX_DIRTY = 50_000;

/**
 * Brings the index up to date. Every source without `some` (cities, meetings, decisions,
 * news: hundreds of records) is read whole; a source with `some` (collaborations and
 * exchanges: 100,000 and more) is read whole only the first time, or after more than
 * MAX_DIRTY noted records, and otherwise only for the records migration 0015's triggers noted.
 * In one transaction, only rows whose content hash changed are written, the rows of records
 * that are gone (or no longer searchable) are removed, the notes read are removed, and the
 * `public` generation read *before* the sources is recorded: a write committed meanwhile
 * moves the generation on, and the next search refreshes again.
 */
export async function refreshIndex(db: Db, generation?: number): Promise<RefreshResult> {
  const at = generation ?? (await currentGeneration(db.kysely, 'public'));
  const firstBuild = (await repo.findIndexedGeneration(db.kysely)) === null;
  const dirty = await repo.listDirty(db.kysely, MAX_DIRTY + 1);
  const wholly = firstBuild || dirty.length > MAX_DIRTY;
  // Exactly the notes read now are removed with the refresh (never "up to a number": on
  // PostgreSQL a note with a lower number may still be uncommitted).
  const handled = wholly ? await repo.listDirtySeqs(db.kysely) : dirty.map((d) => Number(d.seq));
  const noted = new Map<SearchKind, string[]>();
  for (const d of dirty) {
    if (!isSearchKind(d.kind)) continue;
    const list = noted.get(d.kind) ?? [];
    list.push(d.record_id);
    noted.set(d.kind, list);
  }

  const changed: SearchEntryTable[] = [];
  const removed: string[] = [];
  let reread = 0;
  for (const source of searchSources()) {
    const partial = source.some && !wholly;
    let docs: readonly SearchDocument[];
    let stored: { key: string; hash: string }[];
    if (partial) {
      const ids = new Map(
        source.kinds.flatMap((k) =>
          noted.has(k) ? [[k, [...new Set(noted.get(k))]] as const] : [],
        ),
      );
      if (ids.size === 0) continue;
      reread += [...ids.values()].reduce((n, list) => n + list.length, 0);
      docs = await source.some!(db, ids);
      stored = (
        await Promise.all(
          [...ids].map(([kind, list]) => repo.listRecordHashes(db.kysely, kind, list)),
        )
      ).flat();
    } else {
      docs = await source.all(db);
      stored = await repo.listEntryHashes(db.kysely, source.kinds);
    }
    const entries = new Map(docs.map((d) => toEntry(d)).map((e) => [e.key, e]));
    const before = new Map(stored.map((r) => [r.key, r.hash]));
    for (const entry of entries.values())
      if (before.get(entry.key) !== entry.hash) changed.push(entry);
    for (const key of before.keys()) if (!entries.has(key)) removed.push(key);
  }
  await db.kysely.transaction().execute(async (trx) => {
    await repo.deleteEntries(trx, removed);
    await repo.upsertEntries(trx, db.dialect, changed);
    await repo.deleteDirty(trx, handled);
    await repo.saveIndexedGeneration(trx, at, nowIso());
  });
  return { written: changed.length, removed: removed.length, reread, generation: at };
}

/** One refresh at a time per database in this process; concurrent searches wait for it. */
const running = new WeakMap<Db, Promise<RefreshResult>>();

/**
 * Makes sure the index reflects every committed write before a search reads it: one small
 * query when nothing changed (the generation, shared with the page cache's), a refresh of
 * the changed rows when something did. So a search never answers from data older than the
 * last write, and no search rebuilds the index when nothing was written.
 */
export async function ensureIndexFresh(db: Db): Promise<RefreshResult | null> {
  for (;;) {
    const pending = running.get(db);
    if (pending) {
      await pending.catch(() => undefined);
      continue;
    }
    const generation = await currentGeneration(db.kysely, 'public');
    if ((await repo.findIndexedGeneration(db.kysely)) === generation) return null;
    if (running.has(db)) continue;
    const refresh = refreshIndex(db, generation).finally(() => running.delete(db));
    running.set(db, refresh);
    return await refresh;
  }
}
