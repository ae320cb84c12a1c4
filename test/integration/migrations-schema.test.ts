import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db, Dialect } from '../../src/db/database.ts';
import { knownMigrations, migrateTo } from '../../src/db/migrate.ts';
import { describeEachDialect, openTestDb } from '../helpers/databases.ts';

/*
 * The migrations are history that already ran in production: what they build must never
 * change, however their code is arranged. This test walks them up one by one and down again
 * on a fresh database of each dialect and compares the schema after every step with the
 * fixture taken before they were refactored: the whole schema after the last one
 * (`<dialect>.schema.txt`, readable for a diff) and a hash of it after every step.
 * SQLite's schema is `sqlite_master` (the DDL text as written); PostgreSQL's is read from
 * the catalogue: columns with types, defaults and generation, constraints, indexes,
 * triggers, functions and views.
 *
 * A new migration adds steps: write the fixtures again with `WRITE_SCHEMA_FIXTURES=1`
 * and check in the diff that only the new migration's steps and the last schema changed.
 */
const FIXTURES = join(import.meta.dirname, '../fixtures/migrations-schema');
const WRITE = process.env.WRITE_SCHEMA_FIXTURES === '1';

async function rows(db: Db, query: string): Promise<string> {
  const result = await sql.raw<Record<string, unknown>>(query).execute(db.kysely);
  return result.rows.map((row) => Object.values(row).map(String).join(' | ')).join('\n');
}

const SQLITE_SCHEMA = [`select type, name, tbl_name, sql from sqlite_master order by type, name`];

const POSTGRES_SCHEMA = [
  `select table_name, ordinal_position, column_name, data_type, udt_name, is_nullable,
     column_default, is_generated, generation_expression, character_maximum_length
   from information_schema.columns where table_schema = current_schema()
   order by table_name, ordinal_position`,
  `select conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid)
   from pg_constraint where connamespace = current_schema()::regnamespace
   order by 1, 2`,
  `select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema()
   order by 1, 2`,
  `select tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) from pg_trigger
   where not tgisinternal order by 1, 2`,
  `select proname, pg_get_functiondef(oid) from pg_proc
   where pronamespace = current_schema()::regnamespace order by 1, 2`,
  `select viewname, definition from pg_views where schemaname = current_schema() order by 1`,
  `select sequencename, data_type from pg_sequences where schemaname = current_schema()
   order by 1`,
];

async function dumpSchema(db: Db, dialect: Dialect): Promise<string> {
  const queries = dialect === 'sqlite' ? SQLITE_SCHEMA : POSTGRES_SCHEMA;
  const parts: string[] = [];
  for (const query of queries) parts.push(`-- ${query.split('\n')[0]}\n${await rows(db, query)}`);
  return `${parts.join('\n\n')}\n`;
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

describeEachDialect('the schema every migration builds', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDb(dialect));
  });
  afterAll(() => close());

  it('is, step by step up and down, the schema the fixtures recorded', async () => {
    const names = knownMigrations();
    const steps: Record<string, string> = {};
    let last = '';
    for (const name of names) {
      await migrateTo(db, name);
      last = await dumpSchema(db, dialect);
      steps[`up ${name}`] = hash(last);
    }
    for (const name of names.slice(0, -1).reverse()) {
      await migrateTo(db, name);
      steps[`down to ${name}`] = hash(await dumpSchema(db, dialect));
    }

    const schemaFile = join(FIXTURES, `${dialect}.schema.txt`);
    const stepsFile = join(FIXTURES, `${dialect}.steps.json`);
    if (WRITE) {
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(schemaFile, last);
      writeFileSync(stepsFile, `${JSON.stringify(steps, null, 2)}\n`);
    }
    expect(last).toBe(readFileSync(schemaFile, 'utf8'));
    expect(steps).toEqual(JSON.parse(readFileSync(stepsFile, 'utf8')));
  });
});
