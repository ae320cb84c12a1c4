import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../shared/dates.ts';
import type { Database } from './database.ts';
import { tableAccess } from './table-access.ts';

type Executor = Kysely<Database> | Transaction<Database>;

const settings = tableAccess('app_setting', ['value']);

export async function findSetting(db: Executor, key: string): Promise<string | null> {
  const row = await settings.findBy(db, { key });
  return row?.value ?? null;
}

export async function upsertSetting(db: Executor, key: string, value: string): Promise<void> {
  await db
    .insertInto('app_setting')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: nowIso() }))
    .execute();
}

export const DEMO_DATA_KEY = 'demo_data';

/** Reads a setting, creating it with `make()` the first time. */
export async function ensureSetting(
  db: Executor,
  key: string,
  make: () => string,
): Promise<string> {
  const existing = await findSetting(db, key);
  if (existing !== null) return existing;
  const value = make();
  await db
    .insertInto('app_setting')
    .values({ key, value, updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await findSetting(db, key)) ?? value;
}

/** Whether the database holds the demo data (every page then says so). */
export async function hasDemoData(db: { kysely: Kysely<Database> }): Promise<boolean> {
  return (await findSetting(db.kysely, DEMO_DATA_KEY)) === 'true';
}
