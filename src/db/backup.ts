import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db, Dialect, Executor } from './database.ts';
import { knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import {
  TAR_END,
  TarFormatError,
  listTar,
  readTarEntry,
  tarHeader,
  tarPadding,
  writeChunk,
  type TarEntry,
} from './backup-tar.ts';

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

export const BACKUP_FORMAT = 'vanort-backup';
export const BACKUP_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';

/** A failure to report to the operator in one sentence; nothing was changed. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** How a column's values are written in the archive. */
export type ColumnKind = 'text' | 'integer' | 'real' | 'binary' | 'tsvector';

interface ColumnInfo {
  name: string;
  kind: ColumnKind;
  /** May be left out of an insert: nullable or with a default. */
  optional: boolean;
  /** PostgreSQL `generated always as identity`: inserts need `overriding system value`. */
  identityAlways: boolean;
  /** PostgreSQL: values come from a sequence (identity or serial), reset after a restore. */
  sequence: boolean;
}

interface TableInfo {
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
const WRITTEN_BY_TRIGGERS = ['search_dirty', 'data_generation'];
/** Filled by migrations in an empty database; a restore replaces their rows. */
const BOOKKEEPING = ['kysely_migration', 'kysely_migration_lock', 'data_generation'];
/**
 * The search index, derived from the public tables and written per dialect (PostgreSQL keeps
 * a tsvector per row): left empty by a restore into the other dialect, and rebuilt by the
 * search module on its next refresh (it finds no index state).
 */
const DIALECT_DERIVED = ['search_entry', 'search_index_state', 'search_dirty'];

const manifestSchema = z.object({
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

function kindOf(table: string, column: string, declared: string): ColumnKind {
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

async function rowsOf<T>(db: Executor, query: RawBuilder<T>): Promise<T[]> {
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

// ---------------------------------------------------------------------------------------
// Backup

const PAGE_ROWS = 1000;
/** A page of a table with uploaded documents (up to 25 MB each) holds few rows. */
const PAGE_ROWS_BINARY = 2;

type Row = Record<string, unknown>;

/** The table's rows in primary-key order, a page at a time (keyset paging in the snapshot). */
async function* tableRows(db: Executor, table: TableInfo): AsyncGenerator<Row> {
  if (table.primaryKey.length === 0)
    throw new BackupError(`table ${table.name} has no primary key; the backup needs one.`);
  const pageSize = table.columns.some((c) => c.kind === 'binary') ? PAGE_ROWS_BINARY : PAGE_ROWS;
  const columns = sql.join(table.columns.map((c) => sql.ref(c.name)));
  const key = sql.join(table.primaryKey.map((c) => sql.ref(c)));
  let last: Row | undefined;
  for (;;) {
    const after = last
      ? sql`where (${key}) > (${sql.join(table.primaryKey.map((c) => last?.[c]))})`
      : sql``;
    const page = await rowsOf(
      db,
      sql<Row>`select ${columns} from ${sql.table(table.name)} ${after} order by ${key} limit ${pageSize}`,
    );
    yield* page;
    if (page.length < pageSize) return;
    last = page[page.length - 1];
  }
}

function encodeValue(table: string, column: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.kind === 'binary') {
    if (!Buffer.isBuffer(value) && !(value instanceof Uint8Array))
      throw new BackupError(`column ${table}.${column.name} holds a value that is not binary.`);
    return Buffer.from(value).toString('base64');
  }
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Counts the bytes and the SHA-256 of what passes through. */
function digestStream(): Transform & { sha256: () => string; bytes: () => number } {
  const hash = createHash('sha256');
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(stream, {
    sha256: () => (digest ??= hash.digest('hex')),
    bytes: () => bytes,
  });
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
}

/**
 * Writes a backup of the whole database to `file` (which must not exist): every table read
 * in one snapshot (a read-only repeatable-read transaction on PostgreSQL, a read transaction
 * on SQLite). The parts are written next to the file first, then put together; the archive
 * appears under its name only when complete, readable by its owner only.
 */
export async function writeBackup(db: Db, file: string, now = new Date()): Promise<BackupResult> {
  if (existsSync(file))
    throw new BackupError(`${file} already exists; give the backup a new file name.`);
  const directory = dirname(file);
  if (!existsSync(directory)) throw new BackupError(`the directory ${directory} does not exist.`);
  const partial = `${file}.partial`;
  if (existsSync(partial))
    throw new BackupError(
      `${partial} exists: another backup to this file is running, or one was cut off (then remove it).`,
    );
  const work = await mkdtemp(join(directory, `.${basename(file)}.parts-`));
  try {
    const manifest = await db.kysely.transaction().execute(async (trx) => {
      if (db.dialect === 'postgres')
        await sql`set transaction isolation level repeatable read, read only`.execute(trx);
      const tables = await describeTables(trx, db.dialect);
      if (!tables.some((t) => t.name === 'kysely_migration'))
        throw new BackupError(
          'the database has no migrations applied; there is nothing to back up.',
        );
      const migrations = (
        await rowsOf(trx, sql<{ name: string }>`select name from kysely_migration order by name`)
      ).map((m) => m.name);
      const parts: BackupManifest['tables'] = [];
      for (const table of tables) {
        const part = `tables/${table.name}.jsonl.gz`;
        let rows = 0;
        const lines = async function* () {
          for await (const row of tableRows(trx, table)) {
            rows++;
            yield `${JSON.stringify(table.columns.map((c) => encodeValue(table.name, c, row[c.name])))}\n`;
          }
        };
        const digest = digestStream();
        await pipeline(
          Readable.from(lines()),
          createGzip(),
          digest,
          createWriteStream(join(work, `${table.name}.jsonl.gz`)),
        );
        parts.push({
          name: table.name,
          file: part,
          columns: table.columns.map((c) => ({ name: c.name, kind: c.kind })),
          rows,
          bytes: digest.bytes(),
          sha256: digest.sha256(),
        });
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        createdAt: now.toISOString(),
        dialect: db.dialect,
        migrations,
        tables: parts,
      } satisfies BackupManifest;
    });

    const out = createWriteStream(partial, { mode: 0o600, flags: 'wx' });
    const closed = new Promise<void>((resolve, reject) => {
      out.on('close', resolve);
      out.on('error', reject);
    });
    try {
      const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
      await writeChunk(out, tarHeader(MANIFEST, manifestBytes.length, now));
      await writeChunk(out, manifestBytes);
      await writeChunk(out, tarPadding(manifestBytes.length));
      for (const part of manifest.tables) {
        await writeChunk(out, tarHeader(part.file, part.bytes, now));
        const handle = await open(join(work, `${part.name}.jsonl.gz`), 'r');
        try {
          for await (const chunk of handle.createReadStream({ autoClose: false }))
            await writeChunk(out, chunk as Buffer);
        } finally {
          await handle.close();
        }
        await writeChunk(out, tarPadding(part.bytes));
      }
      await writeChunk(out, TAR_END);
    } finally {
      out.end();
      await closed;
    }
    await rename(partial, file);
    return { file, bytes: (await stat(file)).size, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Verification

export interface VerifiedBackup {
  manifest: BackupManifest;
  /** The archive entry of each table's part. */
  entries: Map<string, TarEntry>;
}

async function sha256Of(path: string, entry: TarEntry): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of readTarEntry(path, entry)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Reads the archive through once and checks it before anything is written: a manifest of a
 * known format, every part it names present once with its size and SHA-256, nothing else.
 */
export async function verifyBackup(file: string): Promise<VerifiedBackup> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  let entries: TarEntry[];
  try {
    entries = await listTar(file);
  } catch (error) {
    if (error instanceof TarFormatError)
      throw new BackupError(`${file} is not a readable backup: ${error.message}.`);
    throw error;
  }
  const first = entries[0];
  if (first?.name !== MANIFEST)
    throw new BackupError(
      `${file} is not a Vänortsportalen backup: it starts without ${MANIFEST}.`,
    );
  if (first.size > 16 * 1024 * 1024) throw new BackupError(`the manifest of ${file} is too large.`);
  const chunks: Buffer[] = [];
  for await (const chunk of readTarEntry(file, first)) chunks.push(chunk as Buffer);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BackupError(`the manifest of ${file} is damaged (not JSON).`);
  }
  const formatVersion = (parsed as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      `${file} is written in backup format ${formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION} only. Restore it with the version that made it, or a newer one.`,
    );
  const result = manifestSchema.safeParse(parsed);
  if (!result.success)
    throw new BackupError(`the manifest of ${file} is damaged or of another format.`);
  const manifest = result.data;
  const byName = new Map<string, TarEntry>();
  for (const entry of entries.slice(1)) {
    if (byName.has(entry.name)) throw new BackupError(`${file} holds ${entry.name} twice.`);
    byName.set(entry.name, entry);
  }
  const parts = new Map<string, TarEntry>();
  for (const table of manifest.tables) {
    const entry = byName.get(table.file);
    if (!entry) throw new BackupError(`${file} lacks ${table.file}, which its manifest lists.`);
    if (entry.size !== table.bytes)
      throw new BackupError(
        `${table.file} in ${file} is damaged: ${entry.size} bytes where the manifest says ${table.bytes}.`,
      );
    if ((await sha256Of(file, entry)) !== table.sha256)
      throw new BackupError(
        `${table.file} in ${file} is damaged: its SHA-256 differs from the manifest's.`,
      );
    parts.set(table.name, entry);
    byName.delete(table.file);
  }
  const extra = [...byName.keys()];
  if (extra.length > 0)
    throw new BackupError(`${file} holds ${extra[0]}, which its manifest does not list.`);
  return { manifest, entries: parts };
}

// ---------------------------------------------------------------------------------------
// Restore

export interface RestoreOptions {
  /** Rows per insert (default: as many as fit 10,000 parameters and 8 MB, at most 500). */
  batchRows?: number;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  /** Tables left empty because they are derived per dialect (a restore across dialects). */
  skipped: string[];
  /** Migrations applied after the data was in (the backup came from an older version). */
  migrated: string[];
}

/** Tables with rows, other than what the migrations write into an empty database. */
async function tablesWithRows(db: Db): Promise<string[]> {
  const tables = await describeTables(db.kysely, db.dialect);
  const filled: string[] = [];
  for (const table of tables) {
    if (BOOKKEEPING.includes(table.name)) continue;
    const row = await rowsOf(
      db.kysely,
      sql<{ one: number }>`select 1 as one from ${sql.table(table.name)} limit 1`,
    );
    if (row.length > 0) filled.push(table.name);
  }
  return filled;
}

async function* partRows(file: string, entry: TarEntry): AsyncGenerator<unknown[]> {
  const lines = createInterface({
    input: readTarEntry(file, entry).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (line === '') continue;
    const values = JSON.parse(line) as unknown;
    if (!Array.isArray(values))
      throw new BackupError(`${entry.name} holds a line that is not a row.`);
    yield values;
  }
}

function decodeValue(kind: ColumnKind, value: unknown): unknown {
  if (value === null) return null;
  if (kind === 'binary') {
    if (typeof value !== 'string') throw new BackupError('a binary value is not base64 text.');
    return Buffer.from(value, 'base64');
  }
  return value;
}

const BATCH_PARAMETERS = 10_000;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Restores a verified backup into `db`, which must hold no data: migrates it to the backup's
 * schema, writes every table in one transaction (foreign keys in dependency order, sequences
 * reset on PostgreSQL), calls `afterData` in that transaction (the audit event), commits, and
 * then applies the migrations newer than the backup.
 */
export async function restoreBackup(
  db: Db,
  file: string,
  afterData: (trx: Transaction<Database>, result: RestoreResult) => Promise<void> = async () => {},
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const { manifest, entries } = await verifyBackup(file);

  const known = knownMigrations();
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0)
    throw new BackupError(
      `the backup comes from a newer version of Vänortsportalen (its schema has ${unknown.join(', ')}); restore it with that version or a newer one.`,
    );
  if (manifest.migrations.some((m, i) => known[i] !== m))
    throw new BackupError('the backup’s migrations are not in this version’s order.');

  const filled = await tablesWithRows(db);
  if (filled.length > 0)
    throw new BackupError(
      `the database already holds data (in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}); restore into an empty database.`,
    );

  const backupVersion = manifest.migrations[manifest.migrations.length - 1] ?? '';
  await migrateTo(db, backupVersion);

  const target = await describeTables(db.kysely, db.dialect);
  const targetByName = new Map(target.map((t) => [t.name, t]));
  const missing = manifest.tables.filter((t) => !targetByName.has(t.name)).map((t) => t.name);
  if (missing.length > 0)
    throw new BackupError(`the database has no table ${missing.join(', ')} after migrating.`);
  const absent = target.filter((t) => !manifest.tables.some((m) => m.name === t.name));
  if (absent.length > 0)
    throw new BackupError(`the backup lacks the table ${absent.map((t) => t.name).join(', ')}.`);

  const crossDialect = manifest.dialect !== db.dialect;
  const skipped = crossDialect ? DIALECT_DERIVED.filter((t) => targetByName.has(t)) : [];
  const ordered = dependencyOrder(target);
  const sequence = [
    ...ordered.filter((t) => !WRITTEN_BY_TRIGGERS.includes(t.name)),
    ...WRITTEN_BY_TRIGGERS.flatMap((name) => targetByName.get(name) ?? []),
  ];

  const result: RestoreResult = { manifest, rows: 0, skipped, migrated: [] };
  await db.kysely.transaction().execute(async (trx) => {
    if (db.dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const table of sequence) {
      const part = manifest.tables.find((t) => t.name === table.name);
      const entry = entries.get(table.name);
      if (!part || !entry) throw new BackupError(`the backup lacks the table ${table.name}.`);
      await sql`delete from ${sql.table(table.name)}`.execute(trx);
      if (skipped.includes(table.name)) continue;
      result.rows += await restoreTable(trx, db.dialect, file, entry, part, table, options);
    }
    await afterData(trx, result);
  });
  result.migrated = await migrateToLatest(db);
  return result;
}

async function restoreTable(
  trx: Transaction<Database>,
  dialect: Dialect,
  file: string,
  entry: TarEntry,
  part: BackupManifest['tables'][number],
  table: TableInfo,
  options: RestoreOptions,
): Promise<number> {
  const targetColumns = new Map(table.columns.map((c) => [c.name, c]));
  // Backup columns kept (by index), and those the other dialect has and this one lacks.
  const kept: { index: number; kind: ColumnKind; name: string }[] = [];
  part.columns.forEach((column, index) => {
    if (targetColumns.has(column.name)) kept.push({ index, kind: column.kind, name: column.name });
    else if (column.kind !== 'tsvector')
      throw new BackupError(
        `the backup has the column ${table.name}.${column.name}, which the database lacks.`,
      );
  });
  for (const column of table.columns)
    if (!column.optional && !part.columns.some((c) => c.name === column.name))
      throw new BackupError(`the backup lacks the column ${table.name}.${column.name}.`);

  // Foreign keys to the table itself: written as null first, set once every row is in.
  const selfRefs = new Set(
    table.selfReferences.filter((name) => targetColumns.get(name)?.optional === true),
  );
  const overriding =
    dialect === 'postgres' && kept.some((c) => targetColumns.get(c.name)?.identityAlways)
      ? sql` overriding system value`
      : sql``;
  const columnList = sql.join(kept.map((c) => sql.ref(c.name)));
  const perBatch =
    options.batchRows ?? Math.max(1, Math.min(500, Math.floor(BATCH_PARAMETERS / kept.length)));

  let batch: unknown[][] = [];
  let batchBytes = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values = sql.join(batch.map((row) => sql`(${sql.join(row)})`));
    await sql`insert into ${sql.table(table.name)} (${columnList})${overriding} values ${values}`.execute(
      trx,
    );
    batch = [];
    batchBytes = 0;
  };
  for await (const values of partRows(file, entry)) {
    if (values.length !== part.columns.length)
      throw new BackupError(
        `a row of ${table.name} has ${values.length} values, not ${part.columns.length}.`,
      );
    const row = kept.map((c) =>
      selfRefs.has(c.name) ? null : decodeValue(c.kind, values[c.index]),
    );
    for (const value of row)
      batchBytes += Buffer.isBuffer(value)
        ? value.length
        : typeof value === 'string'
          ? value.length
          : 8;
    batch.push(row);
    count++;
    if (batch.length >= perBatch || batchBytes >= BATCH_BYTES) await flush();
  }
  await flush();
  if (count !== part.rows)
    throw new BackupError(
      `the backup holds ${count} rows of ${table.name}, not ${part.rows} as its manifest says.`,
    );

  if (selfRefs.size > 0) {
    const keyIndex = table.primaryKey.map((name) => part.columns.findIndex((c) => c.name === name));
    if (keyIndex.some((i) => i < 0))
      throw new BackupError(`the backup lacks the primary key of ${table.name}.`);
    for await (const values of partRows(file, entry)) {
      for (const name of selfRefs) {
        const index = part.columns.findIndex((c) => c.name === name);
        if (values[index] === null || values[index] === undefined) continue;
        const where = sql.join(
          table.primaryKey.map((key, i) => sql`${sql.ref(key)} = ${values[keyIndex[i] ?? -1]}`),
          sql` and `,
        );
        await sql`update ${sql.table(table.name)} set ${sql.ref(name)} = ${values[index]} where ${where}`.execute(
          trx,
        );
      }
    }
  }

  if (dialect === 'postgres') {
    for (const column of table.columns.filter((c) => c.sequence)) {
      await sql`select setval(pg_get_serial_sequence(${table.name}, ${column.name}),
          coalesce((select max(${sql.ref(column.name)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(
        trx,
      );
    }
  }
  return count;
}
