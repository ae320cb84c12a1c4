import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Dialect, Executor } from './database.ts';

// `vanort backup` and `vanort restore` (issue 18 point 3, decision 042): a portable archive of
// the whole database, read in one snapshot, written as a ustar file of
//   manifest.json              format, dialect, migrations applied, per table its columns,
//                              row count, size and SHA-256 of its part
//   tables/<table>.jsonl.gz    one JSON array per row, values in the manifest's column order
//                              (binary columns, i.e. the uploaded documents, in base64)
// and restored into an empty database of either dialect in one transaction, after every
// checksum has been verified. Nothing here knows a module: tables, columns, keys and foreign
// keys are read from the database's own catalogue, so a new table is backed up without a
// change here (and the round-trip test fails if it is left without rows).

//
// This file: the archive format, its manifest and reading the schema from the catalogue.

export const BACKUP_FORMAT = 'vanort-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

/** A failure to report to the operator in one sentence; nothing was changed. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** How a column's values are written in the archive. */
export type ColumnKind = 'text' | 'integer' | 'real' | 'binary' | 'tsvector';

export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** May be left out of an insert: nullable or with a default. */
  optional: boolean;
  /** PostgreSQL `generated always as identity`: inserts need `overriding system value`. */
  identityAlways: boolean;
  /** PostgreSQL: values come from a sequence (identity or serial), reset after a restore. */
  sequence: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Other tables this one's foreign keys point to. */
  references: string[];
  /** Columns with a foreign key to the table itself. */
  selfReferences: string[];
}

/**
 * Written by triggers while other tables are written (data generations, migrations 0008 and
 * 0010; the search index's notes, 0015): restored last, after the triggers have run, so
 * they end exactly as backed up.
 */
export const WRITTEN_BY_TRIGGERS = ['search_dirty', 'data_generation'];
/** Filled by migrations in an empty database; a restore replaces their rows. */
export const BOOKKEEPING = ['kysely_migration', 'kysely_migration_lock', 'data_generation'];
/**
 * The search index, derived from the public tables and written per dialect (PostgreSQL keeps
 * a tsvector per row): left empty by a restore into the other dialect, and rebuilt by the
 * search module on its next refresh (it finds no index state).
 */
export const DIALECT_DERIVED = ['search_entry', 'search_index_state', 'search_dirty'];

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  migrations: z.array(z.string()).min(1),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
      file: z.string(),
      columns: z
        .array(
          z.object({
            name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
            kind: z.enum(['text', 'integer', 'real', 'binary', 'tsvector']),
          }),
        )
        .min(1),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

// ---------------------------------------------------------------------------------------
// The database's catalogue

export function kindOf(table: string, column: string, declared: string): ColumnKind {
  const type = declared.toLowerCase();
  if (/^(text|character varying|varchar|character|char)\b/.test(type)) return 'text';
  if (/^(integer|int|bigint|smallint|int2|int4|int8)\b/.test(type)) return 'integer';
  if (/^(double precision|real|float|float4|float8)\b/.test(type)) return 'real';
  if (type === 'bytea' || type === 'blob') return 'binary';
  if (type === 'tsvector') return 'tsvector';
  throw new BackupError(
    `column ${table}.${column} has the type "${declared}", which the backup does not know how to write; extend kindOf in src/db/backup.ts.`,
  );
}

export async function rowsOf<T>(db: Executor, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** Every ordinary table of the database with its columns and keys, by name. */
export async function describeTables(db: Executor, dialect: Dialect): Promise<TableInfo[]> {
  return dialect === 'sqlite' ? describeSqlite(db) : describePostgres(db);
}

async function describeSqlite(db: Executor): Promise<TableInfo[]> {
  // `table_list` tells FTS5's virtual tables and their shadow tables from ordinary ones.
  const list = await rowsOf(
    db,
    sql<{ name: string; type: string; schema: string }>`pragma table_list`,
  );
  const names = list
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
  const tables: TableInfo[] = [];
  for (const name of names) {
    const columns = await rowsOf(
      db,
      sql<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
        hidden: number;
      }>`select name, type, "notnull", dflt_value, pk, hidden from pragma_table_xinfo(${name}) order by cid`,
    );
    const keys = await rowsOf(
      db,
      sql<{
        table: string;
        from: string;
      }>`select "table", "from" from pragma_foreign_key_list(${name})`,
    );
    tables.push({
      name,
      columns: columns
        .filter((c) => c.hidden === 0)
        .map((c) => ({
          name: c.name,
          kind: kindOf(name, c.name, c.type),
          optional: c.notnull === 0 || c.dflt_value !== null,
          identityAlways: false,
          sequence: false,
        })),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      references: [...new Set(keys.map((k) => k.table).filter((t) => t !== name))],
      selfReferences: keys.filter((k) => k.table === name).map((k) => k.from),
    });
  }
  return tables;
}

async function describePostgres(db: Executor): Promise<TableInfo[]> {
  const names = (
    await rowsOf(
      db,
      sql<{ table_name: string }>`select table_name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((t) => t.table_name);
  const columns = await rowsOf(
    db,
    sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
      identity_generation: string | null;
      is_generated: string;
    }>`select table_name, column_name, data_type, is_nullable, column_default, is_identity,
        identity_generation, is_generated
      from information_schema.columns where table_schema = current_schema()
      order by table_name, ordinal_position`,
  );
  const primaryKeys = await rowsOf(
    db,
    sql<{
      table_name: string;
      column_name: string;
    }>`select c.relname as table_name, a.attname as column_name
      from pg_index i
      join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where i.indisprimary order by c.relname, k.position`,
  );
  const foreignKeys = await rowsOf(
    db,
    sql<{ table_name: string; target: string; column_name: string }>`select c.relname as table_name,
        t.relname as target, a.attname as column_name
      from pg_constraint f
      join pg_class c on c.oid = f.conrelid
      join pg_class t on t.oid = f.confrelid
      join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
      cross join lateral unnest(f.conkey) as k(attnum)
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
      where f.contype = 'f'`,
  );
  return names.map((name) => {
    const keys = foreignKeys.filter((k) => k.table_name === name);
    return {
      name,
      columns: columns
        .filter((c) => c.table_name === name && c.is_generated !== 'ALWAYS')
        .map((c) => ({
          name: c.column_name,
          kind: kindOf(name, c.column_name, c.data_type),
          optional: c.is_nullable === 'YES' || c.column_default !== null || c.is_identity === 'YES',
          identityAlways: c.identity_generation === 'ALWAYS',
          sequence: c.is_identity === 'YES' || (c.column_default ?? '').startsWith('nextval('),
        })),
      primaryKey: primaryKeys.filter((k) => k.table_name === name).map((k) => k.column_name),
      references: [...new Set(keys.map((k) => k.target).filter((t) => t !== name))],
      selfReferences: [...new Set(keys.filter((k) => k.target === name).map((k) => k.column_name))],
    };
  });
}

/** Tables ordered so that every table comes after those its foreign keys point to. */
export function dependencyOrder<T extends { name: string; references: string[] }>(
  tables: T[],
): T[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: T[] = [];
  const visit = (table: T) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name))
      throw new BackupError(`the foreign keys of table ${table.name} form a cycle.`);
    visiting.add(table.name);
    for (const name of [...table.references].sort()) {
      const target = byName.get(name);
      if (target) visit(target);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}
