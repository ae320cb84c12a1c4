import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { currentGeneration } from '../../platform/read-cache.ts';
import { nowIso } from '../../shared/dates.ts';
import { searchSources, type SearchDocument } from '../../platform/search.ts';
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
  };
  return { ...row, hash: createHash('sha256').update(JSON.stringify(row)).digest('base64url') };
}

export interface RefreshResult {
  /** Rows written (new or changed) and removed. */
  written: number;
  removed: number;
  generation: number;
}

/**
 * Brings the index up to date with every module's search documents: reads them all, and in
 * one transaction writes only the rows whose content changed and removes those whose record
 * is gone (or no longer searchable), then records the `public` generation read before the
 * documents were: a write committed meanwhile moves the generation on, and the next search
 * refreshes again.
 */
export async function refreshIndex(db: Db, generation?: number): Promise<RefreshResult> {
  const at = generation ?? (await currentGeneration(db.kysely, 'public'));
  const docs = (await Promise.all(searchSources().map((source) => source(db)))).flat();
  const entries = new Map(docs.map((d) => toEntry(d)).map((e) => [e.key, e]));
  const stored = new Map((await repo.listEntryHashes(db.kysely)).map((r) => [r.key, r.hash]));
  const changed = [...entries.values()].filter((e) => stored.get(e.key) !== e.hash);
  const removed = [...stored.keys()].filter((key) => !entries.has(key));
  await db.kysely.transaction().execute(async (trx) => {
    await repo.deleteEntries(trx, removed);
    await repo.upsertEntries(trx, db.dialect, changed);
    await repo.saveIndexedGeneration(trx, at, nowIso());
  });
  return { written: changed.length, removed: removed.length, generation: at };
}

/** One refresh at a time per database in this process; concurrent searches wait for it. */
const running = new WeakMap<Db, Promise<RefreshResult>>();

/**
 * Makes sure the index reflects every committed write before a search reads it: one small
 * query when nothing changed (the generation, shared with the page cache's), a refresh of
 * the changed rows when something did. So a search never answers from data older than the
 * last write, and no search rebuilds the index when nothing was written.
 */
export async function ensureIndexFresh(db: Db): Promise<void> {
  for (;;) {
    const pending = running.get(db);
    if (pending) {
      await pending.catch(() => undefined);
      continue;
    }
    const generation = await currentGeneration(db.kysely, 'public');
    if ((await repo.findIndexedGeneration(db.kysely)) === generation) return;
    if (running.has(db)) continue;
    const refresh = refreshIndex(db, generation).finally(() => running.delete(db));
    running.set(db, refresh);
    await refresh;
    return;
  }
}
