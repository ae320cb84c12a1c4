import {
  Migrator,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely/migration';
import type { Db } from './database.ts';
import * as m0001 from './migrations/0001-foundation.ts';
import * as m0002 from './migrations/0002-accounts.ts';
import * as m0003 from './migrations/0003-mfa.ts';
import * as m0004 from './migrations/0004-decisions.ts';
import * as m0005 from './migrations/0005-meetings.ts';
import * as m0006 from './migrations/0006-collaborations.ts';
import * as m0007 from './migrations/0007-collaboration-list-index.ts';
import * as m0008 from './migrations/0008-data-generation.ts';
import * as m0009 from './migrations/0009-search-facets.ts';
import * as m0010 from './migrations/0010-public-generation.ts';
import * as m0011 from './migrations/0011-repair-area-names.ts';
import * as m0012 from './migrations/0012-user-language.ts';
import * as m0013 from './migrations/0013-news.ts';
import * as m0014 from './migrations/0014-newsletter.ts';
import * as m0015 from './migrations/0015-search.ts';
import * as m0016 from './migrations/0016-job-due-time.ts';
import * as m0017 from './migrations/0017-evaluation.ts';
import * as m0018 from './migrations/0018-meeting-year-index.ts';
import * as m0019 from './migrations/0019-city-suggestion.ts';
import * as m0020 from './migrations/0020-records.ts';
import * as m0021 from './migrations/0021-list-indexes.ts';
import * as m0022 from './migrations/0022-review-queue-index.ts';
import * as m0023 from './migrations/0023-workspace-list-indexes.ts';

/** Every migration, in order. Listed statically so bundlers and tsx need no file scanning. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-accounts': m0002,
  '0003-mfa': m0003,
  '0004-decisions': m0004,
  '0005-meetings': m0005,
  '0006-collaborations': m0006,
  '0007-collaboration-list-index': m0007,
  '0008-data-generation': m0008,
  '0009-search-facets': m0009,
  '0010-public-generation': m0010,
  '0011-repair-area-names': m0011,
  '0012-user-language': m0012,
  '0013-news': m0013,
  '0014-newsletter': m0014,
  '0015-search': m0015,
  '0016-job-due-time': m0016,
  '0017-evaluation': m0017,
  '0018-meeting-year-index': m0018,
  '0019-city-suggestion': m0019,
  '0020-records': m0020,
  '0021-list-indexes': m0021,
  '0022-review-queue-index': m0022,
  '0023-workspace-list-indexes': m0023,
};

/** The names of every migration this version knows, in order (the backup's schema check). */
export function knownMigrations(): string[] {
  return Object.keys(migrations);
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

export class MigrationError extends Error {
  constructor(
    message: string,
    public readonly results: MigrationResultSet['results'],
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Brings the schema to the latest version; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider });
  return applied(await migrator.migrateToLatest());
}

/** Migrates up or down to the named migration (tests of a migration's down and up). */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  if (!(name in migrations)) throw new Error(`No migration named ${name}`);
  const migrator = new Migrator({ db: db.kysely, provider });
  return applied(await migrator.migrateTo(name));
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `Migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      results,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
