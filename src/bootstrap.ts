import type { Config } from './config/config.ts';
import type { Db } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { seedDemo } from './demo.ts';

export interface BootstrapResult {
  migrations: string[];
  demoSeeded: boolean;
}

/** Whether this start should seed the demo data into an empty database. */
export function wantsDemoData(config: Config): boolean {
  if (config.env === 'production' || config.demoData === 'off') return false;
  if (config.demoData === 'on') return true;
  return config.database.dialect === 'sqlite'; // auto: the embedded default only
}

/** Migrates (when configured) and seeds demo data on first start (when wanted). */
export async function bootstrapDatabase(config: Config, db: Db): Promise<BootstrapResult> {
  const migrations = config.migrateOnStart ? await migrateToLatest(db) : [];
  const demoSeeded = wantsDemoData(config) ? (await seedDemo(db)).seeded : false;
  return { migrations, demoSeeded };
}
