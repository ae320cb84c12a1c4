import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql, type Transaction } from 'kysely';
import type { Database, Db, Dialect } from './database.ts';
import { knownMigrations, migrateTo, migrateToLatest } from './migrate.ts';
import { TarFormatError, listTar, readTarEntry, type TarEntry } from './backup-tar.ts';
import {
  BackupError,
  BOOKKEEPING,
  DIALECT_DERIVED,
  MANIFEST,
  WRITTEN_BY_TRIGGERS,
  BACKUP_FORMAT_VERSION,
  describeTables,
  dependencyOrder,
  manifestSchema,
  rowsOf,
  type BackupManifest,
  type ColumnKind,
  type TableInfo,
} from './backup-schema.ts';

// Verifying and restoring a backup (`vanort restore`, decision 042); the format: backup-schema.ts.

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
